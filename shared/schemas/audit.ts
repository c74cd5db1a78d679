import { z } from 'zod';
import { id, isoTime, page, text } from './common';

export const auditEvent = z.object({
  id,
  at: isoTime,
  actorId: id.nullable(),
  actorName: text().nullable(),
  onBehalfOfOrgId: id.nullable(),
  orgId: id.nullable(),
  action: text(),
  entityType: text(),
  entityId: text().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditPage = page(auditEvent);

export const auditListQuery = z.object({
  orgId: id.optional(),
  entityType: text().max(40).optional(),
  cursor: text().max(40).optional(),
});
