// Issue 13's figures, on the PostgreSQL server, for a 30-school group with a year of data (京华教育集团: 60
// facilities and ~11,000 bookings, 600 resources and ~20,000 uses, 600 live lessons to 3 rural classrooms each with
// their LiveKit sessions, 60 exchange placements with weekly logs):
//  1. the leader's dashboard, GET /api/reports/dashboard?orgId=<group>, next to the statements it runs (the schools,
//     one per pillar, the rural classrooms) run directly with postgres.js;
//  2. this term's report, GET /api/reports/term?orgId=<group> (month by month), next to its statements.
// One request at a time, API and raw SQL alternating, so a busy moment of the machine falls on both alike; the
// answers are checked equal first. Run: npm run bench:dashboard. Loopback only; bounded counts.
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { alternating, killAllNow, lineVsRaw, rowVsRaw, signIn, startServer, stopAll, table, verdictVsRaw } from './lib';
import { benchDatabase } from './pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHOOLS = 30;
const DAYS = 365;
const LESSONS = 600;
const RESOURCES_PER_SCHOOL = 20;
const USES = 20_000;
const WARMUP = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

/** The figures' names, in the API's order. */
const KEYS = [
  'facilityHoursLent',
  'facilityHoursBorrowed',
  'resourcesShared',
  'resourcesUsedByOthers',
  'resourcesReceived',
  'liveLessonsTaught',
  'liveLessonsReceived',
  'liveMinutesReceived',
  'exchangeSent',
  'exchangeReceived',
  'exchangeInPost',
  'exchangeHours',
] as const;
type Figures = Record<(typeof KEYS)[number], number>;

/** A year of a 30-school group's sharing, made with a few INSERT … SELECT statements. */
async function fill(sql: postgres.Sql, ids: { orgs: Record<string, string>; users: Record<string, string> }) {
  const group = ids.orgs.jinghua!;
  const district = ids.orgs.chengguan!;
  const leader = ids.users.leader!;
  const [counted] = await sql`SELECT count(*)::int AS n FROM orgs WHERE kind = 'school' AND group_id = ${group}`;
  await sql`INSERT INTO orgs (kind, name, code, group_id, district_id, rural, supported)
    SELECT 'school', '京华集团第' || g || '学校', 'JHB' || lpad(g::text, 2, '0'), ${group}, ${district}, g % 3 = 0, g % 6 = 0
    FROM generate_series(1, ${SCHOOLS - (counted!.n as number)}) g`;
  const schools = sql`(SELECT array_agg(id ORDER BY code) AS ids FROM orgs WHERE kind = 'school' AND group_id = ${group})`;
  // A teacher per school (who books, publishes, teaches), two classrooms and two facilities per school.
  await sql`INSERT INTO users (email, name) SELECT 'bench-d' || g || '@jinghua.bench', '压测教师' || g
    FROM generate_series(1, ${SCHOOLS}) g`;
  await sql`INSERT INTO memberships (user_id, org_id, role, master_teacher)
    SELECT u.id, s.ids[g], 'teacher', true FROM generate_series(1, ${SCHOOLS}) g
    JOIN users u ON u.email = 'bench-d' || g || '@jinghua.bench' CROSS JOIN ${schools} s`;
  await sql`INSERT INTO classrooms (school_id, name, grade)
    SELECT s.ids[1 + g / 2], '压测' || (g % 2 + 1) || '班', 4 + g % 2 FROM generate_series(0, ${2 * SCHOOLS - 1}) g
    CROSS JOIN ${schools} s`;
  await sql`INSERT INTO facilities (school_id, name, kind, capacity, scope, approval_required, opening_hours)
    SELECT s.ids[1 + g / 2], '压测场地' || g, 'gym', 100, 'group', false, '{}'::jsonb
    FROM generate_series(0, ${2 * SCHOOLS - 1}) g CROSS JOIN ${schools} s`;
  const facilities = sql`(SELECT array_agg(id ORDER BY name) AS ids FROM facilities WHERE name LIKE '压测场地%')`;
  const teachers = sql`(SELECT array_agg(u.id ORDER BY u.email) AS ids FROM users u WHERE email LIKE 'bench-d%')`;
  // Every other day a facility is booked 2 hours by a school of the group (now and then its own, or pending); the
  // days run a year back and two weeks ahead (those to come are not held).
  await sql`INSERT INTO bookings (facility_id, booker_id, borrower_school_id, purpose, status, starts_at, ends_at)
    SELECT f.ids[1 + i], t.ids[1 + (i * 7 + k) % ${SCHOOLS}], s.ids[1 + (i * 7 + k) % ${SCHOOLS}], '压测',
      (CASE WHEN k % 10 = 0 THEN 'pending' ELSE 'approved' END)::booking_status,
      date_trunc('day', now()) - ${DAYS} * interval '1 day' + k * interval '1 day' + interval '1 hour',
      date_trunc('day', now()) - ${DAYS} * interval '1 day' + k * interval '1 day' + interval '3 hours'
    FROM generate_series(0, ${2 * SCHOOLS - 1}) i CROSS JOIN generate_series(0, ${DAYS + 14}) k
    CROSS JOIN ${facilities} f CROSS JOIN ${teachers} t CROSS JOIN ${schools} s
    WHERE (i + k) % 2 = 0`;
  // Resources published over the year (a tenth school-only), and uses of them by the group's schools.
  await sql`INSERT INTO resources (school_id, author_id, title, subject, grade, kind, visibility, status, published_at,
      search)
    SELECT s.ids[1 + r % ${SCHOOLS}], t.ids[1 + r % ${SCHOOLS}], '压测资源' || r, 'math', 3, 'lesson_plan',
      (CASE WHEN r % 10 = 0 THEN 'school' ELSE 'group' END)::scope, 'published',
      now() - ${DAYS} * interval '1 day' + (r % 360) * interval '1 day', ''::tsvector
    FROM generate_series(0, ${RESOURCES_PER_SCHOOL * SCHOOLS - 1}) r CROSS JOIN ${schools} s CROSS JOIN ${teachers} t`;
  await sql`INSERT INTO resource_uses (resource_id, user_id, school_id, at)
    SELECT r.ids[1 + (u * 7) % array_length(r.ids, 1)], t.ids[1 + u % ${SCHOOLS}], s.ids[1 + u % ${SCHOOLS}],
      LEAST(now() - interval '1 hour', now() - ${DAYS} * interval '1 day' + (u % 365) * interval '1 day')
    FROM generate_series(0, ${USES - 1}) u CROSS JOIN ${schools} s CROSS JOIN ${teachers} t
    CROSS JOIN (SELECT array_agg(id ORDER BY title) AS ids FROM resources WHERE title LIKE '压测资源%') r`;
  // Live lessons over the year by the urban schools' teachers, each to three rural classrooms: one present all
  // along, one whose link dropped (two sessions, sometimes overlapping), one absent every fourth lesson.
  await sql`INSERT INTO lessons (teacher_id, school_id, title, subject, grade, starts_at, ends_at, status, room_name,
      updated_at)
    SELECT t.ids[1 + k % 10], s.ids[1 + k % 10], '压测直播课' || k, 'math', 4, x.at, x.at + interval '40 minutes',
      'ended', 'bench-lesson-' || k, x.at + interval '42 minutes'
    FROM generate_series(0, ${LESSONS - 1}) k
    CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - ${DAYS} * interval '1 day'
      + (k * ${DAYS} / ${LESSONS}) * interval '1 day' + interval '2 hours' + (k % 3) * interval '1 hour' AS at) x
    CROSS JOIN ${schools} s CROSS JOIN ${teachers} t`;
  const rural = sql`(SELECT array_agg(c.id ORDER BY o.code, c.name) AS ids FROM classrooms c JOIN orgs o
    ON o.id = c.school_id WHERE o.group_id = ${group} AND (o.rural OR o.supported))`;
  await sql`INSERT INTO lesson_classrooms (lesson_id, classroom_id)
    SELECT l.id, r.ids[1 + (n * 3 + j) % array_length(r.ids, 1)]
    FROM lessons l CROSS JOIN LATERAL (SELECT substring(l.room_name from 14)::int AS n) k
    CROSS JOIN generate_series(0, 2) j CROSS JOIN ${rural} r WHERE l.room_name LIKE 'bench-lesson-%'`;
  await sql`INSERT INTO lesson_attendance (lesson_id, identity, sid, joined_at, left_at)
    SELECT l.id, 'user:' || l.teacher_id, 'T' || l.room_name, l.starts_at - interval '5 minutes',
      l.ends_at + interval '2 minutes'
    FROM lessons l WHERE l.room_name LIKE 'bench-lesson-%'`;
  // Which of the three a classroom is in a lesson: from a hash of the two, so it varies without a random number.
  await sql`INSERT INTO lesson_attendance (lesson_id, identity, sid, joined_at, left_at)
    SELECT l.id, 'classroom:' || lc.classroom_id, s.sid || lc.classroom_id, l.starts_at + s.a, l.starts_at + s.b
    FROM lessons l JOIN lesson_classrooms lc ON lc.lesson_id = l.id
    CROSS JOIN LATERAL (SELECT get_byte(decode(md5(lc.classroom_id::text || l.id::text), 'hex'), 0) % 3 AS kind) h
    JOIN (VALUES (0, 'A', interval '-2 minutes', interval '41 minutes'),
      (1, 'B', interval '3 minutes', interval '20 minutes'), (1, 'C', interval '18 minutes', interval '39 minutes'),
      (2, 'A', interval '1 minute', interval '40 minutes')) s(kind, sid, a, b) ON s.kind = h.kind
    WHERE l.room_name LIKE 'bench-lesson-%' AND NOT (h.kind = 2 AND substring(l.room_name from 14)::int % 4 = 0)`;
  // Exchanges: 30 teachers last school year and 30 this year, each placed at another school of the group, with a
  // log entry every week.
  for (const back of [1, 0]) {
    const year =
      new Date().getUTCMonth() >= 8 ? new Date().getUTCFullYear() - back : new Date().getUTCFullYear() - 1 - back;
    const start = `${year}-09-01`;
    const [programme] = await sql`INSERT INTO exchange_programmes (org_id, kind, name, school_year, starts_on, ends_on,
        created_by, status)
      VALUES (${group}, 'rotation', ${`压测 ${year} 学年交流`}, ${`${year}-${year + 1}`}, ${start}, ${`${year + 1}-08-31`},
        ${leader}, ${back ? 'closed' : 'open'}) RETURNING id`;
    await sql`INSERT INTO exchange_postings (programme_id, school_id, subject, grade_from, grade_to, places, filled,
        starts_on, months, requirements, created_by)
      SELECT ${programme!.id}, s.ids[1 + (g + 1) % ${SCHOOLS}], 'math', 1, 6, 1, 1, ${start}, 12,
        'bench-d-' || ${back} || '-' || g, ${leader}
      FROM generate_series(0, ${SCHOOLS - 1}) g CROSS JOIN ${schools} s`;
    await sql`INSERT INTO exchange_applications (posting_id, teacher_id, home_school_id, submitted_by, status,
        decided_by, decided_at)
      SELECT ps.id, t.ids[1 + g], s.ids[1 + g], t.ids[1 + g], 'placed', ${leader}, ${start}::timestamptz
      FROM generate_series(0, ${SCHOOLS - 1}) g CROSS JOIN ${schools} s CROSS JOIN ${teachers} t
      JOIN exchange_postings ps ON ps.requirements = 'bench-d-' || ${back} || '-' || g`;
    await sql`INSERT INTO exchange_placements (application_id, posting_id, teacher_id, home_school_id, host_school_id,
        starts_on, ends_on, status, completed_on)
      SELECT a.id, a.posting_id, a.teacher_id, a.home_school_id, ps.school_id, ${start}::date,
        ${start}::date + interval '12 months', ${back ? 'completed' : 'active'}::placement_status,
        CASE WHEN ${back === 1}::boolean THEN (${start}::date + interval '12 months')::date END
      FROM exchange_applications a JOIN exchange_postings ps ON ps.id = a.posting_id
      WHERE ps.programme_id = ${programme!.id}`;
    await sql`INSERT INTO exchange_logs (placement_id, "on", hours, activity)
      SELECT pl.id, pl.starts_on + w * 7 + 1, 4 + w % 4, 'taught'
      FROM exchange_placements pl JOIN exchange_postings ps ON ps.id = pl.posting_id
      CROSS JOIN generate_series(0, 51) w
      WHERE ps.programme_id = ${programme!.id} AND pl.starts_on + w * 7 + 1 < current_date`;
  }
  await sql`ANALYZE`;
  const [sizes] = await sql`SELECT
    (SELECT count(*)::int FROM orgs WHERE kind = 'school' AND group_id = ${group}) AS schools,
    (SELECT count(*)::int FROM bookings) AS bookings,
    (SELECT count(*)::int FROM resources) AS resources,
    (SELECT count(*)::int FROM resource_uses) AS uses,
    (SELECT count(*)::int FROM lessons) AS lessons,
    (SELECT count(*)::int FROM lesson_attendance) AS sessions,
    (SELECT count(*)::int FROM exchange_placements) AS placements,
    (SELECT count(*)::int FROM exchange_logs) AS logs`;
  return sizes as unknown as Record<string, number>;
}

/** A stretch the figures are counted for: [from, to), bookings held by `cut`, "in post" on `day`. */
interface Period {
  key: string;
  from: string;
  to: string;
  cut: string;
}

const beijingDay = (t: string | number) => new Date(new Date(t).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

/**
 * The figures as raw SQL: the statements the report runs, written out — the organisation, its schools by name, held
 * hours, resources, lessons with their sessions merged per classroom, exchange placements and logs; and, for the
 * dashboard, the rural classrooms.
 */
async function raw(sql: postgres.Sql, orgId: string, periods: Period[], classrooms: boolean) {
  await sql`SELECT o.*, g.name AS group_name, d.name AS district_name FROM orgs o
    LEFT JOIN orgs g ON g.id = o.group_id LEFT JOIN orgs d ON d.id = o.district_id WHERE o.id = ${orgId}`;
  const schools = await sql`SELECT o.id, o.name, o.rural, o.supported FROM orgs o
    WHERE o.group_id = ${orgId} ORDER BY o.name COLLATE "C"`;
  const ids = schools.map((s) => s.id as string);
  const p = sql`(VALUES ${sql.unsafe(
    periods
      .map((x) => `('${x.key}', '${x.from}'::timestamptz, '${x.to}'::timestamptz, '${x.cut}'::timestamptz)`)
      .join(', '),
  )}) AS p(key, f, t, c)`;
  const facilities = await sql`
    WITH h AS (
      SELECT f.school_id AS owner, b.borrower_school_id AS borrower, p.key,
        EXTRACT(EPOCH FROM (b.ends_at - b.starts_at)) / 3600 AS hours
      FROM bookings b JOIN facilities f ON f.id = b.facility_id
      JOIN ${p} ON b.starts_at >= p.f AND b.starts_at < p.t AND b.ends_at <= p.c
      WHERE b.status = 'approved' AND b.kind = 'booking' AND b.borrower_school_id <> f.school_id
        AND (f.school_id IN ${sql(ids)} OR b.borrower_school_id IN ${sql(ids)}))
    SELECT school_id, key, sum(lent)::float8 AS lent, sum(borrowed)::float8 AS borrowed FROM (
      SELECT owner AS school_id, key, hours AS lent, 0 AS borrowed FROM h WHERE owner IN ${sql(ids)}
      UNION ALL SELECT borrower, key, 0, hours FROM h WHERE borrower IN ${sql(ids)}) x
    GROUP BY school_id, key`;
  const resources = await sql`
    WITH p AS (SELECT * FROM ${p}), u AS (
      SELECT r.school_id AS owner, u.school_id AS user_school, p.key
      FROM resource_uses u JOIN resources r ON r.id = u.resource_id JOIN p ON u.at >= p.f AND u.at < p.t
      WHERE (r.school_id IN ${sql(ids)} OR u.school_id IN ${sql(ids)}) AND u.school_id IS DISTINCT FROM r.school_id)
    SELECT school_id, key, sum(shared)::int AS shared, sum(used)::int AS used, sum(received)::int AS received FROM (
      SELECT r.school_id, p.key, 1 AS shared, 0 AS used, 0 AS received
        FROM resources r JOIN p ON r.published_at >= p.f AND r.published_at < p.t
        WHERE r.school_id IN ${sql(ids)} AND r.status = 'published' AND r.visibility <> 'school'
      UNION ALL SELECT owner, key, 0, 1, 0 FROM u WHERE owner IN ${sql(ids)}
      UNION ALL SELECT user_school, key, 0, 0, 1 FROM u WHERE user_school IN ${sql(ids)}) x
    GROUP BY school_id, key`;
  const lessons = await sql`
    WITH l AS (
      SELECT l.id, l.school_id, p.key,
        CASE WHEN l.status = 'ended' THEN LEAST(l.updated_at, now()) ELSE now() END AS until
      FROM lessons l JOIN ${p} ON l.starts_at >= p.f AND l.starts_at < p.t WHERE l.status IN ('live', 'ended')),
    inv AS (
      SELECT l.key, l.id AS lesson_id, l.until, c.id AS classroom_id, c.school_id
      FROM l JOIN lesson_classrooms lc ON lc.lesson_id = l.id JOIN classrooms c ON c.id = lc.classroom_id
      WHERE c.school_id IN ${sql(ids)}),
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
    WHERE l.school_id IN ${sql(ids)} GROUP BY l.school_id, l.key`;
  const days = periods.map((x) => {
    const last = beijingDay(Math.max(Date.parse(x.from), Date.parse(x.to) - 1));
    const to = Date.parse(x.to) > Date.parse(x.from) ? nextDay(last) : beijingDay(x.from);
    return `('${x.key}', '${beijingDay(x.from)}'::date, '${to}'::date, '${last}'::date)`;
  });
  const exchanges = await sql`
    WITH p(key, f, t, d) AS (VALUES ${sql.unsafe(days.join(', '))}), s(id) AS (SELECT unnest(${sql.array(ids)}::uuid[]))
    SELECT s.id AS school_id, p.key,
      (SELECT count(*) FROM exchange_placements pl WHERE pl.home_school_id = s.id
        AND pl.status IN ('active', 'completed') AND pl.starts_on < p.t AND LEAST(pl.ends_on, pl.completed_on) > p.f)::int AS sent,
      (SELECT count(*) FROM exchange_placements pl WHERE pl.host_school_id = s.id
        AND pl.status IN ('active', 'completed') AND pl.starts_on < p.t AND LEAST(pl.ends_on, pl.completed_on) > p.f)::int AS received,
      (SELECT count(*) FROM exchange_placements pl WHERE pl.host_school_id = s.id
        AND pl.status IN ('active', 'completed') AND pl.starts_on < p.t AND LEAST(pl.ends_on, pl.completed_on) > p.f
        AND pl.starts_on <= p.d AND p.d < LEAST(pl.ends_on, pl.completed_on))::int AS in_post,
      (SELECT coalesce(sum(l.hours), 0) FROM exchange_logs l JOIN exchange_placements pl ON pl.id = l.placement_id
        WHERE pl.host_school_id = s.id AND l.on >= p.f AND l.on < p.t)::float8 AS hours
    FROM s CROSS JOIN p`;
  if (classrooms)
    await sql`SELECT c.id, c.name, c.school_id FROM classrooms c JOIN orgs o ON o.id = c.school_id
      WHERE c.school_id IN ${sql(ids)} AND (o.rural OR o.supported) ORDER BY c.name COLLATE "C", c.id`;
  // The figures per school and period, as the API rounds them (hours to one decimal).
  const out = new Map<string, Figures>();
  const at = (school: string, key: string) => {
    const k = `${school}/${key}`;
    if (!out.has(k)) out.set(k, Object.fromEntries(KEYS.map((x) => [x, 0])) as Figures);
    return out.get(k)!;
  };
  const r1 = (n: number) => Math.round(n * 10) / 10;
  for (const r of facilities)
    Object.assign(at(r.school_id, r.key), {
      facilityHoursLent: r1(r.lent),
      facilityHoursBorrowed: r1(r.borrowed),
    });
  for (const r of resources)
    Object.assign(at(r.school_id, r.key), {
      resourcesShared: r.shared,
      resourcesUsedByOthers: r.used,
      resourcesReceived: r.received,
    });
  for (const r of lessons) {
    const f = at(r.school_id, r.key);
    if (r.kind === 'taught') f.liveLessonsTaught = r.n;
    else {
      f.liveLessonsReceived += r.n;
      f.liveMinutesReceived += r.minutes;
    }
  }
  for (const r of exchanges)
    Object.assign(at(r.school_id, r.key), {
      exchangeSent: r.sent,
      exchangeReceived: r.received,
      exchangeInPost: r.in_post,
      exchangeHours: r1(r.hours),
    });
  return { schools: schools.map((s) => s.name as string), figures: out, ids };
}

/** Where the API's figures and the raw SQL's differ (none: the same answer). */
function differences(
  api: { schools: { id: string; name: string; [key: string]: unknown }[] },
  mine: Awaited<ReturnType<typeof raw>>,
  pick: (school: Record<string, unknown>) => [key: string, figures: Figures][],
): string[] {
  const out: string[] = [];
  if (api.schools.map((s) => s.name).join() !== mine.schools.join()) out.push('the schools or their order');
  for (const s of api.schools)
    for (const [key, figures] of pick(s)) {
      const theirs = mine.figures.get(`${s.id}/${key}`) ?? (Object.fromEntries(KEYS.map((x) => [x, 0])) as Figures);
      for (const k of KEYS)
        if (Math.abs(figures[k] - theirs[k]) > 1e-6) out.push(`${s.name} ${key} ${k}: ${figures[k]} vs ${theirs[k]}`);
    }
  return out;
}

export async function benchDashboard() {
  const bench = await benchDatabase(`tz_bench_dash_${process.pid}`, 4);
  const { sql, ids } = bench;
  try {
    const group = ids.orgs.jinghua!;
    const sizes = await fill(sql, ids);
    const { base } = await startServer(root, bench.url);
    const { cookie } = await signIn(base, 'leader@jinghua.demo');
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const dashboardApi = () => get(`/api/reports/dashboard?orgId=${group}`);
    const termApi = () => get(`/api/reports/term?orgId=${group}`);

    // The windows as the API counted them (this term to now; last term to the same point), for the raw SQL.
    const first = await dashboardApi();
    const w = first.window as { from: string; to: string; previousFrom: string; previousTo: string };
    const windows: Period[] = [
      { key: 'now', from: w.from, to: w.to, cut: w.to },
      { key: 'before', from: w.previousFrom, to: w.previousTo, cut: w.previousTo },
    ];
    const dashboardRaw = () => raw(sql, group, windows, true);
    const term = await termApi();
    const months: Period[] = (term.group.months as { month: string }[]).map(({ month }) => {
      const start = `${month}-01T00:00:00+08:00`;
      const [y, m] = month.split('-').map(Number) as [number, number];
      const end = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`;
      const from = Date.parse(start) < Date.parse(term.window.from) ? term.window.from : start;
      const to = Date.parse(end) > Date.parse(term.window.to) ? term.window.to : end;
      return { key: month, from, to, cut: term.window.to };
    });
    const termPeriods: Period[] = [
      ...months,
      { key: 'total', from: term.window.from, to: term.window.to, cut: term.window.to },
      { key: 'before', from: term.window.previousFrom, to: term.window.previousTo, cut: term.window.previousTo },
    ];
    const termRaw = () => raw(sql, group, termPeriods, false);

    // The same answers: every school's every figure in every period.
    const dashboardDiff = differences(first, await raw(sql, group, windows, true), (s) => [
      ['now', s.now as Figures],
      ['before', s.before as Figures],
    ]);
    const termDiff = differences(term, await termRaw(), (s) => [
      ...(s.months as (Figures & { month: string })[]).map((m) => [m.month, m] as [string, Figures]),
      ['total', s.total as Figures],
      ['before', s.before as Figures],
    ]);
    if (dashboardDiff.length || termDiff.length)
      throw new Error(`the API differs from the raw SQL:\n${[...dashboardDiff, ...termDiff].slice(0, 20).join('\n')}`);
    const nonZero = (first.schools as { now: Figures }[]).reduce(
      (a, s) => a + KEYS.filter((k) => s.now[k] > 0).length,
      0,
    );

    const measure = (api: () => Promise<unknown>, raw: () => Promise<unknown>) =>
      alternating({ api, raw }, WARMUP, REQUESTS);
    const dashboard = await measure(dashboardApi, dashboardRaw);
    const report = await measure(termApi, termRaw);
    return { sizes: { ...sizes, nonZero, months: months.length } as Record<string, number>, dashboard, report };
  } finally {
    await stopAll();
    await bench.drop();
  }
}

export function printDashboard(r: Awaited<ReturnType<typeof benchDashboard>>): string {
  const s = r.sizes;
  return [
    `Dashboard: ${s.schools} schools in the group, ${s.bookings} bookings, ${s.resources} resources and ${s.uses} uses, ` +
      `${s.lessons} live lessons with ${s.sessions} LiveKit sessions, ${s.placements} exchange placements and ` +
      `${s.logs} log entries (a year); ${s.nonZero} non-zero school figures this term, ${s.months} months; ` +
      `${REQUESTS} requests each after ${WARMUP} warm-ups, one at a time, API and raw alternating (PostgreSQL)`,
    table(
      ['', 'p50', 'p95', 'p95 × raw'],
      [
        rowVsRaw('GET /api/reports/dashboard?orgId=<group>', r.dashboard.api, r.dashboard.raw),
        rowVsRaw('raw SQL (its 7 statements)', r.dashboard.raw, r.dashboard.raw),
        rowVsRaw('GET /api/reports/term?orgId=<group>', r.report.api, r.report.raw),
        rowVsRaw('raw SQL (its 6 statements)', r.report.raw, r.report.raw),
      ],
    ),
    `dashboard: ${verdictVsRaw(r.dashboard)} (≤ 2× raw) · term report: ${verdictVsRaw(r.report)} (≤ 2× raw)`,
    `dashboard: ${lineVsRaw('dashboard', r.dashboard)} · ${lineVsRaw('term report', r.report)}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('exit', killAllNow);
  console.log(printDashboard(await benchDashboard()));
}
