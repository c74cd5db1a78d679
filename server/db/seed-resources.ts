// Demo resources (CONTRACT.md: "a few dozen resources with Chinese titles across subjects and grades"), each
// with a small real PDF in storage, and some uses by other schools so reports and usage counts show life.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ResourceKind, Scope, Subject } from '../../shared/enums';
import { previousTeachingTerm, termOf } from '../../shared/time';
import type { Queryable } from '../lib/db';
import { insertResource } from '../modules/resources/resources.service';
import type { Storage } from '../modules/resources/storage';
import { must } from './demo-ids';
import { resources, resourceUses } from './schema';

export type DemoResourceRow = [
  school: string,
  author: string,
  title: string,
  subject: Subject,
  grade: number,
  kind: ResourceKind,
  edition: string,
  unit: string,
  visibility: Scope,
  tags: string[],
];

const ROWS: DemoResourceRow[] = [
  [
    'jhzx',
    'wang',
    '分数的初步认识（第一课时）教学设计',
    'math',
    3,
    'lesson_plan',
    '人教版',
    '第八单元 分数的初步认识',
    'group',
    ['分数', '几分之一'],
  ],
  [
    'jhzx',
    'wang',
    '分数的初步认识 课件',
    'math',
    3,
    'courseware',
    '人教版',
    '第八单元 分数的初步认识',
    'group',
    ['分数', '课件'],
  ],
  [
    'jhzx',
    'wang',
    '分数的简单计算 课堂练习',
    'math',
    3,
    'exercise',
    '人教版',
    '第八单元 分数的初步认识',
    'district',
    ['分数', '练习'],
  ],
  [
    'jhzx',
    'wang',
    '分数的意义 教学设计',
    'math',
    5,
    'lesson_plan',
    '人教版',
    '第四单元 分数的意义和性质',
    'group',
    ['分数', '单位1'],
  ],
  [
    'jhzx',
    'wang',
    '通分与约分 分层作业',
    'math',
    5,
    'exercise',
    '人教版',
    '第四单元 分数的意义和性质',
    'group',
    ['通分', '约分'],
  ],
  ['jhzx', 'wang', '有理数的加法 课件', 'math', 7, 'courseware', '人教版', '第一章 有理数', 'district', ['有理数']],
  [
    'jhzx',
    'wang',
    '一元一次方程的应用 名师课堂实录',
    'math',
    7,
    'video',
    '人教版',
    '第三章 一元一次方程',
    'district',
    ['方程', '名师课堂'],
  ],
  [
    'jhzx',
    'zhang',
    '氧气的实验室制取 实验指导',
    'chemistry',
    9,
    'lesson_plan',
    '人教版',
    '第二单元 我们周围的空气',
    'group',
    ['氧气', '实验'],
  ],
  [
    'jhzx',
    'zhang',
    '质量守恒定律 探究实验课件',
    'chemistry',
    9,
    'courseware',
    '人教版',
    '第五单元 化学方程式',
    'group',
    ['质量守恒'],
  ],
  [
    'jhzx',
    'zhang',
    '酸和碱的中和反应 习题',
    'chemistry',
    9,
    'exercise',
    '人教版',
    '第十单元 酸和碱',
    'school',
    ['中和反应'],
  ],
  [
    'jhzx',
    'admin',
    '光的折射 演示实验课件',
    'physics',
    8,
    'courseware',
    '人教版',
    '第四章 光现象',
    'group',
    ['光', '折射'],
  ],
  [
    'jhzx',
    'admin',
    '声音的产生与传播 教学设计',
    'physics',
    8,
    'lesson_plan',
    '人教版',
    '第二章 声现象',
    'district',
    ['声音'],
  ],
  [
    'jhxx',
    'li',
    '古诗三首《山行》《赠刘景文》《夜书所见》教学设计',
    'chinese',
    3,
    'lesson_plan',
    '部编版',
    '第三单元',
    'group',
    ['古诗', '朗读'],
  ],
  ['jhxx', 'li', '司马光 课件', 'chinese', 3, 'courseware', '部编版', '第八单元', 'group', ['文言文']],
  ['jhxx', 'li', '观潮 教学设计', 'chinese', 4, 'lesson_plan', '部编版', '第一单元', 'district', ['写景']],
  ['jhxx', 'li', '小学生看图写话 指导与范文', 'chinese', 2, 'exercise', '部编版', '语文园地', 'district', ['写话']],
  [
    'jhxx',
    'li',
    'Module 1 Unit 1 We lived in a small house 课件',
    'english',
    5,
    'courseware',
    '外研版',
    'Module 1',
    'group',
    ['英语', '过去时'],
  ],
  [
    'jhxx',
    'li',
    '认识钟表 动画课件',
    'math',
    1,
    'courseware',
    '人教版',
    '第七单元 认识钟表',
    'group',
    ['钟表', '时间'],
  ],
  ['jhxx', 'li', '100以内的加法和减法 口算练习', 'math', 2, 'exercise', '人教版', '第二单元', 'district', ['口算']],
  [
    'jhxx',
    'jhxxAdmin',
    '校园植物观察 科学探究活动',
    'science',
    3,
    'lesson_plan',
    '教科版',
    '植物',
    'group',
    ['科学', '观察'],
  ],
  ['jhxx', 'jhxxAdmin', '我们的身体 科学课件', 'science', 4, 'courseware', '教科版', '我们的身体', 'group', ['科学']],
  ['jhxx', 'jhxxAdmin', '春晓 歌曲教学', 'music', 2, 'lesson_plan', '人音版', '第三单元', 'group', ['歌唱']],
  ['jhxx', 'jhxxAdmin', '色彩的冷暖 美术课件', 'art', 4, 'courseware', '人美版', '第二课', 'district', ['色彩']],
  [
    'beishan',
    'zhao',
    '乡土植物识别 校本课程',
    'science',
    4,
    'school_course',
    '校本',
    '北山的植物',
    'district',
    ['校本课程', '乡土'],
  ],
  ['beishan', 'zhao', '农耕体验 劳动课程方案', 'labor', 5, 'school_course', '校本', '春耕', 'group', ['劳动教育']],
  ['beishan', 'zhao', '跳绳与踢毽 大课间活动设计', 'pe', 3, 'lesson_plan', '校本', '大课间', 'group', ['体育']],
  [
    'nanhu',
    'chen',
    '南湖水文化 综合实践课程',
    'other',
    5,
    'school_course',
    '校本',
    '水与生活',
    'district',
    ['综合实践'],
  ],
  [
    'nanhu',
    'chen',
    '五年级 分数加减法 错题整理',
    'math',
    5,
    'exercise',
    '人教版',
    '第六单元 分数的加法和减法',
    'group',
    ['分数', '错题'],
  ],
  ['nanhu', 'chen', '画图软件初步 信息技术课件', 'it', 4, 'courseware', '其他', '第一单元', 'group', ['信息技术']],
  [
    'jhzx',
    'zhang',
    '中国的地形 地理课件',
    'geography',
    8,
    'courseware',
    '人教版',
    '第二章 中国的自然环境',
    'group',
    ['地形'],
  ],
  [
    'jhzx',
    'zhang',
    '丝绸之路 历史教学设计',
    'history',
    7,
    'lesson_plan',
    '部编版',
    '第三单元',
    'district',
    ['丝绸之路'],
  ],
  ['jhzx', 'admin', '法律在我们身边 道德与法治', 'politics', 8, 'lesson_plan', '部编版', '第四单元', 'group', ['法治']],
  [
    'jhzx',
    'admin',
    '细胞的结构 生物课件',
    'biology',
    7,
    'courseware',
    '人教版',
    '第二单元 生物体的结构层次',
    'group',
    ['细胞'],
  ],
  [
    'xiling',
    'xilingTeacher',
    '勾股定理 教学设计',
    'math',
    8,
    'lesson_plan',
    '人教版',
    '第十七章 勾股定理',
    'group',
    ['勾股定理'],
  ],
  [
    'xiling',
    'xilingTeacher',
    '分数的基本性质 西岭中学练习',
    'math',
    5,
    'exercise',
    '人教版',
    '第四单元',
    'group',
    ['分数'],
  ],
];

/** A small, valid one-page PDF (Latin text: the title is in the database, the file is a stand-in). */
function demoPdf(n: number): Buffer {
  const body = `BT /F1 18 Tf 72 720 Td (Tongzhou demo resource ${n}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The lead school's first eleven resources came out during the last teaching term; the rest over the last weeks. */
const LAST_TERM_ROWS = 11;
function publishedAt(n: number): Date {
  if (n > LAST_TERM_ROWS) return new Date(Date.now() - (ROWS.length - n) * 86400_000);
  const last = previousTeachingTerm(termOf(new Date()));
  return new Date(last.start.getTime() + (7 + 12 * (n - 1)) * 86400_000 + 10 * 3600_000);
}

type Ids = { orgs: Record<string, string>; users: Record<string, string> };

/** One demo resource, published on `at`, with its PDF (the `n`th demo file) in storage. */
export async function addDemoResource(
  tx: Queryable,
  storage: Storage,
  ids: Ids,
  row: DemoResourceRow,
  n: number,
  at: Date,
  summary = `${row[2]}。适用于${row[4] <= 6 ? `${row[4]}年级` : `初${row[4] - 6}`}，${row[6]}${row[7]}。`,
) {
  const [school, author, title, subject, grade, kind, edition, unit, visibility, tags] = row;
  const bytes = demoPdf(n);
  const { key, stream } = await storage.createTemp();
  await new Promise<void>((ok, fail) => stream.end(bytes, () => ok()).on('error', fail));
  const storageKey = await storage.promote(key);
  const { row: made } = await insertResource(tx, {
    schoolId: must(ids.orgs, school),
    authorId: must(ids.users, author),
    status: 'published',
    at,
    meta: {
      title,
      subject,
      grade,
      kind,
      edition,
      unit,
      visibility,
      tags,
      summary,
      licence: visibility === 'public' ? 'cc_by' : 'group_only',
    },
    file: {
      fileName: `${title.replace(/[《》]/g, '')}.pdf`,
      storageKey,
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  });
  return made;
}

export async function seedResources(tx: Queryable, storage: Storage, ids: Ids) {
  let n = 0;
  for (const r of ROWS) {
    n++;
    const [school, , , subject] = r;
    const at = publishedAt(n);
    const row = await addDemoResource(tx, storage, ids, r, n, at);
    // The rural schools used the lead school's math and science material.
    if (school === 'jhzx' && (subject === 'math' || subject === 'chemistry' || subject === 'physics')) {
      const users = (
        [
          ['zhao', 'beishan'],
          ['chen', 'nanhu'],
          ['li', 'jhxx'],
        ] as const
      ).slice(0, 1 + (n % 3));
      await tx
        .insert(resourceUses)
        .values(
          users.map(([u, s]) => ({ resourceId: row.id, userId: must(ids.users, u), schoolId: must(ids.orgs, s), at })),
        );
      await tx
        .update(resources)
        .set({ downloads: sql`${resources.downloads} + ${users.length}` })
        .where(eq(resources.id, row.id));
    }
  }
}
