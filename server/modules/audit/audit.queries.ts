// Reading the audit trail: administrators read their organisations' events (a group's or district's admins
// those of its schools too); everyone reads what was done to their own account and tokens.
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { fromLocal, iso } from '../../../shared/time';
import {
  auditEvents,
  bookings,
  classrooms,
  closures,
  collections,
  credentials,
  facilities,
  invitations,
  lessons,
  memberships,
  orgs,
  resources,
  users,
} from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import { forbidden } from '../../lib/errors';
import { type Actor, canManageOrg } from '../../lib/policy';
import { getVisibleOrg, listVisibleOrgs } from '../orgs/orgs.queries';

const PAGE = 50;

/**
 * The organisations whose events the actor reads: the one asked for (404 out of reach, 403 unless they
 * administer it) with its schools, or else every organisation they administer.
 */
async function auditedOrgIds(db: Queryable, actor: Actor, orgId: string | undefined): Promise<string[]> {
  if (!orgId) return (await listVisibleOrgs(db, actor)).filter((o) => canManageOrg(actor, o)).map((o) => o.id);
  const target = await getVisibleOrg(db, actor, orgId);
  if (!canManageOrg(actor, target)) throw forbidden('Only administrators read the audit trail');
  if (target.kind === 'school') return [target.id];
  const schools = (await listVisibleOrgs(db, actor)).filter(
    (o) => o.groupId === target.id || o.districtId === target.id,
  );
  return [target.id, ...schools.map((o) => o.id)];
}

export interface ListAuditParams {
  /** One organisation (and its schools); all that the actor administers when absent. */
  orgId?: string;
  entityType?: string;
  /** The page after the one that answered this cursor. */
  cursor?: string;
}

export async function listAuditEvents(
  db: Queryable,
  actor: Actor,
  params: ListAuditParams,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { orgId, entityType, cursor } = params;
  const orgIds = await auditedOrgIds(db, actor, orgId);
  // A person always sees what was done to their own account and tokens.
  const own = and(eq(auditEvents.actorId, actor.user.id), inArray(auditEvents.entityType, ['user', 'api_token']));
  const scope = orgId
    ? inArray(auditEvents.orgId, orgIds)
    : orgIds.length
      ? or(inArray(auditEvents.orgId, orgIds), own)
      : own;
  const rows = await db
    .select({ e: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        scope,
        entityType ? eq(auditEvents.entityType, entityType) : undefined,
        cursor ? lt(auditEvents.seq, decodeCount(cursor)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(PAGE + 1);
  const events = rows.slice(0, PAGE);
  const words = await inWords(
    db,
    events.map((r) => r.e),
  );
  const items = events.map(({ e, actorName }) => ({
    id: e.id,
    at: iso(e.at),
    actorId: e.actorId,
    actorName,
    onBehalfOfOrgId: e.onBehalfOfOrgId,
    onBehalfOfOrgName: words.name(e.onBehalfOfOrgId),
    orgId: e.orgId,
    orgName: words.name(e.orgId),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    subject: words.subject(e),
    names: words.mentioned(e),
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  const last = rows.length > PAGE ? rows[PAGE - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(String(last.e.seq)) : null };
}

type Event = typeof auditEvents.$inferSelect;
type Subject = AuditEvent['subject'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An id as before/after hold it: plain, or a LiveKit identity (`classroom:<id>`, `user:<id>`). */
const idIn = (v: string) =>
  UUID.test(v) ? v : UUID.test(v.replace(/^(classroom|user):/, '')) ? v.slice(v.indexOf(':') + 1) : null;

/** Every id an event's before and after mention, at any depth. */
function mentionedIds(e: Event): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const id = idIn(v);
      if (id) out.push(id);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(e.before);
  walk(e.after);
  return out;
}

/** A field of a jsonb snapshot, when it is a string. */
const field = (snapshot: unknown, key: string): string | null => {
  const v = snapshot && typeof snapshot === 'object' ? (snapshot as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : null;
};
const dayStart = (day: string | null) => (day ? iso(fromLocal(day)) : null);

/**
 * Names for one page of events, read in a few queries: what each event was done to (its title or name, and the
 * time a booking, lesson or closure holds), its organisations, and every record its before/after mention by id.
 */
async function inWords(db: Queryable, events: Event[]) {
  const idsOf = (type: string) => [
    ...new Set(
      events.flatMap((e) => (e.entityType === type && e.entityId && UUID.test(e.entityId) ? [e.entityId] : [])),
    ),
  ];
  const [bookingIds, closureIds, membershipIds, lessonIds] = ['booking', 'closure', 'membership', 'lesson'].map(idsOf);
  // Records named by another one (a booking or closure by its facility, a membership by its person) and times.
  const none = Promise.resolve([]);
  const [bookingRows, closureRows, membershipRows, lessonRows] = await Promise.all([
    bookingIds?.length
      ? db
          .select({
            id: bookings.id,
            f: bookings.facilityId,
            by: bookings.bookerId,
            s: bookings.startsAt,
            e: bookings.endsAt,
          })
          .from(bookings)
          .where(inArray(bookings.id, bookingIds))
      : none,
    closureIds?.length
      ? db
          .select({ id: closures.id, f: closures.facilityId, from: closures.startsOn, to: closures.endsOn })
          .from(closures)
          .where(inArray(closures.id, closureIds))
      : none,
    membershipIds?.length
      ? db
          .select({ id: memberships.id, u: memberships.userId })
          .from(memberships)
          .where(inArray(memberships.id, membershipIds))
      : none,
    lessonIds?.length
      ? db
          .select({ id: lessons.id, s: lessons.startsAt, e: lessons.endsAt })
          .from(lessons)
          .where(inArray(lessons.id, lessonIds))
      : none,
  ]);
  const booking = new Map(bookingRows.map((b) => [b.id, b]));
  const closure = new Map(closureRows.map((c) => [c.id, c]));
  const member = new Map(membershipRows.map((m) => [m.id, m.u]));
  const lesson = new Map(lessonRows.map((l) => [l.id, l]));
  const ids = [
    ...new Set(
      [
        ...events.flatMap((e) => [e.entityId, e.orgId, e.onBehalfOfOrgId, ...mentionedIds(e)]),
        ...bookingRows.flatMap((b) => [b.f, b.by]),
        ...closureRows.map((c) => c.f),
        ...membershipRows.map((m) => m.u),
      ].filter((x): x is string => !!x && UUID.test(x)),
    ),
  ];
  // Ids are random uuids, unique across tables: one map holds every name.
  const tables = [orgs, users, classrooms, facilities, resources, lessons, collections, credentials, invitations];
  const named = ids.length
    ? await Promise.all(
        tables.map((t) =>
          db
            .select({ id: t.id, name: 'title' in t ? t.title : t.name })
            .from(t)
            .where(inArray(t.id, ids)),
        ),
      )
    : [];
  const names = new Map(named.flat().flatMap((n) => (n.name ? [[n.id, n.name] as const] : [])));
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  const kept = (e: Event, key: string) => field(e.after, key) ?? field(e.before, key);

  const subject = (e: Event): Subject => {
    const blank: Subject = { name: null, startsAt: null, endsAt: null, personName: null };
    const id = e.entityId ?? '';
    if (e.entityType === 'booking') {
      const b = booking.get(id);
      if (!b) return { ...blank, name: kept(e, 'facility'), startsAt: kept(e, 'startsAt'), endsAt: kept(e, 'endsAt') };
      const personName = b.by === e.actorId ? null : name(b.by);
      return { name: name(b.f), startsAt: iso(b.s), endsAt: iso(b.e), personName };
    }
    if (e.entityType === 'closure') {
      const c = closure.get(id);
      const [f, from, to] = c ? [c.f, c.from, c.to] : [kept(e, 'facilityId'), kept(e, 'startsOn'), kept(e, 'endsOn')];
      return { ...blank, name: name(f), startsAt: dayStart(from), endsAt: dayStart(to) };
    }
    if (e.entityType === 'membership') return { ...blank, name: name(member.get(id) ?? kept(e, 'userId')) };
    const l = e.entityType === 'lesson' ? lesson.get(id) : undefined;
    // A token or an invitation keeps its name in the event too, should the record be gone.
    const named = name(id) ?? kept(e, 'name') ?? kept(e, 'title');
    return { ...blank, name: named, startsAt: l ? iso(l.s) : null, endsAt: l ? iso(l.e) : null };
  };
  const mentioned = (e: Event): Record<string, string> =>
    Object.fromEntries(mentionedIds(e).flatMap((x) => (names.has(x) ? [[x, names.get(x) as string]] : [])));
  return { name, subject, mentioned };
}
