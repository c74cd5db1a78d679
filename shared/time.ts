// Beijing time (Asia/Shanghai, UTC+8 all year: no daylight saving) and school terms, shared by the server's
// rules and the web app, so both count a term the same way.
/** Asia/Shanghai: UTC+8 all year. */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
const OFFSET_MS = BEIJING_OFFSET_MS;

export interface Local {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Minutes since local midnight */
  minutes: number;
}

export function toLocal(d: Date): Local {
  const f = new Date(d.getTime() + OFFSET_MS);
  return {
    date: f.toISOString().slice(0, 10),
    weekday: f.getUTCDay() || 7,
    minutes: f.getUTCHours() * 60 + f.getUTCMinutes(),
  };
}

/** ISO 8601 in Beijing time with its offset ("2026-12-02T10:00:00+08:00"), the form the contract answers with. */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  if (!date) return null;
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** "HH:MM" of minutes since midnight. */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The instant of a Beijing wall-clock time. */
export function fromLocal(date: string, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minutes * 60_000);
}

/** The term (学期) a moment falls in: autumn Sep–Jan, spring Feb–Jul, summer August. Half-open [start, end). */
export function termOf(d: Date): { name: string; start: Date; end: Date } {
  const { date } = toLocal(d);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const at = (year: number, month: number) => fromLocal(`${year}-${String(month).padStart(2, '0')}-01`);
  if (m >= 9) return { name: `${y}-autumn`, start: at(y, 9), end: at(y + 1, 2) };
  if (m === 1) return { name: `${y - 1}-autumn`, start: at(y - 1, 9), end: at(y, 2) };
  if (m <= 7) return { name: `${y}-spring`, start: at(y, 2), end: at(y, 8) };
  return { name: `${y}-summer`, start: at(y, 8), end: at(y, 9) };
}

/** The Monday of a day's week (YYYY-MM-DD): a week (in post, of the log) runs Monday to Sunday. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) `days` later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type Term = ReturnType<typeof termOf>;

/** A term by its name ("2026-autumn", "2027-spring", "2026-summer"); null for anything else. */
export function termNamed(name: string): Term | null {
  const m = /^(\d{4})-(autumn|spring|summer)$/.exec(name);
  if (!m) return null;
  const month = { autumn: '10', spring: '03', summer: '08' }[m[2] as 'autumn' | 'spring' | 'summer'];
  return termOf(fromLocal(`${m[1]}-${month}-15`));
}

/**
 * The teaching term before `term`, the one a school compares itself with: autumn after spring, spring after the
 * autumn before; the summer holiday is skipped (an autumn term is never held against August).
 */
export function previousTeachingTerm(term: Term): Term {
  const before = termOf(new Date(term.start.getTime() - 86400_000));
  return before.name.endsWith('-summer') ? termOf(new Date(before.start.getTime() - 86400_000)) : before;
}

/** The teaching terms up to the one `d` falls in (summer skipped), newest first: `count` of them. */
export function teachingTermsUpTo(d: Date, count: number): Term[] {
  const now = termOf(d);
  const out = [now.name.endsWith('-summer') ? previousTeachingTerm(now) : now];
  while (out.length < count) out.push(previousTeachingTerm(out.at(-1) as Term));
  return out;
}
