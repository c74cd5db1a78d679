// Classrooms of a school, added and changed by the school's admins; a name is unique within its school.
import { eq } from 'drizzle-orm';
import type { Classroom, ClassroomInput, UpdateClassroomInput } from '../../../shared/schemas/orgs';
import { classrooms } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { ClassroomRow, OrgRow } from './orgs.queries';
import { pick, uniqueName } from './orgs.service';

export interface CreateClassroomParams {
  /** The school, as getManagedOrg returned it. */
  school: OrgRow;
  input: ClassroomInput;
}

export async function createClassroom(
  db: Db,
  actor: Actor,
  params: CreateClassroomParams,
  meta: RequestMeta,
): Promise<Classroom> {
  const { school, input } = params;
  if (school.kind !== 'school')
    throw new AppError('validation_failed', 'Classrooms belong to schools', { fields: { id: ['not a school'] } });
  const created = await uniqueName(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(classrooms)
        .values({ schoolId: school.id, name: input.name, grade: input.grade ?? null })
        .returning();
      if (!row) throw new Error('INSERT … RETURNING gave no classroom');
      await audit(tx, actor, meta, {
        action: 'classroom.create',
        entityType: 'classroom',
        entityId: row.id,
        orgId: school.id,
        after: input,
      });
      return row;
    }),
  );
  return { ...created, schoolName: school.name, assistants: [] };
}

export interface UpdateClassroomParams {
  /** The classroom, as getManagedClassroom returned it. */
  found: ClassroomRow;
  input: UpdateClassroomInput;
}

export async function updateClassroom(
  db: Db,
  actor: Actor,
  params: UpdateClassroomParams,
  meta: RequestMeta,
): Promise<void> {
  const { found, input } = params;
  await uniqueName(() =>
    db.transaction(async (tx) => {
      await tx.update(classrooms).set(input).where(eq(classrooms.id, found.classroom.id));
      await audit(tx, actor, meta, {
        action: 'classroom.update',
        entityType: 'classroom',
        entityId: found.classroom.id,
        orgId: found.school.id,
        before: pick(found.classroom, input),
        after: input,
      });
    }),
  );
}
