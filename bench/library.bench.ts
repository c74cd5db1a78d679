// Issue 4's figures, on the PostgreSQL server:
//  1. search p95 with 100,000 resources through GET /api/resources?q=…, next to the same SQL run directly;
//  2. a 200 MB upload through POST /api/resources, next to writing the same bytes to disk in this process (both
//     synced to the disk before they count as done),
//     with the server's RSS before and after.
// Run: npx tsx bench/library.bench.ts (also part of npm run bench). Loopback only; bounded sizes.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { searchDocument, searchTerms } from '../shared/search-text';
import { killAllNow, memoryOf, round, signIn, startBareServer, startServer, stopAll, table } from './lib';
import { benchDatabase } from './pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 100_000);
const QUERIES = ['分数', '古诗', '实验', '方程', '初步认识', '课件', '光的折射'];
const ROUNDS = 40;
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);

// Each resource has one topic (30 topics × 10 angles) and one form: a topic word such as 分数 is then in
// ~3 % of the library and a form word such as 课件 in ~10 %, roughly as in a real K-12 collection.
const TOPICS = [
  '分数',
  '古诗',
  '实验',
  '方程',
  '初步认识',
  '阅读',
  '写作',
  '几何',
  '函数',
  '光的折射',
  '化学反应',
  '细胞',
  '地形',
  '丝绸之路',
  '口算',
  '钟表',
  '英语',
  '歌曲',
  '色彩',
  '劳动',
  '植物',
  '观察',
  '探究',
  '小数',
  '面积',
  '电路',
  '力学',
  '诗词',
  '文言文',
  '地图',
];
const ANGLES = ['的意义', '的应用', '入门', '进阶', '专题', '复习', '拓展', '梳理', '综合', '比较'];
const FORMS = ['课件', '教学设计', '练习', '单元测评', '课堂实录', '导学案', '微课', '说课稿', '学习单', '素材包'];
const topic = (n: number) => `${TOPICS[(n * 7919) % TOPICS.length]}${ANGLES[(n * 104729) % ANGLES.length]}`;
const form = (n: number) => FORMS[(n * 31) % FORMS.length]!;

function p95(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}

export async function benchLibrary() {
  const bench = await benchDatabase(`tz_bench_lib_${process.pid}`, 4);
  const { sql, ids } = bench;
  const url = new URL(bench.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-bench-lib-'));
  try {
    const schools = ['jhzx', 'jhxx', 'beishan', 'nanhu', 'xiling'].map((k) => ids.orgs[k]!);
    const author = ids.users.wang!;
    const subjects = ['math', 'chinese', 'english', 'physics', 'chemistry', 'science'];
    const kinds = ['lesson_plan', 'courseware', 'exercise', 'video'];
    for (let i = 0; i < RESOURCES; i += 2000) {
      const rows = Array.from({ length: Math.min(2000, RESOURCES - i) }, (_, j) => {
        const n = i + j;
        const title = `${topic(n)} ${form(n)}（第${(n % 9) + 1}课时）`;
        const summary = `供${1 + (n % 12)}年级使用的教学资源，第 ${n} 号。`;
        return {
          n,
          title,
          summary,
          school: schools[Math.floor(n / 7) % 5]!,
          subject: subjects[Math.floor(n / 3) % 6]!,
          grade: 1 + (n % 12),
          kind: kinds[n % 4]!,
          ta: searchDocument(title),
          tc: searchDocument(summary),
        };
      });
      await sql`
        INSERT INTO resources (school_id, author_id, title, summary, subject, grade, kind, visibility, status, published_at, search)
        SELECT r.school, ${author}, r.title, r.summary, r.subject::subject, r.grade, r.kind::resource_kind,
          'group', 'published', now() - (r.n || ' minutes')::interval,
          setweight(to_tsvector('simple', r.ta), 'A') || setweight(to_tsvector('simple', r.tc), 'C')
        FROM json_to_recordset(${sql.json(rows)}::json) AS r(n int, title text, summary text, school uuid, subject text, grade int, kind text, ta text, tc text)`;
    }
    await sql`ANALYZE resources`;

    const { server, base } = await startServer(root, url.toString(), {
      DATA_DIR: dataDir,
      MAX_UPLOAD_MB: String(UPLOAD_MB + 10),
    });
    const { cookie } = await signIn(base, 'li@jhxx.demo');

    // The route's two statements for a teacher of 京华实验小学: the page (ranked) and the facet counts.
    const group = ids.orgs.jinghua!;
    const district = ids.orgs.chengguan!;
    const raw = async (q: string) => {
      const terms = searchTerms(q).join(' ');
      await sql`SELECT r.*, s.name FROM resources r JOIN orgs s ON s.id = r.school_id
        WHERE r.status = 'published'
          AND (r.visibility = 'public' OR r.school_id = ${ids.orgs.jhxx!}
            OR (r.visibility IN ('group','district') AND s.group_id = ${group})
            OR (r.visibility = 'district' AND s.district_id = ${district}))
          AND r.search @@ plainto_tsquery('simple', ${terms})
        ORDER BY ts_rank(r.search, plainto_tsquery('simple', ${terms})) DESC, r.published_at DESC, r.id LIMIT 21`;
      await sql`SELECT r.subject, r.grade, r.kind, r.edition, count(*) FROM resources r JOIN orgs s ON s.id = r.school_id
        WHERE r.status = 'published'
          AND (r.visibility = 'public' OR r.school_id = ${ids.orgs.jhxx!}
            OR (r.visibility IN ('group','district') AND s.group_id = ${group})
            OR (r.visibility = 'district' AND s.district_id = ${district}))
          AND r.search @@ plainto_tsquery('simple', ${terms})
        GROUP BY GROUPING SETS ((r.subject), (r.grade), (r.kind), (r.edition))`;
    };
    const api = async (q: string) => {
      const res = await fetch(`${base}/api/resources?q=${encodeURIComponent(q)}`, { headers: { cookie } });
      const body = await res.json();
      if (res.status !== 200 || !body.items.length) throw new Error(`search ${q}: ${res.status}`);
    };
    // API and raw SQL alternate query by query, so a busy moment of the machine falls on both alike.
    const samples = { api: {} as Record<string, number[]>, raw: {} as Record<string, number[]> };
    for (const q of QUERIES) await api(q); // warm the server's caches and plans once
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        for (const [kind, fn] of [
          ['api', api],
          ['raw', raw],
        ] as const) {
          const t = performance.now();
          await fn(q);
          samples[kind][q] ??= [];
          samples[kind][q].push(performance.now() - t);
        }
      }
    }
    const summarise = (by: Record<string, number[]>) => {
      const all = Object.values(by).flat();
      return {
        p50: [...all].sort((a, b) => a - b)[Math.floor(all.length / 2)]!,
        p95: p95(all),
        perQuery: Object.fromEntries(Object.entries(by).map(([q, xs]) => [q, round(p95(xs), 1)])),
      };
    };
    const searchApi = summarise(samples.api);
    const searchRaw = summarise(samples.raw);

    // Upload: 200 MB that starts like a PDF, sent through multipart by Node's http client from 1 MB buffers (a web
    // ReadableStream through fetch cost the sender more CPU than the server spent receiving, on the same two cores).
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const first = Buffer.concat([Buffer.from('%PDF-1.4\n'), chunk.subarray(9)]);
    const total = UPLOAD_MB * 1024 * 1024;
    function* parts() {
      for (let sent = 0; sent < total; sent += chunk.length) yield sent === 0 ? first : chunk;
    }
    const boundary = '----tongzhou-bench';
    const pre = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n` +
        `${JSON.stringify({ title: '压测大文件', subject: 'math', grade: 3, kind: 'video', visibility: 'school' })}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    const post = Buffer.from(`\r\n--${boundary}--\r\n`);
    const rssBefore = memoryOf(server.pid).rssMb;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(server.pid).rssMb);
    }, 50);
    const send = (url: string, headers: Record<string, string>) =>
      new Promise<{ status: number; text: string }>((ok, fail) => {
        const req = request(url, {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': pre.length + total + post.length,
          },
        });
        req.on('error', fail);
        req.on('response', (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (d: string) => {
            text += d;
          });
          r.on('end', () => ok({ status: r.statusCode ?? 0, text }));
        });
        pipeline(
          Readable.from(
            (function* () {
              yield pre;
              yield* parts();
              yield post;
            })(),
            { objectMode: false },
          ),
          req,
        ).catch(fail);
      });
    const t0 = performance.now();
    const res = await send(`${base}/api/resources`, { cookie });
    const uploadMs = performance.now() - t0;
    clearInterval(sampler);
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.text}`);
    const diskFile = join(dataDir, 'raw.bin');
    const t1 = performance.now();
    // The same guarantee as the upload's: the bytes are synced to the disk before the write counts as done.
    await pipeline(Readable.from(parts(), { objectMode: false }), createWriteStream(diskFile, { flush: true }));
    const diskMs = performance.now() - t1;
    // The same bytes over HTTP on loopback to the smallest server that hashes and syncs them (no multipart, no
    // session, no database): what the transfer itself costs on this machine.
    const { base: bareBase } = await startBareServer(root);
    const t2 = performance.now();
    const bareRes = await send(`${bareBase}/bare-upload`, {});
    const bareMs = performance.now() - t2;
    if (bareRes.status !== 201) throw new Error(`the bare upload answered ${bareRes.status}: ${bareRes.text}`);
    return {
      searchApi,
      searchRaw,
      upload: {
        mb: UPLOAD_MB,
        apiMBs: UPLOAD_MB / (uploadMs / 1000),
        diskMBs: UPLOAD_MB / (diskMs / 1000),
        bareMBs: UPLOAD_MB / (bareMs / 1000),
        rssBefore,
        rssPeak: peak,
      },
    };
  } finally {
    await stopAll();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printLibrary(r: Awaited<ReturnType<typeof benchLibrary>>): string {
  return [
    `Search over ${RESOURCES.toLocaleString('en')} resources, ${QUERIES.length} queries × ${ROUNDS} rounds, one at a time (PostgreSQL)`,
    table(
      ['', 'p50', 'p95', 'p95 × raw'],
      [
        [
          'GET /api/resources?q=…',
          `${round(r.searchApi.p50, 1)} ms`,
          `${round(r.searchApi.p95, 1)} ms`,
          `${round(r.searchApi.p95 / r.searchRaw.p95, 2)} ×`,
        ],
        ['raw SQL (page + facets)', `${round(r.searchRaw.p50, 1)} ms`, `${round(r.searchRaw.p95, 1)} ms`, '1 ×'],
      ],
    ),
    `p95 per query, API: ${JSON.stringify(r.searchApi.perQuery)}`,
    `p95 per query, raw: ${JSON.stringify(r.searchRaw.perQuery)}`,
    '',
    `Upload of ${r.upload.mb} MB`,
    table(
      ['', 'rate', 'of disk', 'of bare HTTP'],
      [
        [
          'POST /api/resources',
          `${round(r.upload.apiMBs)} MB/s`,
          `${round((r.upload.apiMBs / r.upload.diskMBs) * 100)} %`,
          `${round((r.upload.apiMBs / r.upload.bareMBs) * 100)} %`,
        ],
        [
          'bare HTTP server: hash, write, sync',
          `${round(r.upload.bareMBs)} MB/s`,
          `${round((r.upload.bareMBs / r.upload.diskMBs) * 100)} %`,
          '100 %',
        ],
        ['write to disk directly, synced', `${round(r.upload.diskMBs)} MB/s`, '100 %', ''],
      ],
    ),
    `Server RSS: ${round(r.upload.rssBefore)} MB before, ${round(r.upload.rssPeak)} MB at peak ` +
      `(+${round(r.upload.rssPeak - r.upload.rssBefore)} MB)`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('exit', killAllNow);
  console.log(printLibrary(await benchLibrary()));
}
