// Beijing wall-clock values for widgets that only know the browser's local time (calendar view, date inputs):
// the wall clock is carried in a Date's local fields and converted at the edges, so a school PC set to any
// time zone still shows and books Beijing times.
import { iso } from '../../../shared/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO with +08:00 → "YYYY-MM-DD HH:MM:SS" as a Beijing wall clock. */
export function wall(isoTime: string): string {
  return iso(new Date(isoTime)).slice(0, 19).replace('T', ' ');
}

/** Today in Beijing, "YYYY-MM-DD". */
export const todayInBeijing = () => wall(new Date().toISOString()).slice(0, 10);

/** A Date whose local fields hold a Beijing wall clock → ISO with +08:00. */
export function fromWall(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00+08:00`;
}

/** "YYYY-MM-DD" + "HH:MM" (Beijing) → ISO with +08:00. */
export const isoOf = (date: string, time: string) => `${date}T${time}:00+08:00`;
