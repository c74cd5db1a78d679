// A facility's opening hours in words, for the facility's page and for a school's public page.
import type { OpeningHours } from './schemas/facilities';

/** "周一–周五 08:00–18:00，周六 09:00–12:00": runs of days with the same hours are joined. */
export function describeHours(hours: OpeningHours, names: Record<string, string>, separator = '，'): string {
  const days = ['1', '2', '3', '4', '5', '6', '7'] as const;
  const text = (d: (typeof days)[number]) => (hours[d] ?? []).map((h) => `${h.start}–${h.end}`).join(', ');
  const runs: { from: string; to: string; text: string }[] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && last.text === text(d)) last.to = d;
    else runs.push({ from: d, to: d, text: text(d) });
  }
  return runs
    .filter((r) => r.text)
    .map((r) => `${names[r.from]}${r.to !== r.from ? `–${names[r.to]}` : ''} ${r.text}`)
    .join(separator);
}
