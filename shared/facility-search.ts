// Reads what a teacher types into the facility search — "实验室 周四下午 40人", "gym tomorrow morning 30 people" —
// into words, a head count and a time window. Pure, shared by the web app and its tests.
import { toLocal } from './time';

export interface ParsedSearch {
  /** Remaining words, matched against names, schools and equipment. */
  q: string;
  capacity?: number;
  /** Beijing-time window to be free in, as YYYY-MM-DD and HH:MM. */
  window?: { date: string; start: string; end: string };
}

const WEEKDAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
const ALL_DAY: [string, string] = ['08:00', '18:00'];
const PERIODS: Record<string, [string, string]> = {
  上午: ['08:00', '12:00'],
  早上: ['08:00', '12:00'],
  morning: ['08:00', '12:00'],
  中午: ['12:00', '14:00'],
  noon: ['12:00', '14:00'],
  下午: ['14:00', '18:00'],
  afternoon: ['14:00', '18:00'],
  晚上: ['18:00', '21:00'],
  evening: ['18:00', '21:00'],
  全天: ALL_DAY,
};

const localDay = (d: Date) => toLocal(d).date;
const weekdayOf = (d: Date) => toLocal(d).weekday;

export function parseFacilitySearch(text: string, now: Date = new Date()): ParsedSearch {
  let rest = ` ${text.trim()} `;
  const out: ParsedSearch = { q: '' };

  const people = rest.match(/(\d{1,5})\s*(人|名|位|people|persons?|students?|pupils?)/i);
  if (people) {
    out.capacity = Number(people[1]);
    rest = rest.replace(people[0], ' ');
  }

  let dayOffset: number | undefined;
  const zhDay = rest.match(/(?:周|星期|礼拜)([一二三四五六日天])/);
  const enDay = rest.match(
    /\b(mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/i,
  );
  const relative = rest.match(/(今天|明天|后天|today|tomorrow)/i);
  const day = zhDay ?? enDay;
  const wanted = day?.[1] ? WEEKDAYS[day[1].toLowerCase()] : undefined;
  if (day && wanted !== undefined) {
    dayOffset = (wanted - weekdayOf(now) + 7) % 7;
    rest = rest.replace(day[0], ' ');
  } else if (relative) {
    dayOffset = { 今天: 0, today: 0, 明天: 1, tomorrow: 1, 后天: 2 }[relative[0].toLowerCase() as '今天'] ?? 0;
    rest = rest.replace(relative[0], ' ');
  }

  let period: [string, string] | undefined;
  for (const [word, range] of Object.entries(PERIODS)) {
    const re = new RegExp(word, 'i');
    if (re.test(rest)) {
      period = range;
      rest = rest.replace(re, ' ');
      break;
    }
  }
  const clock = rest.match(/(\d{1,2})[:：点](\d{2})?\s*(?:[-–~到至]\s*(\d{1,2})[:：点]?(\d{2})?)?/);
  if (clock) {
    const h1 = Number(clock[1]);
    const m1 = clock[2] ?? '00';
    const h2 = clock[3] ? Number(clock[3]) : h1 + 1;
    const m2 = clock[4] ?? (clock[3] ? '00' : m1);
    if (h1 < 24 && h2 <= 24) {
      period = [`${String(h1).padStart(2, '0')}:${m1}`, `${String(h2).padStart(2, '0')}:${m2}`];
      rest = rest.replace(clock[0], ' ');
    }
  }

  if (dayOffset !== undefined || period) {
    const date = localDay(new Date(now.getTime() + (dayOffset ?? 0) * 86400_000));
    const [start, end] = period ?? ALL_DAY;
    out.window = { date, start, end };
  }
  out.q = rest.replace(/\s+/g, ' ').trim();
  return out;
}
