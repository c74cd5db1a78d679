// After the lesson (听课评课): each classroom's assistant teacher says how it went and what the students asked;
// observers evaluate with a short rubric. One each per lesson; writing again replaces it.
import type { Feedback, FeedbackInput } from '../../../shared/schemas/lessons';
import { lessonFeedback } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, forbidden } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { feedbackOut } from './feedback.queries';
import type { LessonFor } from './lessons.queries';

export interface SaveFeedbackParams {
  /** The lesson as its gate found it, with how the caller takes part. */
  lesson: LessonFor;
  input: FeedbackInput;
}

export async function saveFeedback(
  db: Db,
  actor: Actor,
  params: SaveFeedbackParams,
  meta: RequestMeta,
): Promise<Feedback> {
  const { input } = params;
  const { row, part } = params.lesson;
  if (part.role === 'teacher') throw forbidden('The teacher reads feedback; the classrooms and observers write it');
  if (row.status === 'cancelled' || (row.status === 'scheduled' && row.startsAt.getTime() > Date.now()))
    throw new AppError('invalid_state', 'Feedback opens once the lesson has started');
  if (part.role === 'observer' && !input.rubric)
    throw new AppError('validation_failed', 'An evaluation scores each criterion', {
      fields: { rubric: ['required'] },
    });
  const classroom = part.role === 'classroom' ? part : null;
  const values = {
    lessonId: row.id,
    authorId: actor.user.id,
    kind: part.role,
    classroomId: classroom?.classroomId ?? null,
    rating: input.rating,
    rubric: part.role === 'observer' ? (input.rubric ?? null) : null,
    comment: input.comment,
    questions: classroom ? input.questions : '',
    updatedAt: new Date(),
  };
  const saved = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(lessonFeedback)
      .values(values)
      .onConflictDoUpdate({ target: [lessonFeedback.lessonId, lessonFeedback.authorId], set: values })
      .returning();
    if (!r) throw new Error('an upsert that returned no row');
    await audit(tx, actor, meta, {
      action: 'lesson.feedback',
      entityType: 'lesson',
      entityId: row.id,
      orgId: row.schoolId,
      after: { kind: part.role, rating: input.rating },
    });
    return r;
  });
  return feedbackOut(saved, actor.user.name, classroom?.classroomName ?? null, actor);
}
