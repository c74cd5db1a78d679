// Minutes present per classroom, from the join/leave pairs LiveKit's webhooks recorded: sessions that overlap
// (a reconnect that joined before the old session's leave arrived) count once. Pure: the reports count with it too.

interface Session {
  joinedAt: Date | null;
  leftAt: Date | null;
}

/** Minutes covered by the union of the sessions; an open session runs to `until`. */
export function minutesPresent(sessions: Session[], until: Date): number {
  const spans = sessions
    .flatMap((s) =>
      s.joinedAt ? [[s.joinedAt.getTime(), Math.min((s.leftAt ?? until).getTime(), until.getTime())] as const] : [],
    )
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = [NaN, NaN];
  for (const [a, b] of spans) {
    if (!(a <= end)) {
      if (end > start) total += end - start;
      [start, end] = [a, b];
    } else end = Math.max(end, b);
  }
  if (end > start) total += end - start;
  return Math.round(total / 60_000);
}

/** Up to when a lesson's open sessions count: its end for an ended lesson, otherwise now. */
export const presentUntil = (lesson: { status: string; updatedAt: Date }) =>
  lesson.status === 'ended' ? new Date(Math.min(lesson.updatedAt.getTime(), Date.now())) : new Date();
