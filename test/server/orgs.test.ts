import { describe, expect, it } from 'vitest';
import { Client, detailsOf, expectStatus, useHarness } from '../support/harness';

const h = useHarness();

describe('orgs: what each person sees', () => {
  it('the group leader sees the group, its district and its four schools, lead school first', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.get('/api/orgs');
    expectStatus(res, 200);
    const names = res.body.items.map((o) => o.name);
    const others = ['京华实验小学', '北山乡中心小学', '南湖村小学'].sort();
    expect(names).toEqual(['京华教育集团', '京华实验中学', ...others]);
    expect(res.body.items.find((o) => o.name === '北山乡中心小学')).toMatchObject({
      rural: true,
      supported: true,
      canManage: true,
    });
  });

  it('a teacher sees the schools of their group and district but manages none', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.get('/api/orgs');
    const names = res.body.items.map((o) => o.name);
    expect(names).toContain('京华教育集团');
    expect(names).toContain('城关学区');
    expect(names).toContain('南湖村小学');
    expect(names).not.toContain('西岭中学');
    expect(res.body.items.every((o) => o.canManage === false)).toBe(true);
  });

  it("another group's school is 404 for 西岭's admin", async () => {
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.get(`/api/orgs/${h.ids.orgs.jhzx}`), 404);
    expectStatus(await xiling.get(`/api/orgs/${h.ids.orgs.jinghua}`), 404);
    const list = await xiling.get('/api/orgs');
    expect(list.body.items.map((o) => o.name).sort()).toEqual(['西岭中学', '西岭学区', '西岭教育集团'].sort());
  });

  it('a group shows its member schools; a school shows its classrooms with their assistants', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const group = await leader.get(`/api/orgs/${h.ids.orgs.jinghua}`);
    expect(group.body.schools).toHaveLength(4);
    const school = await leader.get(`/api/orgs/${h.ids.orgs.beishan}`);
    expect(school.body.classrooms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '四年级一班',
          grade: 4,
          assistants: [expect.objectContaining({ name: '赵春生' })],
        }),
      ]),
    );
  });

  it('GET /api/classrooms lists classrooms with their school, filtered by schoolId', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const all = await wang.get('/api/classrooms');
    expect(all.body.items.map((c) => c.schoolName)).toContain('南湖村小学');
    expect(all.body.items.map((c) => c.schoolName)).not.toContain('西岭中学');
    const one = await wang.get(`/api/classrooms?schoolId=${h.ids.orgs.nanhu}`);
    expect(new Set(one.body.items.map((c) => c.schoolName))).toEqual(new Set(['南湖村小学']));
  });
});

describe('orgs: editing', () => {
  it('a school admin edits the school; a teacher may not (403); the change is audited', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.patch(`/api/orgs/${h.ids.orgs.jhzx}`, { address: '城关镇文昌路 20 号' });
    expectStatus(res, 200);
    expect(res.body.org.address).toBe('城关镇文昌路 20 号');
    const wang = await h.as('wang@jhzx.demo');
    expectStatus(await wang.patch(`/api/orgs/${h.ids.orgs.jhzx}`, { address: 'x' }), 403);
    const log = await admin.get(`/api/audit?orgId=${h.ids.orgs.jhzx}`);
    const event = log.body.items.find((e) => e.action === 'org.update');
    expect(event).toMatchObject({
      actorName: '孙丽华',
      before: { address: '城关镇文昌路 18 号' },
      after: { address: '城关镇文昌路 20 号' },
    });
  });

  it('only the group leader sets rural/supported flags', async () => {
    const admin = await h.as('admin@jhzx.demo');
    expectStatus(await admin.patch(`/api/orgs/${h.ids.orgs.jhzx}`, { supported: true }), 403);
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.patch(`/api/orgs/${h.ids.orgs.jhxx}`, { supported: true });
    expectStatus(res, 200);
    expect(res.body.org.supported).toBe(true);
  });

  it('a duplicate school code is a 409 naming the field', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.patch(`/api/orgs/${h.ids.orgs.jhxx}`, { code: 'JHZX' });
    expectStatus(res, 409);
    expect(detailsOf(res, 'fields').code).toBeTruthy();
  });

  it('classrooms: an admin adds and renames one; a duplicate name is 409', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const created = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/classrooms`, { name: '初三（3）班', grade: 9 });
    expectStatus(created, 201);
    expect(created.body.classroom).toMatchObject({ name: '初三（3）班', grade: 9, schoolName: '京华实验中学' });
    expectStatus(await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/classrooms`, { name: '初三（3）班' }), 409);
    const renamed = await admin.patch(`/api/classrooms/${created.body.classroom.id}`, { name: '初三（4）班' });
    expectStatus(renamed, 200);
    expect(renamed.body.classroom.name).toBe('初三（4）班');
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.patch(`/api/classrooms/${created.body.classroom.id}`, { name: 'x' }), 404);
  });
});

describe('members: invitations', () => {
  it('an admin invites a new teacher; the link sets a password, and the membership starts only then', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '吴老师',
      email: 'Wu@JHZX.demo',
      role: 'teacher',
    });
    expectStatus(res, 201);
    const { url } = res.body.invitation;
    expect(url).toMatch(/^\/invite\//);
    const token = url!.split('/').pop();

    const members = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    expect(members.body.items.map((m) => m.email)).not.toContain('wu@jhzx.demo');
    const open = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/invitations`);
    expect(open.body.items.find((i) => i.email === 'wu@jhzx.demo')).toMatchObject({ name: '吴老师', url: null });

    const info = await h.anon.get(`/api/invitations/${token}`);
    expectStatus(info, 200);
    expect(info.body.invitation).toMatchObject({ email: 'wu@jhzx.demo', name: '吴老师', orgName: '京华实验中学' });

    const accepted = await h.anon.post(`/api/invitations/${token}/accept`, { password: 'wu-strong-password' });
    expectStatus(accepted, 200);
    expect(accepted.body.user).toMatchObject({ name: '吴老师', email: 'wu@jhzx.demo' });
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const me = await new Client(h.app, { cookie }).get('/api/me');
    expect(me.body.memberships[0]).toMatchObject({ orgName: '京华实验中学', role: 'teacher' });
    const after = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/invitations`);
    expect(after.body.items.map((i) => i.email)).not.toContain('wu@jhzx.demo');

    const reused = await h.anon.post(`/api/invitations/${token}/accept`, { password: 'another-password' });
    expectStatus(reused, 410);
  });

  it('refuses roles that do not fit, and assistants need a classroom of the same school', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const bad = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: 'x',
      email: 'x1@jhzx.demo',
      role: 'group_admin',
    });
    expectStatus(bad, 400);
    expect(detailsOf(bad, 'fields').role).toBeTruthy();
    const foreignRoom = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: 'x',
      email: 'x2@jhzx.demo',
      role: 'assistant',
      classroomId: h.ids.classrooms.beishan4_1,
    });
    expectStatus(foreignRoom, 400);
    expect(detailsOf(foreignRoom, 'fields').classroomId).toBeTruthy();
  });

  it("a teacher cannot invite, and another group's admin cannot see the school (404)", async () => {
    const wang = await h.as('wang@jhzx.demo');
    expectStatus(
      await wang.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
        name: 'x',
        email: 'x3@jhzx.demo',
        role: 'teacher',
      }),
      403,
    );
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(
      await xiling.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
        name: 'x',
        email: 'x4@jhzx.demo',
        role: 'teacher',
      }),
      404,
    );
  });

  it('the group leader makes a teacher a master teacher', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const members = await leader.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    const zhang = members.body.items.find((m) => m.email === 'zhang@jhzx.demo');
    const res = await leader.patch(`/api/memberships/${zhang!.membershipId}`, { masterTeacher: true });
    expectStatus(res, 200);
    expect(res.body.membership.masterTeacher).toBe(true);
  });
});

describe('members: an invitation is an offer the person accepts', () => {
  const offer = { name: '王老师', email: 'wang@jhzx.demo', role: 'teacher' } as const;

  it("another group's admin learns nothing of an address: the answer reads as for an unknown one", async () => {
    const xiling = await h.as('admin@xiling.demo');
    const known = await xiling.post(`/api/orgs/${h.ids.orgs.xiling}/invitations`, offer);
    const unknown = await xiling.post(`/api/orgs/${h.ids.orgs.xiling}/invitations`, {
      ...offer,
      email: 'nobody-yet@xiling.demo',
    });
    expectStatus(known, 201);
    expectStatus(unknown, 201);
    const shape = (i: object) => Object.keys(i).sort();
    expect(shape(known.body.invitation)).toEqual(shape(unknown.body.invitation));
    expect(known.body.invitation.name).toBe('王老师'); // as typed, not the account's real name (王明远)
    expect(known.text).not.toContain(h.ids.users.wang);
    expect(known.text).not.toContain('王明远');
    expect(known.text).not.toContain('京华');
    // Nothing is granted yet: 王 still belongs to 京华实验中学 only, and 西岭's members do not include him.
    const wang = await h.as('wang@jhzx.demo');
    expect((await wang.get('/api/me')).body.memberships.map((m) => m.orgName)).toEqual(['京华实验中学']);
    const members = await xiling.get(`/api/orgs/${h.ids.orgs.xiling}/members`);
    expect(members.body.items.map((m) => m.email)).not.toContain('wang@jhzx.demo');
    // Holding the link is not enough for an existing account: its own password is needed.
    const token = known.body.invitation.url!.split('/').pop();
    const info = await h.anon.get(`/api/invitations/${token}`);
    expect(info.body.invitation).toMatchObject({ name: '王老师', orgName: '西岭中学' });
    const guessed = await h.anon.post(`/api/invitations/${token}/accept`, { password: 'a-new-password-1' });
    expectStatus(guessed, 401);
    expect((await wang.get('/api/me')).body.memberships).toHaveLength(1);
  });

  it('the person sees the offer in the app and accepts it; the membership starts on the next request', async () => {
    const xiling = await h.as('admin@xiling.demo');
    await xiling.post(`/api/orgs/${h.ids.orgs.xiling}/invitations`, { ...offer, email: 'li@jhxx.demo' });
    const li = await h.as('li@jhxx.demo');
    const offers = await li.get('/api/me/invitations');
    expectStatus(offers, 200);
    expect(offers.body.items).toHaveLength(1);
    expect(offers.body.items[0]).toMatchObject({ orgName: '西岭中学', role: 'teacher', invitedBy: '周志强' });
    const notices = await li.get('/api/notifications');
    expect(notices.body.items.map((n) => n.kind)).toContain('invitation');
    expectStatus(await li.post(`/api/me/invitations/${offers.body.items[0]!.id}/accept`), 204);
    const me = await li.get('/api/me');
    expect(me.body.memberships.map((m) => m.orgName).sort()).toEqual(['京华实验小学', '西岭中学'].sort());
    expect((await li.get('/api/me/invitations')).body.items).toEqual([]);
    expectStatus(await li.post(`/api/me/invitations/${offers.body.items[0]!.id}/accept`), 404);
    const members = await xiling.get(`/api/orgs/${h.ids.orgs.xiling}/members`);
    expect(members.body.items.map((m) => m.email)).toContain('li@jhxx.demo');
  });

  it('the person may decline, and the admin may withdraw; either way nothing is granted', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const first = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '赵老师',
      email: 'zhao@beishan.demo',
      role: 'teacher',
    });
    const zhao = await h.as('zhao@beishan.demo');
    const [mine] = (await zhao.get('/api/me/invitations')).body.items;
    expectStatus(await zhao.post(`/api/me/invitations/${mine!.id}/decline`), 204);
    const token = first.body.invitation.url!.split('/').pop();
    expectStatus(await h.anon.get(`/api/invitations/${token}`), 410);

    const second = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '赵老师',
      email: 'zhao@beishan.demo',
      role: 'teacher',
    });
    const id = second.body.invitation.id;
    expectStatus(await admin.delete(`/api/orgs/${h.ids.orgs.jhzx}/invitations/${id}`), 204);
    expect((await zhao.get('/api/me/invitations')).body.items).toEqual([]);
    expectStatus(await zhao.post(`/api/me/invitations/${id}/accept`), 404);
    expect((await zhao.get('/api/me')).body.memberships.map((m) => m.orgName)).toEqual(['北山乡中心小学']);
    // Another person's offer, and another organisation's invitation, are not found.
    const li = await h.as('li@jhxx.demo');
    expectStatus(await li.post(`/api/me/invitations/${id}/decline`), 404);
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.delete(`/api/orgs/${h.ids.orgs.jhzx}/invitations/${id}`), 404);
    expectStatus(await xiling.get(`/api/orgs/${h.ids.orgs.jhzx}/invitations`), 404);
  });

  it('a newer invitation of the same address replaces the open one; its old link stops working', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const ask = { name: '褚老师', email: 'chu@jhzx.demo', role: 'teacher' } as const;
    const old = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, ask);
    const fresh = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, ask);
    const open = (await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/invitations`)).body.items;
    expect(open.filter((i) => i.email === 'chu@jhzx.demo').map((i) => i.id)).toEqual([fresh.body.invitation.id]);
    expectStatus(await h.anon.get(`/api/invitations/${old.body.invitation.url!.split('/').pop()}`), 410);
  });

  it('an existing account accepts through the link with its own password, and is signed in', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '陈老师',
      email: 'chen@nanhu.demo',
      role: 'teacher',
    });
    const token = res.body.invitation.url!.split('/').pop();
    const accepted = await h.anon.post(`/api/invitations/${token}/accept`, { password: 'tongzhou-demo' });
    expectStatus(accepted, 200);
    expect(accepted.body.user.name).toBe('陈小燕'); // the account keeps its own name
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const me = await new Client(h.app, { cookie }).get('/api/me');
    expect(me.body.memberships.map((m) => m.orgName).sort()).toEqual(['京华实验中学', '南湖村小学'].sort());
  });
});

describe('members: removal takes effect at once', () => {
  it('a removed member loses access on their very next request (no stale cached identity)', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const invited = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '临时',
      email: 'temp@jhzx.demo',
      role: 'teacher',
    });
    const token = invited.body.invitation.url!.split('/').pop();
    const accepted = await h.anon.post(`/api/invitations/${token}/accept`, { password: 'temporary-password' });
    const temp = new Client(h.app, { cookie: accepted.headers.get('set-cookie')!.split(';')[0]! });
    expectStatus(await temp.get(`/api/orgs/${h.ids.orgs.jhzx}/members`), 200);
    const members = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    const membership = members.body.items.find((m) => m.email === 'temp@jhzx.demo');
    expectStatus(await admin.delete(`/api/memberships/${membership!.membershipId}`), 204);
    expect((await temp.get('/api/me')).body.memberships).toEqual([]);
    expectStatus(await temp.get(`/api/orgs/${h.ids.orgs.jhzx}/members`), 404);
  });
});

describe('members: CSV import', () => {
  const header = 'name,email,role,school_code\n';

  it('imports every row at once, across schools the importer administers', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const csv = header + '钱老师,qian@beishan.demo,teacher,BSXZX\n孔老师,kong@nanhu.demo,辅导教师,NHCXX\n';
    const res = await leader.raw('POST', '/api/members/import', csv, { 'content-type': 'text/csv' });
    expectStatus(res, 201);
    expect(res.body.imported.map((r) => [r.email, r.role])).toEqual([
      ['qian@beishan.demo', 'teacher'],
      ['kong@nanhu.demo', 'assistant'],
    ]);
    expect(res.body.imported.every((r) => r.url!.startsWith('/invite/'))).toBe(true);
  });

  it('reports every bad row with its line and reason, and imports nothing', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const csv =
      header +
      '冯老师,feng@jhzx.demo,teacher,JHZX\n' + // line 2: good
      ',nameless@jhzx.demo,teacher,JHZX\n' + // line 3: no name
      '卫老师,not-an-email,teacher,JHZX\n' + // line 4: bad email
      '蒋老师,jiang@jhzx.demo,principal,JHZX\n' + // line 5: bad role
      '沈老师,shen@jhzx.demo,teacher,XLZX\n' + // line 6: another group's school
      '韩老师,feng@jhzx.demo,teacher,JHZX\n' + // line 7: duplicate email
      '王老师,wang@jhzx.demo,teacher,JHZX\n'; // line 8: already a teacher there
    const res = await admin.raw('POST', '/api/members/import', csv, { 'content-type': 'text/csv' });
    expectStatus(res, 400);
    expect(res.body.error.code).toBe('import_failed');
    const byLine = detailsOf(res, 'errors').map((e) => [e.line, e.field, e.problem, e.sameAs]);
    expect(byLine).toEqual([
      [3, 'name', 'invalid', undefined],
      [4, 'email', 'invalid', undefined],
      [5, 'role', 'invalid', undefined],
      [6, 'schoolCode', 'unknown_school', undefined],
      [7, 'email', 'duplicate_email', 2],
      [8, 'email', 'already_member', undefined],
    ]);
    const members = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    expect(members.body.items.map((m) => m.email)).not.toContain('feng@jhzx.demo');
  });

  it('says which columns are missing, and refuses a non-CSV body', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.raw('POST', '/api/members/import', 'name,email\nA,a@b.cn\n', {
      'content-type': 'text/csv',
    });
    expectStatus(res, 400);
    expect(detailsOf(res, 'errors')[0]).toMatchObject({ line: 1, problem: 'missing_column' });
    expectStatus(await admin.raw('POST', '/api/members/import', { csv: 'x' }), 415);
  });
});

describe('audit: who did what', () => {
  it('admins read their organisations’ trail; a teacher sees only their own account events', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const all = await leader.get('/api/audit');
    expectStatus(all, 200);
    expect(all.body.items.length).toBeGreaterThan(0);
    const xiling = await h.as('admin@xiling.demo');
    const theirs = await xiling.get('/api/audit');
    expect(theirs.body.items.every((e) => e.orgId === null || e.orgId === h.ids.orgs.xiling)).toBe(true);
    expectStatus(await xiling.get(`/api/audit?orgId=${h.ids.orgs.jhzx}`), 404);
    const wang = await h.as('wang@jhzx.demo');
    expectStatus(await wang.get(`/api/audit?orgId=${h.ids.orgs.jhzx}`), 403);
  });
});
