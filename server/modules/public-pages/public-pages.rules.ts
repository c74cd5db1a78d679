// Pure rules of the public page: the day a section's next update is due, counted in working days from its last
// update, and so whether the editor flags it. Working days are Monday to Friday, counted on Beijing dates;
// public holidays are not known here, so a deadline over a holiday week comes a little early, never late.
import type { SectionState } from '../../../shared/schemas/public-pages';
import { toLocal } from '../../../shared/time';

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
const weekdayOf = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** The date `n` working days after `from` (n ≥ 1). */
export function addWorkingDays(from: string, n: number): string {
  let day = dayNumber(from);
  for (let left = n; left > 0; ) {
    day++;
    if (weekdayOf(day) <= 5) left--;
  }
  return isoOf(day);
}

export interface SectionReview {
  state: SectionState;
  /** The last day (Beijing) the next update is due by; null for a section never written. */
  dueOn: string | null;
}

/**
 * A section is overdue once more working days have passed since its last update than the school's review period
 * allows (default 20, the disclosure deadline after a change); a section never written is missing.
 */
export function reviewOf(updatedAt: Date | null, now: Date, reviewWorkingDays: number): SectionReview {
  if (!updatedAt) return { state: 'missing', dueOn: null };
  const dueOn = addWorkingDays(toLocal(updatedAt).date, reviewWorkingDays);
  return { state: toLocal(now).date > dueOn ? 'overdue' : 'current', dueOn };
}
