// Kept apart from exchange-words.ts: the home page needs only this, and it comes with the first load.

/** A placement's last day: it holds [startsOn, endsOn), so a year from 1 September ends on 31 August. */
export function lastDay(endsOn: string): string {
  const d = new Date(`${endsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
