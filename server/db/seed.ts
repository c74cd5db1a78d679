// Demo data exactly as CONTRACT.md describes it. Later modules (facilities, resources, exchanges, lessons)
// add their own demo records through seed functions registered here.
import { count } from 'drizzle-orm';
import { classrooms, memberships, orgs, users } from './schema';
import type { Queryable, Db } from '../lib/db';
import { hashPassword } from '../lib/crypto';

export const DEMO_PASSWORD = 'tongzhou-demo';

type OrgIns = typeof orgs.$inferInsert;

export interface DemoIds {
  orgs: Record<string, string>;
  classrooms: Record<string, string>;
  users: Record<string, string>;
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo organisations, classrooms and people in one transaction. Returns their ids by key. */
export async function seedDemo(db: Db): Promise<DemoIds> {
  // One hash for every demo account: they share a published password, and hashing once keeps
  // first start and each test file's set-up quick. Real accounts each get their own salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const ids: DemoIds = { orgs: {}, classrooms: {}, users: {} };
    const org = async (key: string, values: OrgIns) => {
      const [row] = await tx.insert(orgs).values(values).returning({ id: orgs.id });
      ids.orgs[key] = row!.id;
      return row!.id;
    };
    const jinghua = await org('jinghua', { kind: 'group', name: '京华教育集团' });
    const chengguan = await org('chengguan', { kind: 'district', name: '城关学区' });
    const xilingGroup = await org('xilingGroup', { kind: 'group', name: '西岭教育集团' });
    const xilingDistrict = await org('xilingDistrict', { kind: 'district', name: '西岭学区' });
    const jg = { groupId: jinghua, districtId: chengguan } as const;
    await org('jhzx', { kind: 'school', name: '京华实验中学', code: 'JHZX', lead: true, address: '城关镇文昌路 18 号', ...jg });
    await org('jhxx', { kind: 'school', name: '京华实验小学', code: 'JHXX', address: '城关镇育才街 6 号', ...jg });
    await org('beishan', { kind: 'school', name: '北山乡中心小学', code: 'BSXZX', rural: true, supported: true, address: '北山乡北山村', ...jg });
    await org('nanhu', { kind: 'school', name: '南湖村小学', code: 'NHCXX', rural: true, supported: true, address: '南湖镇南湖村', ...jg });
    await org('xiling', { kind: 'school', name: '西岭中学', code: 'XLZX', lead: true, address: '西岭镇中心街 1 号', groupId: xilingGroup, districtId: xilingDistrict });

    const room = async (key: string, school: string, name: string, grade: number) => {
      const [row] = await tx.insert(classrooms).values({ schoolId: ids.orgs[school]!, name, grade }).returning({ id: classrooms.id });
      ids.classrooms[key] = row!.id;
    };
    await room('beishan4_1', 'beishan', '四年级一班', 4);
    await room('beishan6_1', 'beishan', '六年级一班', 6);
    await room('nanhu5_1', 'nanhu', '五年级一班', 5);
    await room('nanhu3_1', 'nanhu', '三年级一班', 3);
    await room('jhzx7_1', 'jhzx', '初一（1）班', 7);
    await room('jhzx8_2', 'jhzx', '初二（2）班', 8);
    await room('jhxx4_2', 'jhxx', '四年级二班', 4);
    await room('xiling7_1', 'xiling', '初一（1）班', 7);

    const person = async (
      key: string, email: string, name: string, org: string, role: typeof memberships.$inferInsert.role,
      extra: { masterTeacher?: boolean; classroom?: string } = {},
    ) => {
      const [u] = await tx.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
      ids.users[key] = u!.id;
      await tx.insert(memberships).values({
        userId: u!.id, orgId: ids.orgs[org]!, role, masterTeacher: !!extra.masterTeacher,
        classroomId: extra.classroom ? ids.classrooms[extra.classroom]! : null,
      });
    };
    await person('leader', 'leader@jinghua.demo', '刘建国', 'jinghua', 'group_admin');
    await person('admin', 'admin@jhzx.demo', '孙丽华', 'jhzx', 'school_admin');
    await person('wang', 'wang@jhzx.demo', '王明远', 'jhzx', 'teacher', { masterTeacher: true });
    await person('li', 'li@jhxx.demo', '李雪梅', 'jhxx', 'teacher');
    await person('zhao', 'zhao@beishan.demo', '赵春生', 'beishan', 'assistant', { classroom: 'beishan4_1' });
    await person('chen', 'chen@nanhu.demo', '陈小燕', 'nanhu', 'assistant', { classroom: 'nanhu5_1' });
    await person('xilingAdmin', 'admin@xiling.demo', '周志强', 'xiling', 'school_admin');
    // Beyond the contract's list, so pages have more than one person in them.
    await person('zhang', 'zhang@jhzx.demo', '张伟', 'jhzx', 'teacher');
    await person('jhxxAdmin', 'admin@jhxx.demo', '何静', 'jhxx', 'school_admin');
    await person('district', 'office@chengguan.demo', '马文涛', 'chengguan', 'district_admin');
    await person('xilingTeacher', 'sun@xiling.demo', '孙浩', 'xiling', 'teacher');
    return ids;
  });
}
