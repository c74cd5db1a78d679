import { z } from 'zod';
import { id, isoTime, page } from './common';

export const auditEvent = z.object({
  id,
  at: isoTime,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  onBehalfOfOrgId: id.nullable(),
  orgId: id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditPage = page(auditEvent);

export const auditListQuery = z.object({
  orgId: id.optional(),
  entityType: z.string().max(40).optional(),
  cursor: z.string().max(40).optional(),
});
