// Rural-service honour thresholds (issue 12: the policy's figures are settings per group or district, not constants).
// A group or district may set its own years for the county, provincial and national honours, or not give one of
// them; a school takes its group's, else its district's, else the published 10 / 20 / 30 years.
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type HonourYears, PUBLISHED_HONOURS } from '../../../shared/exchanges';
import { honourSettings, orgs, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { type Actor, canManageOrg, type OrgPlace } from '../../lib/policy';

type SettingsRow = typeof honourSettings.$inferSelect;
export const yearsOfRow = (r: SettingsRow): HonourYears => ({
  county: r.countyYears,
  provincial: r.provincialYears,
  national: r.nationalYears,
});

const groupRow = alias(honourSettings, 'group_honours');
const districtRow = alias(honourSettings, 'district_honours');

/** Where each school's thresholds come from: its group's row, else its district's, else none (the published). */
async function rowsOfSchools(db: Queryable, schoolIds: string[]) {
  if (!schoolIds.length) return [];
  return db
    .select({ id: orgs.id, group: groupRow, district: districtRow })
    .from(orgs)
    .leftJoin(groupRow, eq(groupRow.orgId, orgs.groupId))
    .leftJoin(districtRow, eq(districtRow.orgId, orgs.districtId))
    .where(inArray(orgs.id, schoolIds));
}

/** The thresholds in effect at each school (the published ones for a school not found). */
export async function thresholdsOfSchools(db: Queryable, schoolIds: string[]): Promise<Map<string, HonourYears>> {
  const out = new Map<string, HonourYears>(schoolIds.map((id) => [id, PUBLISHED_HONOURS]));
  for (const r of await rowsOfSchools(db, [...new Set(schoolIds)])) {
    const row = r.group ?? r.district;
    if (row) out.set(r.id, yearsOfRow(row));
  }
  return out;
}

/** A group's or district's own thresholds, or the published ones. */
export async function ownThresholds(db: Queryable, orgId: string): Promise<HonourYears> {
  const [row] = await db.select().from(honourSettings).where(eq(honourSettings.orgId, orgId));
  return row ? yearsOfRow(row) : PUBLISHED_HONOURS;
}

/** The thresholds in effect for an organisation, where they come from, and whether the caller may set its own. */
export async function settingsOf(db: Queryable, actor: Actor, org: OrgPlace) {
  let source: 'own' | 'group' | 'district' | 'published' = 'published';
  let row: SettingsRow | null = null;
  if (org.kind === 'school') {
    const [r] = await rowsOfSchools(db, [org.id]);
    row = r?.group ?? r?.district ?? null;
    if (row) source = r?.group ? 'group' : 'district';
  } else {
    [row = null] = await db.select().from(honourSettings).where(eq(honourSettings.orgId, org.id));
    if (row) source = 'own';
  }
  const names = row
    ? await db
        .select({ id: users.id, name: users.name, orgName: orgs.name })
        .from(orgs)
        .innerJoin(users, eq(users.id, row.updatedBy))
        .where(eq(orgs.id, row.orgId))
    : [];
  const [n] = names;
  return {
    orgId: org.id,
    years: row ? yearsOfRow(row) : PUBLISHED_HONOURS,
    source,
    from: row && n ? { id: row.orgId, name: n.orgName } : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row && n ? { id: n.id, name: n.name } : null,
    mayEdit: org.kind !== 'school' && canManageOrg(actor, org),
  };
}
