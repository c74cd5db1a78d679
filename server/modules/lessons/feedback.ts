// After the lesson (听课评课): each classroom's assistant teacher says how it went and what the students asked;
// observers evaluate with a short rubric. The teacher reads them all; everyone else reads their own.

import { and, asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { feedbackInput } from '../../../shared/schemas/lessons';
import { iso } from '../../../shared/time';
import { classrooms, lessonFeedback, users } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { requestMeta } from '../../lib/router';
import type { getLessonFor } from './lessons.queries';

type Found = Awaited<ReturnType<typeof getLessonFor>>;

export async function saveFeedback(
  db: Queryable,
  c: Context<AppEnv>,
  actor: Actor,
  { row, part }: Found,
  input: z.infer<typeof feedbackInput>,
) {
  if (part.role === 'teacher') throw forbidden('The teacher reads feedback; the classrooms and observers write it');
  if (row.status === 'cancelled' || (row.status === 'scheduled' && row.startsAt.getTime() > Date.now()))
    throw new AppError('invalid_state', 'Feedback opens once the lesson has started');
  if (part.role === 'observer' && !input.rubric)
    throw new AppError('validation_failed', 'An evaluation scores each criterion', {
      fields: { rubric: ['required'] },
    });
  const values = {
    lessonId: row.id,
    authorId: actor.user.id,
    kind: part.role,
    classroomId: part.classroomId ?? null,
    rating: input.rating,
    rubric: part.role === 'observer' ? input.rubric! : null,
    comment: input.comment,
    questions: part.role === 'classroom' ? input.questions : '',
    updatedAt: new Date(),
  };
  const saved = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(lessonFeedback)
      .values(values)
      .onConflictDoUpdate({ target: [lessonFeedback.lessonId, lessonFeedback.authorId], set: values })
      .returning();
    await audit(tx, c.get('actor'), requestMeta(c), {
      action: 'lesson.feedback',
      entityType: 'lesson',
      entityId: row.id,
      orgId: row.schoolId,
      after: { kind: part.role, rating: input.rating },
    });
    return r!;
  });
  return {
    id: saved.id,
    kind: saved.kind as 'classroom',
    authorName: actor.user.name,
    classroomName: part.classroomName ?? null,
    rating: saved.rating,
    rubric: saved.rubric,
    comment: saved.comment,
    questions: saved.questions,
    updatedAt: iso(saved.updatedAt),
    mine: true,
  };
}

export async function feedbackFor(db: Queryable, actor: Actor, { row, part }: Found) {
  const rows = await db
    .select({ f: lessonFeedback, authorName: users.name, classroomName: classrooms.name })
    .from(lessonFeedback)
    .innerJoin(users, eq(users.id, lessonFeedback.authorId))
    .leftJoin(classrooms, eq(classrooms.id, lessonFeedback.classroomId))
    .where(
      and(
        eq(lessonFeedback.lessonId, row.id),
        ...(part.role === 'teacher' ? [] : [eq(lessonFeedback.authorId, actor.user.id)]),
      ),
    )
    .orderBy(asc(lessonFeedback.kind), asc(lessonFeedback.createdAt));
  return rows.map(({ f, authorName, classroomName }) => ({
    id: f.id,
    kind: f.kind as 'classroom',
    authorName,
    classroomName,
    rating: f.rating,
    rubric: f.rubric,
    comment: f.comment,
    questions: f.questions,
    updatedAt: iso(f.updatedAt),
    mine: f.authorId === actor.user.id,
  }));
}
