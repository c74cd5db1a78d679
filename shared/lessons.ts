// Rules of live lessons that the server and the web app both apply (no dependencies: the web app's first pages stay
// small).

/**
 * Joining opens this long before the start and closes at the end, or a little after for a lesson under way (JOURNEYS
 * 3: the button becomes active 15 minutes before).
 */
export const JOIN_OPENS_MS = 15 * 60_000;

/** A lesson that has ended or was cancelled: nothing more happens in it live (no status yet: not over). */
export const lessonIsOver = (status: string | undefined) => status === 'ended' || status === 'cancelled';

/**
 * A lesson under way when its time runs out stays open this long more: a teacher running over, or a classroom whose
 * link drops in the last minutes, can come back in. (Half an hour past its end with no one in it, the hourly jobs end
 * a lesson left live.)
 */
export const OVERRUN_MS = 30 * 60_000;

export const joinOpen = (l: { startsAt: string | Date; endsAt: string | Date; status: string }, now = Date.now()) =>
  !lessonIsOver(l.status) &&
  now >= new Date(l.startsAt).getTime() - JOIN_OPENS_MS &&
  now <= new Date(l.endsAt).getTime() + (l.status === 'live' ? OVERRUN_MS : 0);

/** The observer's rubric (听课评课): teaching goals, interaction, the two teachers together, sound and picture. */
export const rubricCriteria = ['goals', 'interaction', 'dualTeacher', 'technology'] as const;
