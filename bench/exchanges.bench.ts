// Issue 12's figures, on the PostgreSQL server, at one school year of data for a 30-school group (京华教育集团:
// ~3,000 teachers, 150 postings, 300 placements, 12,000 log entries, 300 applications under way):
//  1. the group leader's approvals queue, GET /api/exchanges/applications?scope=to_approve (its first page of 50),
//     next to the same SELECT and the approvals of that page run directly with postgres.js;
//  2. the group's view, GET /api/exchanges/overview?orgId=<group>, next to the statements the overview runs.
// One request at a time, API and raw SQL alternating, so a busy moment of the machine falls on both alike.
// Run: npx tsx bench/exchanges.bench.ts (also part of npm run bench). Loopback only; bounded counts.
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { toLocal } from '../shared/time';
import { alternating, killAllNow, lineVsRaw, rowVsRaw, signIn, startServer, stopAll, table, verdictVsRaw } from './lib';
import { benchDatabase } from './pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHOOLS = 30;
const TEACHERS = 3000;
const POSTINGS = 150;
const PLACEMENTS = 300;
const LOGS_PER_PLACEMENT = 40;
const PENDING = 300;
const WARMUP = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

export async function benchExchanges() {
  const bench = await benchDatabase(`tz_bench_ex_${process.pid}`, 4);
  const { sql, ids } = bench;
  try {
    const group = ids.orgs.jinghua!;
    const district = ids.orgs.chengguan!;
    const leader = ids.users.leader!;
    const approver = ids.users.admin!;
    const today = toLocal(new Date()).date;
    const [y, m] = today.split('-').map(Number) as [number, number];
    const year = m >= 9 ? y : y - 1;
    const yearStart = `${year}-09-01`;

    // 26 more schools (every third rural), 30 in the group in all.
    const [counted] = await sql`SELECT count(*)::int AS n FROM orgs WHERE kind = 'school' AND group_id = ${group}`;
    const have = counted!.n as number;
    await sql`INSERT INTO orgs (kind, name, code, group_id, district_id, rural)
      SELECT 'school', '京华集团第' || g || '学校', 'JHB' || lpad(g::text, 2, '0'), ${group}, ${district}, g % 3 = 0
      FROM generate_series(1, ${SCHOOLS - have}) g`;
    // Teachers: spread over the 30 schools, at their school since 2004–2026, a fifth of them key teachers.
    await sql`INSERT INTO users (email, name, retires_on)
      SELECT 'bench-t' || lpad(g::text, 4, '0') || '@jinghua.bench', '压测教师' || lpad(g::text, 4, '0'),
        CASE WHEN g % 10 = 0 THEN NULL ELSE date '2027-01-01' + (g * 53) % 12000 END
      FROM generate_series(1, ${TEACHERS}) g`;
    await sql`INSERT INTO memberships (user_id, org_id, role, since, key_teacher)
      SELECT u.id, s.ids[1 + g % ${SCHOOLS}], 'teacher', date '2004-09-01' + (g * 389) % 8000, g % 5 = 0
      FROM generate_series(1, ${TEACHERS}) g
      JOIN users u ON u.email = 'bench-t' || lpad(g::text, 4, '0') || '@jinghua.bench'
      CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM orgs WHERE kind = 'school' AND group_id = ${group}) s`;
    // This school year's programme with 150 postings, two of three places filled in each.
    const [programme] =
      await sql`INSERT INTO exchange_programmes (org_id, kind, name, school_year, starts_on, ends_on, created_by)
      VALUES (${group}, 'rotation', ${`压测 ${year}–${year + 1} 学年交流轮岗`}, ${`${year}-${year + 1}`}, ${yearStart},
        ${`${year + 1}-08-31`}, ${leader}) RETURNING id`;
    await sql`INSERT INTO exchange_postings (programme_id, school_id, subject, grade_from, grade_to, places, filled,
        starts_on, months, requirements, created_by)
      SELECT ${programme!.id}, s.ids[1 + p % ${SCHOOLS}], (ARRAY['math','chinese','english','science'])[1 + p % 4]::subject,
        1, 6, 3, 2, ${yearStart}, 12, 'bench-' || lpad(p::text, 3, '0'), ${leader}
      FROM generate_series(0, ${POSTINGS - 1}) p
      CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM orgs WHERE kind = 'school' AND group_id = ${group}) s`;
    // Teachers 1–300 placed at another school (posting g+1: its school is never theirs), each step approved.
    const teacherPosting = (offset: number, spread: number) => sql`
      FROM generate_series(${offset + 1}::int, ${offset + spread}::int) g
      JOIN users u ON u.email = 'bench-t' || lpad(g::text, 4, '0') || '@jinghua.bench'
      JOIN memberships m ON m.user_id = u.id AND m.role = 'teacher'`;
    await sql`INSERT INTO exchange_applications (posting_id, teacher_id, home_school_id, submitted_by, statement, status,
        decided_by, decided_at, created_at, updated_at)
      SELECT ps.id, u.id, m.org_id, u.id, 'bench-placed', 'placed', ${leader}, ${`${year}-07-10T02:00:00Z`},
        ${`${year}-06-20T02:00:00Z`}, ${`${year}-07-10T02:00:00Z`}
      ${teacherPosting(0, PLACEMENTS)}
      JOIN exchange_postings ps ON ps.programme_id = ${programme!.id}
        AND ps.requirements = 'bench-' || lpad(((g + 1) % ${POSTINGS})::text, 3, '0')`;
    await sql`INSERT INTO exchange_approvals (application_id, step, approved_by, approved_at)
      SELECT a.id, s.step, CASE WHEN s.step = 'group' THEN ${leader}::uuid ELSE ${approver}::uuid END,
        ${`${year}-07-01T02:00:00Z`}
      FROM exchange_applications a CROSS JOIN unnest('{home,host,group}'::approval_step[]) s(step)
      WHERE a.statement = 'bench-placed'`;
    await sql`INSERT INTO exchange_placements (application_id, posting_id, teacher_id, home_school_id, host_school_id,
        starts_on, ends_on, status)
      SELECT a.id, a.posting_id, a.teacher_id, a.home_school_id, ps.school_id, ${yearStart}::date,
        ${yearStart}::date + interval '12 months', 'active'
      FROM exchange_applications a JOIN exchange_postings ps ON ps.id = a.posting_id WHERE a.statement = 'bench-placed'`;
    // 40 log entries per placement, spread from the start of the year to today.
    await sql`INSERT INTO exchange_logs (placement_id, "on", hours, activity, note)
      SELECT pl.id, ${yearStart}::date + (k * (${today}::date - ${yearStart}::date)) / ${LOGS_PER_PLACEMENT},
        1 + (k % 6) * 0.5, (ARRAY['taught','observed','research','mentored','other'])[1 + k % 5]::log_activity, ''
      FROM exchange_placements pl JOIN exchange_postings ps ON ps.id = pl.posting_id AND ps.programme_id = ${programme!.id}
      CROSS JOIN generate_series(0, ${LOGS_PER_PLACEMENT - 1}) k`;
    // Teachers 301–600 applied and wait: home and host approved (g % 3 = 0), home only (1), home and group (2).
    await sql`INSERT INTO exchange_applications (posting_id, teacher_id, home_school_id, submitted_by, statement, status,
        created_at, updated_at)
      SELECT ps.id, u.id, m.org_id, u.id, 'bench-pending',
        (CASE WHEN g % 2 = 0 THEN 'submitted' ELSE 'under_consideration' END)::application_status,
        ${yearStart}::timestamptz + (g % 90) * interval '1 day' + g * interval '1 minute', now()
      ${teacherPosting(PLACEMENTS, PENDING)}
      JOIN exchange_postings ps ON ps.programme_id = ${programme!.id}
        AND ps.requirements = 'bench-' || lpad(((g * 7) % ${POSTINGS})::text, 3, '0')`;
    await sql`INSERT INTO exchange_approvals (application_id, step, approved_by)
      SELECT a.id, s.step, CASE WHEN s.step = 'group' THEN ${leader}::uuid ELSE ${approver}::uuid END
      FROM exchange_applications a
      JOIN users u ON u.id = a.teacher_id
      CROSS JOIN LATERAL unnest(CASE substring(u.email from 8 for 4)::int % 3
        WHEN 0 THEN '{home,host}'::approval_step[] WHEN 1 THEN '{home}'::approval_step[]
        ELSE '{home,group}'::approval_step[] END) s(step)
      WHERE a.statement = 'bench-pending'`;
    await sql`ANALYZE`;
    const [sizes] = await sql`SELECT
      (SELECT count(*)::int FROM orgs WHERE kind = 'school' AND group_id = ${group}) AS schools,
      (SELECT count(*)::int FROM memberships m JOIN orgs o ON o.id = m.org_id
        WHERE o.group_id = ${group} AND m.role = 'teacher') AS teachers,
      (SELECT count(*)::int FROM exchange_postings) AS postings,
      (SELECT count(*)::int FROM exchange_placements) AS placements,
      (SELECT count(*)::int FROM exchange_logs) AS logs,
      (SELECT count(*)::int FROM exchange_applications WHERE status IN ('submitted', 'under_consideration')) AS pending`;

    const { base } = await startServer(root, bench.url);
    const { cookie } = await signIn(base, 'leader@jinghua.demo');
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };

    // (a) The queue as listApplications builds it for a group leader (no school of their own): applications under
    // way in programmes of the group whose group step is required and not yet given, oldest first; then their
    // approvals with who gave them.
    const queueApi = () => get('/api/exchanges/applications?scope=to_approve');
    const queueRaw = async (sql: postgres.Sql) => {
      const page = await sql`
        SELECT a.id, a.posting_id, a.teacher_id, a.home_school_id, a.submitted_by, a.statement, a.status,
          a.decline_reason, a.deferral_reason, a.decided_by, a.decided_at, a.created_at, a.updated_at,
          ps.id, ps.programme_id, ps.school_id, ps.subject, ps.grade_from, ps.grade_to, ps.places, ps.filled,
          ps.starts_on, ps.months, ps.duties, ps.requirements, ps.closed_at, ps.created_by, ps.created_at,
          p.name, p.org_id, p.kind, p.approval_steps, host.name, host.rural, host.supported, home.name,
          teacher.name, submitter.name, pl.id, pl.starts_on, pl.ends_on, pl.status
        FROM exchange_applications a
        JOIN exchange_postings ps ON ps.id = a.posting_id
        JOIN exchange_programmes p ON p.id = ps.programme_id
        JOIN orgs host ON host.id = ps.school_id
        JOIN orgs home ON home.id = a.home_school_id
        JOIN users teacher ON teacher.id = a.teacher_id
        JOIN users submitter ON submitter.id = a.submitted_by
        LEFT JOIN exchange_placements pl ON pl.application_id = a.id
        WHERE a.status IN ('submitted', 'under_consideration') AND a.teacher_id <> ${leader} AND a.submitted_by <> ${leader}
          AND (p.org_id IN (${group}) AND 'group'::approval_step = ANY(p.approval_steps)
            AND NOT EXISTS (SELECT 1 FROM exchange_approvals x WHERE x.application_id = a.id AND x.step = 'group'))
        ORDER BY a.created_at, a.id LIMIT 51 OFFSET 0`.values();
      const pageIds = page.slice(0, 50).map((r) => r[0] as string);
      await sql`SELECT x.application_id, x.step, u.id, u.name, x.approved_at
        FROM exchange_approvals x JOIN users u ON u.id = x.approved_by WHERE x.application_id IN ${sql(pageIds)}`;
      return pageIds;
    };

    // (b) The overview's statements in its order: the org (visibleOrg), its schools, placements overlapping this
    // school year and hours logged in it, the same for the year before, then this year's programmes with their
    // quota counted over the schools' teachers (one row per teacher, eligibility by the programme's rules), and who
    // becomes eligible by next year.
    const overviewApi = () => get(`/api/exchanges/overview?orgId=${group}`);
    const overviewRaw = async (sql: postgres.Sql) => {
      await sql`SELECT * FROM orgs WHERE id = ${group}`;
      const schools = await sql`SELECT id, name, code, rural, supported FROM orgs
        WHERE kind = 'school' AND group_id = ${group} ORDER BY name COLLATE "C"`;
      const schoolIds = schools.map((s) => s.id as string);
      let hours = 0;
      for (const from of [year, year - 1]) {
        const [a, b] = [`${from}-09-01`, `${from + 1}-09-01`];
        await sql`SELECT home_school_id, host_school_id, starts_on, ends_on, status FROM exchange_placements
          WHERE (home_school_id IN ${sql(schoolIds)} OR host_school_id IN ${sql(schoolIds)})
            AND status IN ('active', 'completed') AND starts_on < ${b}::date
            AND LEAST(ends_on, completed_on) > ${a}::date`;
        const byHost = await sql`SELECT pl.host_school_id AS host, sum(l.hours)::float8 AS hours
          FROM exchange_logs l JOIN exchange_placements pl ON pl.id = l.placement_id
          WHERE pl.host_school_id IN ${sql(schoolIds)} AND l.on >= ${a}::date AND l.on < ${b}::date GROUP BY 1`;
        if (from === year) hours = byHost.reduce((s, r) => s + Number(r.hours), 0);
      }
      const teachers = sql`SELECT DISTINCT ON (m.user_id) m.user_id, u.name, m.org_id AS school_id,
          o.name AS school_name, m.since, m.key_teacher, u.retires_on
        FROM memberships m JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id
        WHERE m.org_id IN ${sql(schoolIds)} AND m.role = 'teacher' ORDER BY m.user_id, m.since, m.org_id`;
      const quotas = await sql`WITH t AS (${teachers})
        SELECT p.id, p.name, p.kind, p.rotation_share_pct, p.key_share_pct, p.key_share_base,
          p.min_years_at_school, p.retirement_margin_years,
          (SELECT count(*) FROM t WHERE t.since <= (p.starts_on - make_interval(years => p.min_years_at_school))::date
            AND (t.retires_on IS NULL
              OR t.retires_on > (p.starts_on + make_interval(years => p.retirement_margin_years))::date))::int AS eligible,
          r.rotated, r.key_rotated
        FROM exchange_programmes p CROSS JOIN LATERAL (
          SELECT count(DISTINCT pl.teacher_id)::int AS rotated,
            count(DISTINCT pl.teacher_id) FILTER (WHERE t.key_teacher)::int AS key_rotated
          FROM exchange_placements pl JOIN exchange_postings ps ON ps.id = pl.posting_id
          LEFT JOIN t ON t.user_id = pl.teacher_id
          WHERE ps.programme_id = p.id AND pl.status IN ('active', 'completed')) r
        WHERE p.org_id = ${group} AND p.school_year = ${`${year}-${year + 1}`} ORDER BY p.name COLLATE "C"`;
      const { min_years_at_school: n, retirement_margin_years: margin } = quotas.at(-1)!;
      const eligibleOn = (day: string) => sql`(t.since <= (${day}::date - make_interval(years => ${n}::int))::date
        AND (t.retires_on IS NULL OR t.retires_on > (${day}::date + make_interval(years => ${margin}::int))::date))`;
      await sql`WITH t AS (${teachers})
        SELECT t.user_id, t.name, t.school_id, t.school_name, t.since::text AS since FROM t
        WHERE NOT ${eligibleOn(yearStart)} AND ${eligibleOn(`${year + 1}-09-01`)}
        ORDER BY t.school_name COLLATE "C", t.name COLLATE "C", t.user_id`;
      return { hours, eligible: quotas.map((q) => q.eligible as number) };
    };

    // The same answer: the same page of applications in the same order, the same hours this year.
    const [qa, qr] = [await queueApi(), await queueRaw(sql)];
    const apiIds = (qa.items as { id: string }[]).map((x) => x.id);
    if (apiIds.join() !== qr.join() || apiIds.length !== 50 || !qa.nextCursor)
      throw new Error(`the queue's page differs from the raw SQL's (${apiIds.length} vs ${qr.length} items)`);
    const [oa, or] = [await overviewApi(), await overviewRaw(sql)];
    const apiHours = (oa.schools as { thisYear: { hours: number } }[]).reduce((s, x) => s + x.thisYear.hours, 0);
    const apiEligible = (oa.programmes as { eligible: number }[]).map((p) => p.eligible);
    if (
      oa.schools.length !== SCHOOLS ||
      Math.abs(apiHours - or.hours) > 1e-6 ||
      apiEligible.join() !== or.eligible.join()
    )
      throw new Error(
        `the overview differs from the raw SQL's (${apiHours} vs ${or.hours} hours, eligible ${apiEligible} vs ${or.eligible})`,
      );
    let waiting = 0;
    for (let page = qa; ; ) {
      waiting += page.items.length;
      if (!page.nextCursor) break;
      page = await get(`/api/exchanges/applications?scope=to_approve&cursor=${encodeURIComponent(page.nextCursor)}`);
    }

    // As drizzle sends them: postgres.js's unsafe() without a name, so PostgreSQL plans each statement every time.
    const unprepared = postgres(bench.url, { max: 4, prepare: false, onnotice: () => {} });
    const measure = (api: () => Promise<unknown>, raw: (sql: postgres.Sql) => Promise<unknown>) =>
      alternating({ api, raw: () => raw(sql), unprepared: () => raw(unprepared) }, WARMUP, REQUESTS);
    const queue = await measure(queueApi, queueRaw);
    const overview = await measure(overviewApi, overviewRaw);
    await unprepared.end();
    return {
      sizes: { ...(sizes as unknown as Record<string, number>), waiting } as Record<string, number>,
      queue,
      overview,
    };
  } finally {
    await stopAll();
    await bench.drop();
  }
}

export function printExchanges(r: Awaited<ReturnType<typeof benchExchanges>>): string {
  const s = r.sizes;
  return [
    `Exchanges: ${s.schools} schools in the group, ${s.teachers} teachers, ${s.postings} postings, ${s.placements} ` +
      `placements, ${s.logs} log entries, ${s.pending} applications under way (${s.waiting} wait for the group); ` +
      `${REQUESTS} requests each after ${WARMUP} warm-ups, one at a time, API and raw alternating (PostgreSQL)`,
    table(
      ['', 'p50', 'p95', 'p95 × raw'],
      [
        rowVsRaw('GET /api/exchanges/applications?scope=to_approve', r.queue.api, r.queue.raw),
        rowVsRaw('raw SQL (page of 50 + its approvals)', r.queue.raw, r.queue.raw),
        rowVsRaw('… the same, unprepared (as drizzle sends it)', r.queue.unprepared, r.queue.raw),
        rowVsRaw('GET /api/exchanges/overview?orgId=<group>', r.overview.api, r.overview.raw),
        rowVsRaw('raw SQL (the overview’s 8 statements)', r.overview.raw, r.overview.raw),
        rowVsRaw('… the same, unprepared (as drizzle sends them)', r.overview.unprepared, r.overview.raw),
      ],
    ),
    `queue: ${verdictVsRaw(r.queue)} (≤ 2× raw) · overview: ${verdictVsRaw(r.overview)} (≤ 2× raw)`,
    `exchanges: ${lineVsRaw('queue', r.queue)} · ${lineVsRaw('overview', r.overview)}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('exit', killAllNow);
  console.log(printExchanges(await benchExchanges()));
}
