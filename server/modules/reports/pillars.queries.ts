// The four pillars' figures per school for stretches of time (the dashboard's two windows, a term report's months),
// each pillar counted in one statement so that a 30-school group's year reads as fast as its SQL allows.
import { type SQL, sql } from 'drizzle-orm';
import type { PillarFigures } from '../../../shared/schemas/reports';
import { toLocal } from '../../../shared/time';
import { type Queryable, rowsOf } from '../../lib/db';
import { exchangeFigures } from '../exchanges/overview.queries';
import { round } from './facility-usage.queries';
import { lastDayOf, type Span, uuidList } from './report-scope';

/** A stretch figures are counted for; `cut` is the window's end: a booking counts once it has ended by then. */
export interface Period extends Span {
  key: string;
  cut: Date;
}

export const zeroFigures = (): PillarFigures => ({
  facilityHoursLent: 0,
  facilityHoursBorrowed: 0,
  resourcesShared: 0,
  resourcesUsedByOthers: 0,
  resourcesReceived: 0,
  liveLessonsTaught: 0,
  liveLessonsReceived: 0,
  liveMinutesReceived: 0,
  exchangeSent: 0,
  exchangeReceived: 0,
  exchangeInPost: 0,
  exchangeHours: 0,
});

/** The periods as an SQL row source `p(key, f, t, c)`. */
const periodsSql = (periods: Period[]): SQL =>
  sql`(VALUES ${sql.join(
    periods.map(
      (p) =>
        sql`(${p.key}, ${p.from.toISOString()}::timestamptz, ${p.to.toISOString()}::timestamptz, ${p.cut.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  )}) AS p(key, f, t, c)`;

interface Keyed {
  school_id: string;
  key: string;
}

/** Hours held (approved bookings that had ended by the cut): lent to other schools, borrowed from them. */
async function facilityRows(db: Queryable, ids: SQL, periods: Period[]) {
  return rowsOf<Keyed & { lent: number; borrowed: number }>(
    await db.execute(sql`
      WITH h AS (
        SELECT f.school_id AS owner, b.borrower_school_id AS borrower, p.key,
          EXTRACT(EPOCH FROM (b.ends_at - b.starts_at)) / 3600 AS hours
        FROM bookings b JOIN facilities f ON f.id = b.facility_id
        JOIN ${periodsSql(periods)} ON b.starts_at >= p.f AND b.starts_at < p.t AND b.ends_at <= p.c
        WHERE b.status = 'approved' AND b.kind = 'booking' AND b.borrower_school_id <> f.school_id
          AND (f.school_id IN (${ids}) OR b.borrower_school_id IN (${ids})))
      SELECT school_id, key, sum(lent)::float8 AS lent, sum(borrowed)::float8 AS borrowed FROM (
        SELECT owner AS school_id, key, hours AS lent, 0 AS borrowed FROM h WHERE owner IN (${ids})
        UNION ALL
        SELECT borrower, key, 0, hours FROM h WHERE borrower IN (${ids})) x
      GROUP BY school_id, key`),
  );
}

/**
 * Resources the school published beyond itself, uses of its resources by other schools' people, and its people's
 * uses of other schools' resources (a use is a download or an attachment, recorded once per person and day).
 */
async function resourceRows(db: Queryable, ids: SQL, periods: Period[]) {
  return rowsOf<Keyed & { shared: number; used: number; received: number }>(
    await db.execute(sql`
      WITH p AS (SELECT * FROM ${periodsSql(periods)}),
        u AS (
          SELECT r.school_id AS owner, u.school_id AS user_school, p.key
          FROM resource_uses u JOIN resources r ON r.id = u.resource_id JOIN p ON u.at >= p.f AND u.at < p.t
          WHERE (r.school_id IN (${ids}) OR u.school_id IN (${ids})) AND u.school_id IS DISTINCT FROM r.school_id)
      SELECT school_id, key, sum(shared)::int AS shared, sum(used)::int AS used, sum(received)::int AS received FROM (
        SELECT r.school_id, p.key, 1 AS shared, 0 AS used, 0 AS received
          FROM resources r JOIN p ON r.published_at >= p.f AND r.published_at < p.t
          WHERE r.school_id IN (${ids}) AND r.status = 'published' AND r.visibility <> 'school'
        UNION ALL
        SELECT owner, key, 0, 1, 0 FROM u WHERE owner IN (${ids})
        UNION ALL
        SELECT user_school, key, 0, 0, 1 FROM u WHERE user_school IN (${ids})) x
      GROUP BY school_id, key`),
  );
}

/**
 * Live lessons (live or ended) that started in the period: per classroom of the schools, those it attended and its
 * minutes present — the union of its LiveKit sessions per lesson, an open session running to the lesson's end (or
 * now), rounded per lesson as attendance.rules' minutesPresent does; and per school, the lessons its teachers gave.
 */
async function lessonRows(db: Queryable, ids: SQL, periods: Period[]) {
  const rows = rowsOf<{
    kind: 'room' | 'taught';
    id: string;
    school_id: string;
    key: string;
    n: number;
    minutes: number;
  }>(
    await db.execute(sql`
      WITH l AS (
        SELECT l.id, l.school_id, p.key,
          CASE WHEN l.status = 'ended' THEN LEAST(l.updated_at, now()) ELSE now() END AS until
        FROM lessons l JOIN ${periodsSql(periods)} ON l.starts_at >= p.f AND l.starts_at < p.t
        WHERE l.status IN ('live', 'ended')),
      inv AS (
        SELECT l.key, l.id AS lesson_id, l.until, c.id AS classroom_id, c.school_id
        FROM l JOIN lesson_classrooms lc ON lc.lesson_id = l.id JOIN classrooms c ON c.id = lc.classroom_id
        WHERE c.school_id IN (${ids})),
      spans AS (
        SELECT inv.key, inv.lesson_id, inv.classroom_id, a.joined_at AS s,
          LEAST(COALESCE(a.left_at, inv.until), inv.until) AS e
        FROM inv JOIN lesson_attendance a
          ON a.lesson_id = inv.lesson_id AND a.identity = 'classroom:' || inv.classroom_id::text
        WHERE a.joined_at IS NOT NULL),
      marked AS (
        SELECT *, CASE WHEN s <= max(e) OVER (PARTITION BY key, lesson_id, classroom_id ORDER BY s, e
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS fresh
        FROM spans WHERE e > s),
      islands AS (
        SELECT key, lesson_id, classroom_id, s, e,
          sum(fresh) OVER (PARTITION BY key, lesson_id, classroom_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
        FROM marked),
      present AS (
        SELECT key, lesson_id, classroom_id, round(sum(secs) / 60)::int AS minutes FROM (
          SELECT key, lesson_id, classroom_id, EXTRACT(EPOCH FROM (max(e) - min(s))) AS secs
          FROM islands GROUP BY key, lesson_id, classroom_id, island) i
        GROUP BY key, lesson_id, classroom_id)
      SELECT 'room' AS kind, inv.classroom_id AS id, inv.school_id, inv.key,
        count(*) FILTER (WHERE pr.minutes > 0)::int AS n, coalesce(sum(pr.minutes), 0)::int AS minutes
      FROM inv LEFT JOIN present pr
        ON pr.key = inv.key AND pr.lesson_id = inv.lesson_id AND pr.classroom_id = inv.classroom_id
      GROUP BY inv.classroom_id, inv.school_id, inv.key
      UNION ALL
      SELECT 'taught', l.school_id, l.school_id, l.key, count(*)::int, 0 FROM l
      WHERE l.school_id IN (${ids}) GROUP BY l.school_id, l.key`),
  );
  return {
    rooms: rows.filter((r) => r.kind === 'room'),
    taught: rows.filter((r) => r.kind === 'taught'),
  };
}

/** A period as days for the exchange figures: [first day, day after the last), in post on the last day. */
const daysOf = (p: Period) => {
  const day = lastDayOf(p);
  const to = toLocal(new Date(Date.parse(`${day}T12:00:00+08:00`) + 86400_000)).date;
  return { key: p.key, from: toLocal(p.from).date, to: p.to > p.from ? to : toLocal(p.from).date, day };
};

export interface Pillars {
  /** school id → period key → figures */
  schools: Map<string, Map<string, PillarFigures>>;
  /** classroom id → period key → lessons attended and minutes present */
  classrooms: Map<string, Map<string, { lessons: number; minutes: number }>>;
}

/** Every pillar's figures for each school of `schoolIds` and each period. */
export async function pillarsOf(db: Queryable, schoolIds: string[], periods: Period[]): Promise<Pillars> {
  const schools = new Map(schoolIds.map((id) => [id, new Map(periods.map((p) => [p.key, zeroFigures()]))]));
  const classrooms: Pillars['classrooms'] = new Map();
  if (!schoolIds.length || !periods.length) return { schools, classrooms };
  const ids = uuidList(schoolIds);
  const facilities = await facilityRows(db, ids, periods);
  const resources = await resourceRows(db, ids, periods);
  const lessons = await lessonRows(db, ids, periods);
  const exchanges = await exchangeFigures(db, schoolIds, periods.map(daysOf));
  const at = (schoolId: string, key: string) => schools.get(schoolId)?.get(key);
  for (const r of facilities) {
    const f = at(r.school_id, r.key);
    if (f)
      Object.assign(f, { facilityHoursLent: round(Number(r.lent)), facilityHoursBorrowed: round(Number(r.borrowed)) });
  }
  for (const r of resources) {
    const f = at(r.school_id, r.key);
    if (f)
      Object.assign(f, { resourcesShared: r.shared, resourcesUsedByOthers: r.used, resourcesReceived: r.received });
  }
  for (const r of lessons.taught) {
    const f = at(r.school_id, r.key);
    if (f) f.liveLessonsTaught = r.n;
  }
  for (const r of lessons.rooms) {
    const f = at(r.school_id, r.key);
    if (f) {
      f.liveLessonsReceived += r.n;
      f.liveMinutesReceived += r.minutes;
    }
    const room = classrooms.get(r.id) ?? new Map();
    room.set(r.key, { lessons: r.n, minutes: r.minutes });
    classrooms.set(r.id, room);
  }
  for (const [schoolId, bySpan] of exchanges)
    for (const [key, e] of bySpan) {
      const f = at(schoolId, key);
      if (f)
        Object.assign(f, {
          exchangeSent: e.sent,
          exchangeReceived: e.received,
          exchangeInPost: e.inPost,
          exchangeHours: round(e.hours),
        });
    }
  return { schools, classrooms };
}

/** The sum of several schools' figures (a group's, or the rural and supported schools'). */
export function sumFigures(all: PillarFigures[]): PillarFigures {
  const out = zeroFigures();
  for (const f of all) for (const k of Object.keys(out) as (keyof PillarFigures)[]) out[k] += f[k];
  out.facilityHoursLent = round(out.facilityHoursLent);
  out.facilityHoursBorrowed = round(out.facilityHoursBorrowed);
  out.exchangeHours = round(out.exchangeHours);
  return out;
}
