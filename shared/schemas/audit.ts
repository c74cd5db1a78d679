import { z } from 'zod';
import { id, isoTime, page, text } from './common';

/**
 * What an event was done to, in words: read from the record as it is now, or from what the event kept of it
 * once the record is gone. The web writes each event as a sentence from it ("王明远 结束了直播课《…》").
 */
export const auditSubject = z.object({
  /**
   * A lesson's, resource's or collection's title; a facility's, classroom's, organisation's or token's name; a
   * member's or invitee's name; for a booking or a closure, its facility's name (a closure of every facility of
   * a school: null). Null when nothing is left to name it by.
   */
  name: text().nullable(),
  /** The time a booking or lesson holds; a closure's first and last day (midnight, Beijing time). */
  startsAt: isoTime.nullable(),
  endsAt: isoTime.nullable(),
  /** Whose booking it is, when that is not the actor. */
  personName: text().nullable(),
});
export type AuditSubject = z.infer<typeof auditSubject>;

export const auditEvent = z.object({
  id,
  at: isoTime,
  actorId: id.nullable(),
  actorName: text().nullable(),
  onBehalfOfOrgId: id.nullable(),
  onBehalfOfOrgName: text().nullable(),
  orgId: id.nullable(),
  orgName: text().nullable(),
  action: text(),
  entityType: text(),
  entityId: text().nullable(),
  subject: auditSubject,
  /** Names of the other records `before` and `after` mention by id (a classroom, a facility, a person). */
  names: z.record(z.string(), text()),
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
