import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs';

/** Every state change: who, acting for whom, what, when, before → after. Append-only. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Monotonic order for stable pagination (several events can share a timestamp). */
    seq: bigserial({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    onBehalfOfOrgId: uuid().references(() => orgs.id),
    /** The organisation the record belongs to; admins of it (and above) read the event. */
    orgId: uuid().references(() => orgs.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    index('audit_events_org_seq_idx').on(t.orgId, t.seq),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
  ],
);
