// A series of dates: a weekly booking or a weekly run of lessons, as [startsAt, endsAt) instants.
export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** A series longer than this is refused: a term has at most ~26 weeks, twice a week at most is the norm. */
export const MAX_OCCURRENCES = 120;

const WEEK_MS = 7 * 24 * 3600_000;

/** The same time `weeks` weeks running (Beijing has no daylight saving, so a week is 7 × 24 h). */
export function weekly(startsAt: Date, endsAt: Date, weeks: number): Occurrence[] {
  return Array.from({ length: weeks }, (_, i) => ({
    startsAt: new Date(startsAt.getTime() + i * WEEK_MS),
    endsAt: new Date(endsAt.getTime() + i * WEEK_MS),
  }));
}
