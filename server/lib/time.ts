/** Asia/Shanghai has no daylight saving time: a fixed +08:00 offset. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 8601 in Beijing time with its offset, the form the contract answers with. */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  if (!date) return null;
  const local = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString(); // 2026-12-01T00:00:00.000Z
  return `${local.slice(0, 19)}+08:00`;
}
