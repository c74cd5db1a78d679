// Reading placements (a teacher in post): for the teacher, their mentor, the host and home schools' admins and the
// programme's leaders; with the weekly log, the reviews, and the live lessons the platform can offer as log entries.
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlacementStatus } from '../../../shared/enums';
import type { LessonOffer, LogEntry, Placement } from '../../../shared/schemas/exchanges';
import { fromLocal, iso, toLocal } from '../../../shared/time';
import {
  classrooms,
  exchangeLogs,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  exchangeReviews,
  lessonAttendance,
  lessonClassrooms,
  lessons,
  orgs,
  resources,
  users,
} from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, adminOf } from '../../lib/policy';
import { anyOf } from '../../lib/scope-sql';
import { minutesPresent, presentUntil } from '../lessons/attendance.rules';
import { leadsProgrammeOrg } from './exchanges.queries';
import { mondayOf, pastMondays } from './exchanges.rules';
import { countedInYear, inPostOn } from './overview.queries';

const host = alias(orgs, 'host');
const home = alias(orgs, 'home');
const teacher = alias(users, 'teacher');
const mentor = alias(users, 'mentor');
const confirmer = alias(users, 'confirmer');

function selectPlacements(db: Queryable) {
  return db
    .select({
      pl: exchangePlacements,
      kind: exchangeProgrammes.kind,
      programmeName: exchangeProgrammes.name,
      programmeOrgId: exchangeProgrammes.orgId,
      subject: exchangePostings.subject,
      hostName: host.name,
      rural: host.rural,
      supported: host.supported,
      homeName: home.name,
      teacherName: teacher.name,
      mentorName: mentor.name,
      hoursLogged: sql<number>`(SELECT coalesce(sum(${exchangeLogs.hours}), 0)::float8 FROM ${exchangeLogs}
        WHERE ${exchangeLogs.placementId} = ${exchangePlacements.id})`,
      hoursConfirmed: sql<number>`(SELECT coalesce(sum(${exchangeLogs.hours}), 0)::float8 FROM ${exchangeLogs}
        WHERE ${exchangeLogs.placementId} = ${exchangePlacements.id} AND ${exchangeLogs.confirmedAt} IS NOT NULL)`,
    })
    .from(exchangePlacements)
    .innerJoin(exchangePostings, eq(exchangePostings.id, exchangePlacements.postingId))
    .innerJoin(exchangeProgrammes, eq(exchangeProgrammes.id, exchangePostings.programmeId))
    .innerJoin(host, eq(host.id, exchangePlacements.hostSchoolId))
    .innerJoin(home, eq(home.id, exchangePlacements.homeSchoolId))
    .innerJoin(teacher, eq(teacher.id, exchangePlacements.teacherId))
    .leftJoin(mentor, eq(mentor.id, exchangePlacements.mentorId));
}

export type PlacementRow = Awaited<ReturnType<typeof selectPlacements>>[number];

/**
 * Who reads a placement: its teacher and mentor, the admins of its home and host schools, and the leaders of the
 * group or district that runs its programme or that either school belongs to — as the group's view counts it by
 * school, whichever programme placed the teacher.
 */
function readableWhere(actor: Actor): SQL {
  const a = adminOf(actor);
  const leads = [...a.groupIds, ...a.districtIds];
  return anyOf([
    eq(exchangePlacements.teacherId, actor.user.id),
    eq(exchangePlacements.mentorId, actor.user.id),
    a.schoolIds.length ? inArray(exchangePlacements.hostSchoolId, a.schoolIds) : undefined,
    a.schoolIds.length ? inArray(exchangePlacements.homeSchoolId, a.schoolIds) : undefined,
    leads.length ? inArray(exchangeProgrammes.orgId, leads) : undefined,
    ...(a.groupIds.length ? [inArray(host.groupId, a.groupIds), inArray(home.groupId, a.groupIds)] : []),
    ...(a.districtIds.length ? [inArray(host.districtId, a.districtIds), inArray(home.districtId, a.districtIds)] : []),
  ]);
}

/** The host school's admins and the mentor confirm logs; the admins also review and name the mentor. */
export const hostsPlacement = (actor: Actor, x: PlacementRow) => adminOf(actor).schoolIds.includes(x.pl.hostSchoolId);
/** The host school's admins and the mentor confirm and review — never the teacher in post, whatever else they are. */
export const confirmsFor = (actor: Actor, x: PlacementRow) =>
  x.pl.teacherId !== actor.user.id && (hostsPlacement(actor, x) || x.pl.mentorId === actor.user.id);

async function logDaysOf(db: Queryable, placementIds: string[]) {
  if (!placementIds.length) return [];
  return db
    .select({ placementId: exchangeLogs.placementId, on: exchangeLogs.on })
    .from(exchangeLogs)
    .where(inArray(exchangeLogs.placementId, placementIds));
}

async function reviewsOf(db: Queryable, placementIds: string[]) {
  if (!placementIds.length) return [];
  return db
    .select({ r: exchangeReviews, byName: users.name })
    .from(exchangeReviews)
    .innerJoin(users, eq(users.id, exchangeReviews.reviewedBy))
    .where(inArray(exchangeReviews.placementId, placementIds))
    .orderBy(asc(exchangeReviews.reviewedAt));
}

type Extras = { days: Awaited<ReturnType<typeof logDaysOf>>; reviews: Awaited<ReturnType<typeof reviewsOf>> };

export function placementOut(x: PlacementRow, actor: Actor, extras: Extras): Placement {
  const today = toLocal(new Date()).date;
  const logged = new Set(extras.days.filter((d) => d.placementId === x.pl.id).map((d) => mondayOf(d.on)));
  const missing =
    x.pl.status === 'active'
      ? pastMondays(x.pl.startsOn, x.pl.endsOn, today)
          .filter((m) => !logged.has(m))
          .slice(-8)
      : [];
  return {
    id: x.pl.id,
    applicationId: x.pl.applicationId,
    status: x.pl.status,
    kind: x.kind,
    programmeName: x.programmeName,
    subject: x.subject,
    teacher: { id: x.pl.teacherId, name: x.teacherName },
    homeSchool: { id: x.pl.homeSchoolId, name: x.homeName },
    hostSchool: { id: x.pl.hostSchoolId, name: x.hostName, rural: x.rural, supported: x.supported },
    mentor: x.pl.mentorId && x.mentorName ? { id: x.pl.mentorId, name: x.mentorName } : null,
    startsOn: x.pl.startsOn,
    endsOn: x.pl.endsOn,
    completedOn: x.pl.completedOn,
    hoursLogged: x.hoursLogged,
    hoursConfirmed: x.hoursConfirmed,
    weeksWithoutEntry: missing,
    reviews: extras.reviews
      .filter((r) => r.r.placementId === x.pl.id)
      .map((r) => ({
        stage: r.r.stage,
        summary: r.r.summary,
        satisfactory: r.r.satisfactory,
        by: { id: r.r.reviewedBy, name: r.byName },
        at: iso(r.r.reviewedAt),
      })),
    mayLog: x.pl.teacherId === actor.user.id && x.pl.status === 'active',
    mayConfirm: confirmsFor(actor, x),
  };
}

/** A placement the caller may read, or 404. */
export async function getReadablePlacement(db: Queryable, actor: Actor, id: string): Promise<PlacementRow> {
  const [row] = await selectPlacements(db).where(and(eq(exchangePlacements.id, id), readableWhere(actor)));
  if (!row) throw notFound('placement');
  return row;
}

export async function placementFor(db: Queryable, actor: Actor, row: PlacementRow): Promise<Placement> {
  const [days, reviews] = [await logDaysOf(db, [row.pl.id]), await reviewsOf(db, [row.pl.id])];
  return placementOut(row, actor, { days, reviews });
}

export interface PlacementFilters {
  scope: 'mine' | 'hosted' | 'all';
  status?: PlacementStatus;
  schoolId?: string;
  side?: 'home' | 'host';
  /** "2026-2027": the placements the group's view counts in that school year. */
  schoolYear?: string;
  inPostOn?: string;
  cursor?: string;
  limit?: number;
}

/** The group's view's filters: one school's side, a school year as its figures count it, who is in post on a day. */
function figureFilters(f: PlacementFilters): (SQL | undefined)[] {
  const school = f.schoolId;
  const at =
    f.side === 'home'
      ? [exchangePlacements.homeSchoolId]
      : f.side === 'host'
        ? [exchangePlacements.hostSchoolId]
        : [exchangePlacements.homeSchoolId, exchangePlacements.hostSchoolId];
  return [
    school ? anyOf(at.map((column) => eq(column, school))) : undefined,
    f.schoolYear ? countedInYear(Number(f.schoolYear.slice(0, 4))) : undefined,
    f.inPostOn ? inPostOn(f.inPostOn) : undefined,
  ];
}

export async function listPlacements(db: Queryable, actor: Actor, f: PlacementFilters) {
  const limit = f.limit ?? 50;
  const offset = f.cursor ? decodeCount(f.cursor) : 0;
  const admin = adminOf(actor).schoolIds;
  const which =
    f.scope === 'mine'
      ? eq(exchangePlacements.teacherId, actor.user.id)
      : f.scope === 'hosted'
        ? anyOf([
            admin.length ? inArray(exchangePlacements.hostSchoolId, admin) : undefined,
            eq(exchangePlacements.mentorId, actor.user.id),
          ])
        : readableWhere(actor);
  const rows = await selectPlacements(db)
    .where(and(which, f.status ? eq(exchangePlacements.status, f.status) : undefined, ...figureFilters(f)))
    .orderBy(desc(exchangePlacements.startsOn), asc(exchangePlacements.id))
    .limit(limit + 1)
    .offset(offset);
  const page = rows.slice(0, limit);
  const ids = page.map((x) => x.pl.id);
  const extras = { days: await logDaysOf(db, ids), reviews: await reviewsOf(db, ids) };
  return {
    items: page.map((x) => placementOut(x, actor, extras)),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null,
  };
}

export async function logsOf(db: Queryable, placementId: string): Promise<LogEntry[]> {
  const rows = await db
    .select({
      l: exchangeLogs,
      lessonTitle: lessons.title,
      resourceTitle: resources.title,
      confirmerName: confirmer.name,
    })
    .from(exchangeLogs)
    .leftJoin(lessons, eq(lessons.id, exchangeLogs.lessonId))
    .leftJoin(resources, eq(resources.id, exchangeLogs.resourceId))
    .leftJoin(confirmer, eq(confirmer.id, exchangeLogs.confirmedBy))
    .where(eq(exchangeLogs.placementId, placementId))
    .orderBy(desc(exchangeLogs.on), desc(exchangeLogs.createdAt));
  return rows.map(({ l, lessonTitle, resourceTitle, confirmerName }) => ({
    id: l.id,
    on: l.on,
    hours: l.hours,
    activity: l.activity,
    note: l.note,
    lesson: l.lessonId && lessonTitle ? { id: l.lessonId, title: lessonTitle } : null,
    resource: l.resourceId && resourceTitle ? { id: l.resourceId, title: resourceTitle } : null,
    confirmedBy: l.confirmedBy && confirmerName ? { id: l.confirmedBy, name: confirmerName } : null,
    confirmedAt: l.confirmedAt ? iso(l.confirmedAt) : null,
  }));
}

/**
 * Live lessons the teacher gave while in post (ended, within the placement's days) to at least one rural classroom,
 * not logged yet — each with the rural classrooms' minutes from LiveKit's events. `lessonId` narrows to one.
 */
export async function lessonOffers(db: Queryable, x: PlacementRow, lessonId?: string): Promise<LessonOffer[]> {
  const taught = await db
    .select({ l: lessons })
    .from(lessons)
    .leftJoin(exchangeLogs, and(eq(exchangeLogs.lessonId, lessons.id), eq(exchangeLogs.placementId, x.pl.id)))
    .where(
      and(
        eq(lessons.teacherId, x.pl.teacherId),
        eq(lessons.status, 'ended'),
        // The placement's days as Beijing counts them (a lesson at 07:30 on its first day is in it).
        gte(lessons.startsAt, fromLocal(x.pl.startsOn)),
        lt(lessons.startsAt, fromLocal(x.pl.endsOn)),
        isNull(exchangeLogs.id),
        lessonId ? eq(lessons.id, lessonId) : undefined,
      ),
    )
    .orderBy(desc(lessons.startsAt))
    .limit(20);
  if (!taught.length) return [];
  const ids = taught.map((t) => t.l.id);
  const rooms = await db
    .select({ lessonId: lessonClassrooms.lessonId, id: classrooms.id, name: classrooms.name, schoolName: orgs.name })
    .from(lessonClassrooms)
    .innerJoin(classrooms, eq(classrooms.id, lessonClassrooms.classroomId))
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(and(inArray(lessonClassrooms.lessonId, ids), eq(orgs.rural, true)));
  const sessions = await db.select().from(lessonAttendance).where(inArray(lessonAttendance.lessonId, ids));
  return taught.flatMap(({ l }) => {
    const rural = rooms.filter((r) => r.lessonId === l.id);
    if (!rural.length) return [];
    const until = presentUntil(l);
    return [
      {
        lessonId: l.id,
        title: l.title,
        startsAt: iso(l.startsAt),
        endsAt: iso(l.endsAt),
        hours: Math.max(0.5, Math.round(((+l.endsAt - +l.startsAt) / 3_600_000) * 2) / 2),
        classrooms: rural.map((r) => ({
          name: r.name,
          schoolName: r.schoolName,
          minutes: minutesPresent(
            sessions.filter((s) => s.lessonId === l.id && s.identity === `classroom:${r.id}`),
            until,
          ),
        })),
      },
    ];
  });
}

/** Whether the caller leads the programme the placement belongs to. */
export const leadsPlacement = (actor: Actor, x: PlacementRow) => leadsProgrammeOrg(actor, x.programmeOrgId);

/** A placement's page as its reader sees it: the placement, its log, and — for the teacher in post — lessons to log. */
export async function placementPage(db: Queryable, actor: Actor, id: string) {
  const row = await getReadablePlacement(db, actor, id);
  const offers = row.pl.teacherId === actor.user.id && row.pl.status === 'active' ? await lessonOffers(db, row) : [];
  return { placement: await placementFor(db, actor, row), logs: await logsOf(db, id), offers };
}
