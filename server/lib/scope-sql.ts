// The SQL twin of policy.canSeeScoped: a WHERE condition selecting the shared things a person may see,
// so lists filter in the database and never fetch what they must not show.
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, adminOf, reach } from './policy';

export interface ScopedColumns {
  schoolId: AnyPgColumn;
  groupId: AnyPgColumn;
  districtId: AnyPgColumn;
  scope: AnyPgColumn;
}

export function visibleScopedWhere(actor: Actor | null, c: ScopedColumns): SQL {
  const parts: SQL[] = [sql`${c.scope} = 'public'`];
  if (actor) {
    const r = reach(actor);
    const admin = adminOf(actor);
    if (r.schoolIds.size) parts.push(inArray(c.schoolId, [...r.schoolIds]));
    if (r.groupIds.size)
      parts.push(sql`(${c.scope} IN ('group', 'district') AND ${inArray(c.groupId, [...r.groupIds])})`);
    if (r.districtIds.size) parts.push(sql`(${c.scope} = 'district' AND ${inArray(c.districtId, [...r.districtIds])})`);
    if (admin.groupIds.length) parts.push(inArray(c.groupId, admin.groupIds));
    if (admin.districtIds.length) parts.push(inArray(c.districtId, admin.districtIds));
  }
  return anyOf(parts);
}

/** `a OR b OR …`; no conditions at all select nothing. */
export const anyOf = (parts: (SQL | undefined)[]): SQL => or(...parts) ?? sql`false`;
