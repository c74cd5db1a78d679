import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { collections, users } from '../../server/db/schema';
import { type AnswerOf, type Client, detailsOf, expectStatus, useHarness } from '../support/harness';

const h = useHarness();

/** A tiny but real PDF, PNG and MP3 (their first bytes are what counts). */
const pdf = (text = 'x') => new TextEncoder().encode(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`);
const png = () =>
  Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
    0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  ]);

function form(meta: object, bytes: Uint8Array, name: string, type = 'application/octet-stream') {
  const f = new FormData();
  f.set('meta', JSON.stringify(meta));
  f.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return f;
}

const base = { subject: 'math', grade: 3, kind: 'lesson_plan', edition: '人教版', unit: '第八单元 分数的初步认识' };

async function upload(client: Client, meta: object, bytes = pdf(String(Math.random())), name = '分数的初步认识.pdf') {
  return client.raw('POST', '/api/resources', form({ ...base, ...meta }, bytes, name));
}

describe('resources: upload', () => {
  it('a teacher shares a lesson plan with a Chinese file name; shared with the school only, it is published at once', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await upload(li, {
      title: '分数的初步认识（第一课时）',
      visibility: 'school',
      tags: ['分数', '三年级'],
    });
    expectStatus(res, 201);
    expect(res.body.resource).toMatchObject({
      status: 'published',
      schoolName: '京华实验小学',
      authorName: '李雪梅',
      file: { fileName: '分数的初步认识.pdf', contentType: 'application/pdf', number: 1 },
    });
    expect(res.body.resource.file!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('judges the type by the bytes: a text file named .pdf is 415, a PNG named .pdf is served as a PNG', async () => {
    const li = await h.as('li@jhxx.demo');
    const fake = await upload(
      li,
      { title: '假的', visibility: 'school' },
      new TextEncoder().encode('just some text, not a pdf at all'),
      'lesson.pdf',
    );
    expectStatus(fake, 415);
    expect(fake.body.error.code).toBe('unsupported_type');
    const image = await upload(li, { title: '教具图片', visibility: 'school', kind: 'other' }, png(), 'picture.pdf');
    expectStatus(image, 201);
    expect(image.body.resource.file!.contentType).toBe('image/png');
  });

  it('a file name can never place a file outside storage, and is kept only as a display name', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await upload(li, { title: '路径测试', visibility: 'school' }, pdf('path'), '../../../etc/passwd.pdf');
    expectStatus(res, 201);
    expect(res.body.resource.file!.fileName).toBe('passwd.pdf');
  });

  it('an upload over the limit is 413 and leaves nothing behind', async () => {
    const li = await h.as('li@jhxx.demo');
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(pdf('big'));
    const before = (await li.get('/api/resources?mine=1')).body.items.length;
    const res = await upload(li, { title: '太大了', visibility: 'school' }, big, 'big.pdf');
    expectStatus(res, 413);
    expect((await li.get('/api/resources?mine=1')).body.items.length).toBe(before);
  });

  it('bad metadata is 400 naming the fields, and nothing is kept', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await upload(li, { title: '', grade: 13, visibility: 'school' });
    expectStatus(res, 400);
    expect(Object.keys(detailsOf(res, 'fields')).sort()).toEqual(['grade', 'title']);
  });

  it('recognises the same file uploaded twice', async () => {
    const li = await h.as('li@jhxx.demo');
    const bytes = pdf('twice');
    const first = await upload(li, { title: '同一个文件', visibility: 'school' }, bytes);
    expectStatus(first, 201);
    const again = await upload(li, { title: '同一个文件（再传）', visibility: 'school' }, bytes);
    expectStatus(again, 409);
    expect(detailsOf(again, 'resourceId')).toBe(first.body.resource.id);
  });
});

describe('resources: review before wider sharing', () => {
  it('shared with the group it waits for review: invisible to others until the group leader publishes it', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await upload(wang, { title: '分数的大小比较 课件', kind: 'courseware', visibility: 'group' });
    expectStatus(res, 201);
    expect(res.body.resource.status).toBe('in_review');
    const id = res.body.resource.id;
    const zhao = await h.as('zhao@beishan.demo');
    expectStatus(await zhao.get(`/api/resources/${id}`), 404);

    const leader = await h.as('leader@jinghua.demo');
    const queue = await leader.get('/api/resources?status=in_review');
    expect(queue.body.items.map((r) => r.id)).toContain(id);
    expect(queue.body.items.find((r) => r.id === id)!.canReview).toBe(true);
    const returned = await leader.post(`/api/resources/${id}/review`, { decision: 'return' });
    expectStatus(returned, 400);
    const published = await leader.post(`/api/resources/${id}/review`, { decision: 'publish' });
    expect(published.body.resource.status).toBe('published');
    expectStatus(await zhao.get(`/api/resources/${id}`), 200);
    expectStatus(await leader.post(`/api/resources/${id}/review`, { decision: 'publish' }), 409);
    // Another group never sees it.
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/resources/${id}`), 404);
  });

  it('a teacher cannot review', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await upload(wang, { title: '待审资源', visibility: 'district' });
    expectStatus(
      await (await h.as('li@jhxx.demo')).post(`/api/resources/${res.body.resource.id}/review`, { decision: 'publish' }),
      404,
    );
  });
});

describe('resources: search in Chinese', () => {
  it('分数 finds 分数的初步认识, ranked, with facet counts, and only what the caller may see', async () => {
    const li = await h.as('li@jhxx.demo');
    await upload(li, {
      title: '古诗三首 教学设计',
      subject: 'chinese',
      grade: 3,
      visibility: 'school',
      unit: '第一单元',
    });
    const res = await li.get(`/api/resources?q=${encodeURIComponent('分数')}`);
    expectStatus(res, 200);
    const titles = res.body.items.map((r) => r.title);
    expect(titles).toContain('分数的初步认识（第一课时）');
    expect(titles).not.toContain('古诗三首 教学设计');
    expect(titles.length).toBeGreaterThanOrEqual(5); // the demo library's 分数 material, and this test's
    expect(res.body.facets.subject).toEqual([expect.objectContaining({ value: 'math' })]);
    expect(res.body.total).toBe(res.body.facets.subject[0]!.count);
    // The title match ranks first.
    expect(titles[0]).toMatch(/分数/);
    const xiling = await h.as('admin@xiling.demo');
    const theirs = (await xiling.get(`/api/resources?q=${encodeURIComponent('分数')}`)).body.items;
    expect(theirs.map((r) => r.schoolName)).toEqual(['西岭中学']);
  });

  it('filters by subject and grade; a longer phrase narrows', async () => {
    const li = await h.as('li@jhxx.demo');
    const chinese = (await li.get('/api/resources?subject=chinese')).body.items;
    expect(chinese.map((r) => r.title)).toContain('古诗三首 教学设计');
    expect(chinese.every((r) => r.subject === 'chinese')).toBe(true);
    const narrow = await li.get(`/api/resources?q=${encodeURIComponent('初步认识')}&grade=3`);
    expect(narrow.body.items.map((r) => r.title)).toContain('分数的初步认识（第一课时）');
    // A facet counts without its own filter: with grade 3 chosen, the other grades still show.
    const graded = await li.get(`/api/resources?q=${encodeURIComponent('分数')}&grade=3`);
    expect(graded.body.items.every((r) => r.grade === 3)).toBe(true);
    expect(graded.body.facets.grade.map((g) => g.value)).toEqual(expect.arrayContaining(['3', '5']));
  });
});

describe('resources: facet counts agree with the matches themselves', () => {
  type Item = { subject: string; grade: number; kind: string; schoolId: string };
  const everyPage = async (client: Awaited<ReturnType<typeof h.as>>, query: string) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(`/api/resources?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expectStatus(res, 200);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };
  const tally = (items: Item[], key: (i: Item) => string) => {
    const out: Record<string, number> = {};
    for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
    return out;
  };
  const asRecord = (xs: { value: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.value, x.count]));

  it('each facet counts every page of matches with every filter but its own, and the total is the matches', async () => {
    const li = await h.as('li@jhxx.demo');
    // Grades past 9 come after 2, not between 1 and 2 as text would put them.
    for (const grade of [10, 12])
      expectStatus(await upload(li, { title: `高${grade}年级`, visibility: 'school', grade }), 201);
    const all = await everyPage(li, 'q=');
    expect(all.length).toBeGreaterThan(20); // more than one page
    const first = (await li.get('/api/resources')).body;
    expect(first.total).toBe(all.length);
    expect(asRecord(first.facets.subject)).toEqual(tally(all, (i) => i.subject));
    expect(asRecord(first.facets.grade)).toEqual(tally(all, (i) => String(i.grade)));
    expect(asRecord(first.facets.school)).toEqual(tally(all, (i) => i.schoolId));
    const grades = (xs: { value: string }[]) => xs.map((x) => Number(x.value));
    expect(grades(first.facets.grade)).toContain(10);
    expect(grades(first.facets.grade)).toEqual([...grades(first.facets.grade)].sort((a, b) => a - b));

    // With 数学 chosen: the page and the total are 数学's, the subject facet still counts every subject, the others
    // count within 数学.
    const math = all.filter((i) => i.subject === 'math');
    const chosen = (await li.get('/api/resources?subject=math')).body;
    expect(await everyPage(li, 'subject=math')).toHaveLength(math.length);
    expect(chosen.total).toBe(math.length);
    expect(asRecord(chosen.facets.subject)).toEqual(tally(all, (i) => i.subject));
    expect(asRecord(chosen.facets.grade)).toEqual(tally(math, (i) => String(i.grade)));
    expect(asRecord(chosen.facets.kind)).toEqual(tally(math, (i) => i.kind));
    // A chosen grade's facet comes in the same order as an unchosen one.
    const byGrade = (await li.get('/api/resources?grade=10')).body;
    expect(grades(byGrade.facets.grade)).toEqual(grades(first.facets.grade));
  });
});

describe('resources: download', () => {
  it('answers the file with its type, a safe Chinese Content-Disposition, ranges, and counts the download', async () => {
    const li = await h.as('li@jhxx.demo');
    const bytes = pdf('download me');
    const up = await upload(li, { title: '下载测试', visibility: 'school' }, bytes, '分数 "练习".pdf');
    const id = up.body.resource.id;
    const res = await li.get(`/api/resources/${id}/download`);
    expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe('分数 练习.pdf');
    expect(res.text.length).toBe(bytes.length);

    const part = await li.get(`/api/resources/${id}/download`, { range: 'bytes=0-3' });
    expectStatus(part, 206);
    expect(part.text).toBe('%PDF');
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${bytes.length}`);
    expectStatus(await li.get(`/api/resources/${id}/download`, { range: `bytes=${bytes.length + 10}-` }), 416);

    // The author's own downloads and previews are not uses; a colleague's download is, once per person.
    expect((await li.get(`/api/resources/${id}`)).body.resource).toMatchObject({ downloads: 0, users: 0 });
    const colleague = await h.as('admin@jhxx.demo');
    expectStatus(await colleague.get(`/api/resources/${id}/download`), 200);
    expectStatus(await colleague.get(`/api/resources/${id}/download`), 200);
    expectStatus(await colleague.get(`/api/resources/${id}/download?inline=1`), 200);
    expect((await li.get(`/api/resources/${id}`)).body.resource).toMatchObject({ downloads: 2, users: 1 });
  });

  it('a new version keeps the old one', async () => {
    const li = await h.as('li@jhxx.demo');
    const up = await upload(li, { title: '版本测试', visibility: 'school' }, pdf('v1'), 'v1.pdf');
    const f = new FormData();
    f.set('file', new Blob([pdf('v2') as Uint8Array<ArrayBuffer>]), 'v2.pdf');
    const v2 = await li.raw('POST', `/api/resources/${up.body.resource.id}/versions`, f);
    expectStatus(v2, 201);
    expect(v2.body.resource.file).toMatchObject({ number: 2, fileName: 'v2.pdf' });
    const detail = await li.get(`/api/resources/${up.body.resource.id}`);
    expect(detail.body.versions.map((v) => v.fileName)).toEqual(['v2.pdf', 'v1.pdf']);
    const old = await li.get(`/api/resources/${up.body.resource.id}/download?version=1`);
    expect(old.text).toContain('v1');
    expectStatus(
      await (await h.as('zhao@beishan.demo')).raw('POST', `/api/resources/${up.body.resource.id}/versions`, f),
      404,
    );
    // Four new versions sent at once are numbered one after the other, none lost.
    const sends = [3, 4, 5, 6].map((n) => {
      const g = new FormData();
      g.set('file', new Blob([pdf(`v${n}`) as Uint8Array<ArrayBuffer>]), `v${n}.pdf`);
      return li.raw('POST', `/api/resources/${up.body.resource.id}/versions`, g);
    });
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const after = await li.get(`/api/resources/${up.body.resource.id}`);
    expect(after.body.versions.map((v) => v.number)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe('resources: favourites, comments, collections', () => {
  it('a teacher keeps favourites and comments on a colleague’s published resource', async () => {
    const zhao = await h.as('zhao@beishan.demo');
    const found = await zhao.get(`/api/resources?q=${encodeURIComponent('分数的初步认识')}`);
    const target = found.body.items.find((r) => r.schoolName === '京华实验中学')!;
    expectStatus(await zhao.put(`/api/resources/${target.id}/favourite`), 204);
    expectStatus(await zhao.put(`/api/resources/${target.id}/favourite`), 204);
    expect((await zhao.get('/api/favourites')).body.items.map((r) => r.id)).toEqual([target.id]);
    const said = await zhao.post(`/api/resources/${target.id}/comments`, {
      body: '北山的孩子很喜欢这个导入环节，谢谢王老师！',
    });
    expectStatus(said, 201);
    const comments = await (await h.as('wang@jhzx.demo')).get(`/api/resources/${target.id}/comments`);
    expect(comments.body.items.at(-1)).toMatchObject({
      authorName: '赵春生',
      schoolName: '北山乡中心小学',
      body: '北山的孩子很喜欢这个导入环节，谢谢王老师！',
    });
    expectStatus(await zhao.delete(`/api/resources/${target.id}/favourite`), 204);
    expect((await zhao.get('/api/favourites')).body.items).toEqual([]);
  });

  it('a collection shared with the group shows each viewer only the resources they may see', async () => {
    const li = await h.as('li@jhxx.demo');
    const mineOnly = await upload(li, { title: '本校专用 分数教具', visibility: 'school' }, pdf('own'), 'own.pdf');
    const shared = (await li.get(`/api/resources?q=${encodeURIComponent('分数的意义')}`)).body.items[0]!;
    const created = await li.post('/api/collections', { title: '三年级 分数单元 资源包', visibility: 'group' });
    expectStatus(created, 201);
    const cid = created.body.collection.id;
    await li.post(`/api/collections/${cid}/items`, { resourceId: mineOnly.body.resource.id });
    const full = await li.post(`/api/collections/${cid}/items`, { resourceId: shared.id });
    expect(full.body.collection.resources.map((r) => r.id)).toEqual([mineOnly.body.resource.id, shared.id]);
    const zhao = await h.as('zhao@beishan.demo');
    const seen = await zhao.get(`/api/collections/${cid}`);
    expectStatus(seen, 200);
    expect(seen.body.collection.resources.map((r) => r.id)).toEqual([shared.id]);
    expectStatus(await zhao.post(`/api/collections/${cid}/items`, { resourceId: shared.id }), 403);
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/collections/${cid}`), 404);
    // Another group's 201 newer collections do not crowd it out of the list.
    const [sun] = await h.deps.database.db.select().from(users).where(eq(users.email, 'sun@xiling.demo'));
    await h.deps.database.db.insert(collections).values(
      Array.from({ length: 201 }, (_, i) => ({
        ownerId: sun!.id,
        schoolId: h.ids.orgs.xiling!,
        title: `西岭资源包 ${i}`,
        visibility: 'group' as const,
        updatedAt: new Date(Date.now() + 60_000 + i),
      })),
    );
    const listed = await zhao.get('/api/collections');
    expect(listed.body.items.map((c) => c.id)).toContain(cid);
    expect(listed.body.items.some((c) => c.title.startsWith('西岭'))).toBe(false);
  });
});

describe('resources: group view of sharing', () => {
  it('counts, per school and against last term, what it contributed, what others used, and what it received', async () => {
    const leader = await h.as('leader@jinghua.demo');
    // A rural teacher downloads a lead-school resource now.
    const zhao = await h.as('zhao@beishan.demo');
    const res = (await zhao.get(`/api/resources?q=${encodeURIComponent('有理数')}`)).body.items[0];
    const before = (await leader.get(`/api/reports/resource-usage?orgId=${h.ids.orgs.jinghua}`)).body;
    expectStatus(await zhao.get(`/api/resources/${res!.id}/download`), 200);
    const after = await leader.get(`/api/reports/resource-usage?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(after, 200);
    const school = (body: AnswerOf<'GET', '/api/reports/resource-usage'>, name: string) =>
      body.schools.find((s) => s.name === name)!;
    expect(school(after.body, '京华实验中学').now.usedByOthers).toBe(
      school(before, '京华实验中学').now.usedByOthers + 1,
    );
    expect(school(after.body, '北山乡中心小学').now.received).toBe(school(before, '北山乡中心小学').now.received + 1);
    expect(school(after.body, '北山乡中心小学')).toMatchObject({ rural: true, supported: true });
    const month = after.body.months.at(-1);
    expect(month!.reachedRuralOrSupported).toBeGreaterThan(0);
    expectStatus(
      await (await h.as('admin@xiling.demo')).get(`/api/reports/resource-usage?orgId=${h.ids.orgs.jinghua}`),
      404,
    );
  });
});

describe('resources: browse like the textbook', () => {
  it('lists edition → grade → unit with counts for a subject, only of what the caller sees', async () => {
    const zhao = await h.as('zhao@beishan.demo');
    const res = await zhao.get('/api/resource-tree?subject=math');
    expectStatus(res, 200);
    const pep = res.body.editions.find((e) => e.edition === '人教版');
    const grade3 = pep!.grades.find((g) => g.grade === 3)!;
    expect(grade3.units).toEqual(
      expect.arrayContaining([expect.objectContaining({ unit: '第八单元 分数的初步认识' })]),
    );
    const units = await zhao.get(
      `/api/resources?subject=math&edition=${encodeURIComponent('人教版')}&grade=3&unit=${encodeURIComponent('第八单元 分数的初步认识')}`,
    );
    expect(units.body.total).toBe(grade3.units.find((u) => u.unit === '第八单元 分数的初步认识')!.count);
    const xiling = await (await h.as('admin@xiling.demo')).get('/api/resource-tree?subject=math');
    expect(JSON.stringify(xiling.body)).not.toContain('第八单元 分数的初步认识');
  });
});

describe('resources: limits and leaders', () => {
  it('tells the web app the upload limit, and a group leader shares on behalf of a school of the group', async () => {
    const leader = await h.as('leader@jinghua.demo');
    expect((await leader.get('/api/resource-limits')).body).toMatchObject({
      maxUploadBytes: 5 * 1024 * 1024,
      accepted: expect.arrayContaining(['PDF', 'MP4']),
    });
    const noSchool = await upload(leader, { title: '集团教研 分数专题', visibility: 'school' }, pdf('leader'));
    expectStatus(noSchool, 400);
    const res = await upload(
      leader,
      { title: '集团教研 分数专题', visibility: 'group', schoolId: h.ids.orgs.beishan },
      pdf('leader2'),
    );
    expectStatus(res, 201);
    expect(res.body.resource).toMatchObject({
      schoolName: '北山乡中心小学',
      authorName: '刘建国',
      status: 'in_review',
    });
    expectStatus(
      await upload(
        await h.as('admin@xiling.demo'),
        { title: 'x', visibility: 'school', schoolId: h.ids.orgs.beishan },
        pdf('x'),
      ),
      400,
    );
  });
});

describe('resources: named reviewers', () => {
  it('the group leader names a teacher reviewer, who then sees and publishes what waits; a school admin cannot name one', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const members = await leader.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    const zhang = members.body.items.find((m) => m.email === 'zhang@jhzx.demo')!;
    expectStatus(
      await (await h.as('admin@jhzx.demo')).patch(`/api/memberships/${zhang.membershipId}`, { reviewer: true }),
      403,
    );
    const named = await leader.patch(`/api/memberships/${zhang.membershipId}`, { reviewer: true });
    expectStatus(named, 200);
    expect(named.body.membership.reviewer).toBe(true);

    const li = await h.as('li@jhxx.demo');
    const waiting = await upload(li, { title: '待审：分数墙教具', visibility: 'group' }, pdf('named-reviewer'));
    const zhangClient = await h.as('zhang@jhzx.demo');
    const queue = await zhangClient.get('/api/resources?status=in_review');
    expect(queue.body.items.find((r) => r.id === waiting.body.resource.id)).toMatchObject({ canReview: true });
    const done = await zhangClient.post(`/api/resources/${waiting.body.resource.id}/review`, { decision: 'publish' });
    expectStatus(done, 200);
    expect(done.body.resource.status).toBe('published');
    // Nor does a reviewer publish their own: the review is there to check the author's sharing.
    const own = await upload(zhangClient, { title: '待审：我自己的', visibility: 'group' }, pdf('own'));
    const ownQueue = await zhangClient.get('/api/resources?status=in_review');
    expect(ownQueue.body.items.find((r) => r.id === own.body.resource.id)).toMatchObject({ canReview: false });
    expectStatus(await zhangClient.post(`/api/resources/${own.body.resource.id}/review`, { decision: 'publish' }), 403);
    // A teacher who was not named still cannot.
    const other = await upload(li, { title: '待审：另一个', visibility: 'group' }, pdf('not-named'));
    expectStatus(
      await (await h.as('wang@jhzx.demo')).post(`/api/resources/${other.body.resource.id}/review`, {
        decision: 'publish',
      }),
      404,
    );
  });
});

describe('reports: the group dashboard overview', () => {
  it('gives each school its own figures against last term, and what reached rural and supported schools', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.get(`/api/reports/overview?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(res, 200);
    expect(res.body.schools.map((s) => s.name)[0]).toBe('京华实验中学');
    const beishan = res.body.schools.find((s) => s.name === '北山乡中心小学');
    expect(beishan).toMatchObject({
      rural: true,
      supported: true,
      now: expect.objectContaining({ resourcesReceived: expect.any(Number) }),
    });
    expect(res.body.reachedRuralOrSupported.resourcesUsed).toBeGreaterThan(0);
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/reports/overview?orgId=${h.ids.orgs.jinghua}`), 404);
  });
});
