// After the lesson (听课评课): the teacher reads every classroom's feedback and every observer's evaluation;
// everyone else reads their own.
import { and, asc, eq } from 'drizzle-orm';
import type { Feedback } from '../../../shared/schemas/lessons';
import { iso } from '../../../shared/time';
import { classrooms, lessonFeedback, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import type { Actor } from '../../lib/policy';
import type { LessonFor } from './lessons.queries';

type FeedbackRow = typeof lessonFeedback.$inferSelect;

export function feedbackOut(f: FeedbackRow, authorName: string, classroomName: string | null, actor: Actor): Feedback {
  return {
    id: f.id,
    kind: f.kind,
    authorName,
    classroomName,
    rating: f.rating,
    rubric: f.rubric,
    comment: f.comment,
    questions: f.questions,
    updatedAt: iso(f.updatedAt),
    mine: f.authorId === actor.user.id,
  };
}

/** The lesson's feedback the caller may read: all of it for its teacher, one's own for everyone else. */
export async function listFeedback(db: Queryable, actor: Actor, { row, part }: LessonFor): Promise<Feedback[]> {
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
  return rows.map(({ f, authorName, classroomName }) => feedbackOut(f, authorName, classroomName, actor));
}
