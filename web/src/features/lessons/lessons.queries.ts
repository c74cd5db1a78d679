import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

export const getLessons = query(
  (scope: 'mine' | 'upcoming' | 'past') => call(client.lessons.$get({ query: { scope } })),
  'lessons',
);
export const getLesson = query((id: string) => call(client.lessons[':id'].$get({ param: { id } })), 'lesson');
export const getAttendance = query(
  (id: string) => call(client.lessons[':id'].attendance.$get({ param: { id } })),
  'lessonAttendance',
);

/** The LiveKit URL and a short-lived token for the caller's role. */
export const joinLesson = (id: string) => call(client.lessons[':id'].join.$post({ param: { id } }));

// The Join button asks for the token as it is clicked, while the big screen is still being drawn.
let early: { id: string; at: number; answer: ReturnType<typeof joinLesson> } | undefined;
export function joinEarly(id: string) {
  const answer = joinLesson(id);
  answer.catch(() => {}); // the page that takes it handles the error
  early = { id, at: Date.now(), answer };
}
/** The answer `joinEarly` started, if it is for this lesson and fresh (a few seconds); otherwise a new request. */
export function takeJoin(id: string): ReturnType<typeof joinLesson> {
  const e = early;
  early = undefined;
  return e && e.id === id && Date.now() - e.at < 10_000 ? e.answer : joinLesson(id);
}

export const setSpeak = (id: string, identity: string, allowed: boolean) =>
  call(client.lessons[':id'].participants[':identity'].speak.$post({ param: { id, identity }, json: { allowed } }));

export const muteClassroom = (id: string, identity: string) =>
  call(
    client.lessons[':id'].participants[':identity'].mute.$post({
      param: { id, identity },
      json: { source: 'microphone' },
    }),
  );

export const endLesson = (id: string) => call(client.lessons[':id'].end.$post({ param: { id } }));

export { JOIN_OPENS_MS, joinOpen } from '../../../../shared/lessons';
