import { auditEvents } from '../db/schema';
import type { RequestMeta } from './context';
import type { Queryable } from './db';
import type { Actor } from './policy';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The organisation the record belongs to. */
  orgId?: string | null;
  /** When someone acts for another school (a group leader booking on its behalf). */
  onBehalfOfOrgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** An audit event's row, for a statement that writes it beside the change it records (a CTE). */
export function auditRow(actor: Actor | null, meta: RequestMeta, entry: AuditEntry) {
  return {
    actorId: actor?.user.id ?? null,
    orgId: entry.orgId ?? null,
    onBehalfOfOrgId: entry.onBehalfOfOrgId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: meta.requestId,
  } satisfies typeof auditEvents.$inferInsert;
}

/** Write an audit event in the same transaction as the change it records, so neither exists without the other. */
export async function audit(tx: Queryable, actor: Actor | null, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(actor, meta, entry));
}

const SECRET_KEYS = /password|token|secret|hash/i;
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.test(k) ? '[redacted]' : v)));
}
