import { query } from '@solidjs/router';
import { lessonIsOver } from '../../../../shared/lessons';
import { call, client } from '../../lib/api';

export const getLessons = query(
  (scope: 'mine' | 'upcoming' | 'past') => call(client.lessons.$get({ query: { scope } })),
  'lessons',
);
export const getLesson = query((id: string) => call(client.lessons[':id'].$get({ param: { id } })), 'lesson');
/** What a new lesson of the calling master teacher starts with (only master teachers may ask). */
export const getLessonDefaults = query(() => call(client.lessons.defaults.$get()), 'lessonDefaults');
export const getAttendance = query(
  (id: string) => call(client.lessons[':id'].attendance.$get({ param: { id } })),
  'lessonAttendance',
);
export const getFeedback = query(
  (id: string) => call(client.lessons[':id'].feedback.$get({ param: { id } })),
  'lessonFeedback',
);

/**
 * The LiveKit URL and a short-lived token for the caller's role. A POST, but it changes nothing a page shows: it is
 * read like a query, so the live route's preload can start it as the Join link is clicked (the token is on its way
 * while the big screen's code still loads) and the room takes the same answer with `takeJoinAnswer`.
 */
export const joinAnswer = query(async (id: string) => {
  const askedAt = Date.now();
  return { ...(await call(client.lessons[':id'].join.$post({ param: { id } }))), askedAt };
}, 'joinAnswer');

/** How long an answer asked for early may wait for the page that uses it, in milliseconds. */
const JOIN_FRESH_MS = 10_000;

/**
 * The answer the Join click started, if it is this lesson's and fresh; otherwise a new one. Each answer is used once:
 * a reconnect or a retry asks afresh (a failed answer is not kept either).
 */
export async function takeJoinAnswer(id: string) {
  const key = joinAnswer.keyFor(id);
  try {
    const early = await joinAnswer(id);
    if (Date.now() - early.askedAt < JOIN_FRESH_MS) return early;
    query.delete(key);
    return await joinAnswer(id);
  } finally {
    query.delete(key);
  }
}

/** Whether the lesson is over (ended or cancelled), asked afresh (not the page's cached copy). */
export async function lessonOver(id: string): Promise<boolean> {
  const { lesson } = await call(client.lessons[':id'].$get({ param: { id } }));
  return lessonIsOver(lesson.status);
}

export { JOIN_OPENS_MS, joinOpen, lessonIsOver } from '../../../../shared/lessons';
