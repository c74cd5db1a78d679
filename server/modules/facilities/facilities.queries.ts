import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { FacilityKind } from '../../../shared/enums';
import type { Facility, Photo } from '../../../shared/schemas/facilities';
import { toLocal } from '../../../shared/time';
import { bookings, closures, facilities, memberships, orgs } from '../../db/schema';
import { preparedPer, type Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, adminOf, canManageOrg, canSeeOrg, canSeeScoped, type OrgPlace } from '../../lib/policy';
import { anyOf, visibleScopedWhere } from '../../lib/scope-sql';
import { TtlMap } from '../../lib/ttl-map';
import type { Closure } from '../bookings/bookings.rules';
import { byName } from '../orgs/orgs.queries';

const facilityColumns = {
  facility: facilities,
  school: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
};
export type FacilityRow = { facility: typeof facilities.$inferSelect; school: OrgPlace & { name: string } };

const scopedColumns = {
  schoolId: facilities.schoolId,
  groupId: orgs.groupId,
  districtId: orgs.districtId,
  scope: facilities.scope,
};

/**
 * Who manages a facility (edits it, approves its bookings, blocks time): admins of its school and of its
 * group (CONTRACT: "admins of the facility's school, and admins of its group, may approve"), and district
 * admins when it is shared with the district or wider.
 */
export function canManageFacility(actor: Actor, row: FacilityRow): boolean {
  const a = adminOf(actor);
  return (
    a.schoolIds.includes(row.school.id) ||
    (row.school.groupId !== null && a.groupIds.includes(row.school.groupId)) ||
    (row.school.districtId !== null &&
      a.districtIds.includes(row.school.districtId) &&
      (row.facility.scope === 'district' || row.facility.scope === 'public'))
  );
}

/** SQL twin of canManageFacility, over a query that joins facilities and their school (orgs). */
export function managedFacilitiesWhere(actor: Actor): SQL {
  const a = adminOf(actor);
  const parts: SQL[] = [sql`false`];
  if (a.schoolIds.length) parts.push(inArray(facilities.schoolId, a.schoolIds));
  if (a.groupIds.length) parts.push(inArray(orgs.groupId, a.groupIds));
  if (a.districtIds.length) {
    const shared = and(inArray(orgs.districtId, a.districtIds), inArray(facilities.scope, ['district', 'public']));
    if (shared) parts.push(shared);
  }
  return anyOf(parts);
}

interface FacilityFilters {
  kind?: FacilityKind;
  q?: string;
  schoolId?: string;
  minCapacity?: number;
  includeRetired?: boolean;
}

export async function listVisibleFacilities(
  db: Queryable,
  actor: Actor,
  f: FacilityFilters = {},
): Promise<FacilityRow[]> {
  const conditions: (SQL | undefined)[] = [
    or(visibleScopedWhere(actor, scopedColumns), managedFacilitiesWhere(actor)),
    f.kind ? eq(facilities.kind, f.kind) : undefined,
    f.schoolId ? eq(facilities.schoolId, f.schoolId) : undefined,
    f.minCapacity ? gte(facilities.capacity, f.minCapacity) : undefined,
    f.includeRetired ? undefined : isNull(facilities.retiredAt),
  ];
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    const like = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(
        ilike(facilities.name, like),
        ilike(orgs.name, like),
        ilike(facilities.location, like),
        sql`array_to_string(${facilities.equipment}, ' ') ILIKE ${like}`,
      ),
    );
  }
  return (await db
    .select(facilityColumns)
    .from(facilities)
    .innerJoin(orgs, eq(orgs.id, facilities.schoolId))
    .where(and(...conditions))
    .orderBy(byName(orgs.name), byName(facilities.name))) as FacilityRow[];
}

/** The facility if the caller may see it; 404 otherwise. */
export async function getVisibleFacility(db: Queryable, actor: Actor, id: string): Promise<FacilityRow> {
  const [row] = (await db
    .select(facilityColumns)
    .from(facilities)
    .innerJoin(orgs, eq(orgs.id, facilities.schoolId))
    .where(eq(facilities.id, id))) as FacilityRow[];
  if (!row) throw notFound('facility');
  if (!canSeeScoped(actor, row.school, row.facility.scope) && !canManageFacility(actor, row))
    throw notFound('facility');
  return row;
}

/**
 * What a booking reads of its facility: the facility as getVisibleFacility sees it, its closed days from yesterday
 * (Beijing) on — a booking cannot begin earlier — and its school's admins (who approve). `stamp` names the versions of
 * the facility's row and its school's, which a booking's own INSERT checks (bookings-create.service.ts), so a copy
 * kept here that has since changed writes nothing and is read again.
 */
export type FacilityToBook = FacilityRow & { closures: Closure[]; approverIds: string[]; stamp: string };

/** Facilities read for bookings, kept a minute per database (at most 2,000): a booking of one date checks its copy. */
const keptToBook = new WeakMap<object, TtlMap<FacilityToBook>>();
const keptFor = (db: Queryable) => {
  let kept = keptToBook.get(db);
  if (!kept) {
    kept = new TtlMap<FacilityToBook>(60_000, 2000);
    keptToBook.set(db, kept);
  }
  return kept;
};

/**
 * The facility a booking names, in one read — or none, when `kept` and a copy was read within the minute (`kept` in
 * the answer says which); what is read is kept for the next booking. 404 when the caller may not see it.
 */
export async function facilityToBook(
  db: Queryable,
  actor: Actor,
  id: string,
  opts: { kept: boolean },
): Promise<{ row: FacilityToBook; kept: boolean }> {
  const copy = opts.kept ? keptFor(db).get(id) : undefined;
  let row = copy;
  if (!row) {
    const yesterday = toLocal(new Date(Date.now() - 86_400_000)).date;
    [row] = (await facilityToBookQuery(db).execute({ id, fromDay: yesterday })) as FacilityToBook[];
    if (row) keptFor(db).set(id, row);
  }
  if (!row || (!canSeeScoped(actor, row.school, row.facility.scope) && !canManageFacility(actor, row)))
    throw notFound('facility');
  return { row, kept: !!copy };
}

/** A facility's closed days that touch [fromDay, toDay], as JSON in the row (a subquery of facilities ⋈ orgs). */
function closedDaysJson(fromDay: SQL | Placeholder, toDay: SQL | Placeholder) {
  return sql<Closure[]>`coalesce((
        SELECT json_agg(json_build_object('startsOn', ${closures.startsOn}, 'endsOn', ${closures.endsOn},
          'reason', ${closures.reason}) ORDER BY ${closures.startsOn})
        FROM ${closures}
        WHERE ${closures.schoolId} = ${facilities.schoolId}
          AND (${closures.facilityId} IS NULL OR ${closures.facilityId} = ${facilities.id})
          AND ${closures.startsOn} <= ${toDay}::date AND ${closures.endsOn} >= ${fromDay}::date), '[]'::json)`;
}

/** A booking or block of a facility as its availability row carries it (timestamps as JSON text). */
export interface BusyJson {
  startsAt: string;
  endsAt: string;
  status: string;
  kind: string;
}

/**
 * A facility's availability in one read: the facility as getVisibleFacility sees it, with its active bookings and
 * blocks in [from, to) and its closed days in that range — the busiest read of the booking pages.
 */
export async function facilityWithBusy(
  db: Queryable,
  actor: Actor,
  id: string,
  range: { from: Date; to: Date; fromDay: string; toDay: string },
): Promise<FacilityRow & { closures: Closure[]; busy: BusyJson[] }> {
  const [row] = await availabilityQuery(db).execute({
    id,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    fromDay: range.fromDay,
    toDay: range.toDay,
  });
  if (!row || (!canSeeScoped(actor, row.school, row.facility.scope) && !canManageFacility(actor, row as FacilityRow)))
    throw notFound('facility');
  return row as FacilityRow & { closures: Closure[]; busy: BusyJson[] };
}

const availabilityQuery = preparedPer((db: Queryable) => {
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  return db
    .select({
      ...facilityColumns,
      closures: closedDaysJson(sql.placeholder('fromDay'), sql.placeholder('toDay')),
      busy: sql<BusyJson[]>`coalesce((
        SELECT json_agg(json_build_object('startsAt', ${bookings.startsAt}, 'endsAt', ${bookings.endsAt},
          'status', ${bookings.status}, 'kind', ${bookings.kind}) ORDER BY ${bookings.startsAt})
        FROM ${bookings}
        WHERE ${bookings.facilityId} = ${facilities.id} AND ${bookings.status} IN ('pending', 'approved')
          AND ${bookings.startsAt} < ${to}::timestamptz AND ${bookings.endsAt} > ${from}::timestamptz), '[]'::json)`,
    })
    .from(facilities)
    .innerJoin(orgs, eq(orgs.id, facilities.schoolId))
    .where(eq(facilities.id, sql.placeholder('id')))
    .prepare('facility_availability');
});

/**
 * The versions of a facility's row and its school's (PostgreSQL's xmin: any UPDATE makes a new one), over a query
 * that joins facilities and orgs: what a booking read is compared with before it is written.
 */
export const facilityStamp = sql`${facilities}.xmin::text || '/' || ${orgs}.xmin::text`;

/** facilityToBook's statement, built once per database and prepared on each connection (the busiest read of all). */
const facilityToBookQuery = preparedPer((db: Queryable) => {
  return db
    .select({
      ...facilityColumns,
      closures: sql<Closure[]>`coalesce((
        SELECT json_agg(json_build_object('startsOn', ${closures.startsOn}, 'endsOn', ${closures.endsOn},
          'reason', ${closures.reason}) ORDER BY ${closures.startsOn})
        FROM ${closures}
        WHERE ${closures.schoolId} = ${facilities.schoolId}
          AND (${closures.facilityId} IS NULL OR ${closures.facilityId} = ${facilities.id})
          AND ${closures.endsOn} >= ${sql.placeholder('fromDay')}::date), '[]'::json)`,
      approverIds: sql<string[]>`coalesce((
        SELECT json_agg(${memberships.userId}) FROM ${memberships}
        WHERE ${memberships.orgId} = ${facilities.schoolId} AND ${memberships.role} = 'school_admin'), '[]'::json)`,
      stamp: sql<string>`${facilityStamp}`,
    })
    .from(facilities)
    .innerJoin(orgs, eq(orgs.id, facilities.schoolId))
    .where(eq(facilities.id, sql.placeholder('id')))
    .prepare('facility_to_book');
});

/**
 * The facility if the caller manages it: 404 when they cannot see it, 403 (with `refusal`) when they see it
 * but do not manage it.
 */
export async function getManagedFacility(
  db: Queryable,
  actor: Actor,
  id: string,
  refusal: string,
): Promise<FacilityRow> {
  const row = await getVisibleFacility(db, actor, id);
  if (!canManageFacility(actor, row)) throw forbidden(refusal);
  return row;
}

/** A school the caller may see; 404 otherwise (a school of another group is not revealed). */
export async function getVisibleSchool(db: Queryable, actor: Actor, schoolId: string): Promise<FacilityRow['school']> {
  const [row] = await db.select(facilityColumns.school).from(orgs).where(eq(orgs.id, schoolId));
  if (row?.kind !== 'school' || !canSeeOrg(actor, row)) throw notFound('school');
  return row;
}

/** A school the caller administers: 404 when they cannot see it, 403 (with `refusal`) when they do not manage it. */
export async function getManagedSchool(
  db: Queryable,
  actor: Actor,
  schoolId: string,
  refusal: string,
): Promise<FacilityRow['school']> {
  const school = await getVisibleSchool(db, actor, schoolId);
  if (!canManageOrg(actor, school)) throw forbidden(refusal);
  return school;
}

/** The school a new facility is listed for: the one named, or the caller's only school as its admin. */
export async function listingSchool(
  db: Queryable,
  actor: Actor,
  requested: string | undefined,
): Promise<FacilityRow['school']> {
  const own = adminOf(actor).schoolIds;
  const schoolId = requested ?? (own.length === 1 ? own[0] : undefined);
  if (!schoolId)
    throw new AppError('validation_failed', 'Choose the school the facility belongs to', {
      fields: { schoolId: ['required'] },
    });
  return getManagedSchool(db, actor, schoolId, "Only the school's administrators list its facilities");
}

export function facilityOut(row: FacilityRow, actor: Actor, photos: Photo[] = []): Facility {
  const f = row.facility;
  return {
    id: f.id,
    schoolId: row.school.id,
    schoolName: row.school.name,
    name: f.name,
    kind: f.kind,
    capacity: f.capacity,
    location: f.location,
    description: f.description,
    equipment: f.equipment,
    provider: f.provider,
    providerAddress: f.providerAddress,
    scope: f.scope,
    approvalRequired: f.approvalRequired,
    minNoticeHours: f.minNoticeHours,
    maxLengthMinutes: f.maxLengthMinutes,
    advanceDays: f.advanceDays,
    quotaHoursPerTerm: f.quotaHoursPerTerm,
    openingHours: f.openingHours,
    retired: f.retiredAt !== null,
    canManage: canManageFacility(actor, row),
    photos,
  };
}

/** Closures of a facility (its own and its school's) overlapping [fromDay, toDay]. */
export async function closuresFor(
  db: Queryable,
  row: { facilityId: string; schoolId: string },
  fromDay: string,
  toDay: string,
): Promise<Closure[]> {
  return db
    .select({ startsOn: closures.startsOn, endsOn: closures.endsOn, reason: closures.reason })
    .from(closures)
    .where(
      and(
        eq(closures.schoolId, row.schoolId),
        or(isNull(closures.facilityId), eq(closures.facilityId, row.facilityId)),
        lte(closures.startsOn, toDay),
        gte(closures.endsOn, fromDay),
      ),
    )
    .orderBy(asc(closures.startsOn));
}
