// A feed as iCalendar text, in Beijing wall-clock time under a fixed Asia/Shanghai zone.
import ical, { ICalEventStatus } from 'ical-generator';
import { BEIJING_OFFSET_MS } from '../../../shared/time';
import type { feedEntries, OpenFeed } from './calendar.queries';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
/**
 * ical-generator writes a TZID time from the Date's UTC fields when no time-zone library is plugged in, so
 * the Beijing wall clock is put there. Tests parse the feed with ical.js and check the absolute instants.
 */
const wallClock = (d: Date) => new Date(d.getTime() + BEIJING_OFFSET_MS);

export function feedIcs({ owner, facility }: OpenFeed, entries: Awaited<ReturnType<typeof feedEntries>>): string {
  const name = facility ? `${facility.facility.name} · ${facility.school.name}` : `${owner.user.name} · 同舟预约`;
  const cal = ical({ name, prodId: { company: 'tongzhou', product: 'bookings', language: 'ZH' }, ttl: 15 * 60 });
  cal.timezone({ name: 'Asia/Shanghai', generator: () => VTIMEZONE });
  for (const r of entries.bookings) {
    const detailed = !entries.readable || entries.readable.has(r.b.id);
    const title =
      r.b.kind === 'block'
        ? `停用：${r.b.purpose}`
        : detailed
          ? `${r.b.purpose}（${r.facilityName}）`
          : `已预约（${r.borrowerSchoolName}）`;
    cal.createEvent({
      id: `${r.b.id}@tongzhou`,
      start: wallClock(r.b.startsAt),
      end: wallClock(r.b.endsAt),
      timezone: 'Asia/Shanghai',
      summary: r.b.status === 'pending' ? `［待审批］${title}` : title,
      location: `${r.schoolName} ${r.facilityName}`,
      description: detailed
        ? `${r.borrowerSchoolName} · ${r.bookerName}${r.b.attendees ? ` · ${r.b.attendees} 人` : ''}`
        : undefined,
      status: r.b.status === 'pending' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  // A person's feed also holds the live lessons they teach or their classroom attends; a cancelled one stays,
  // marked cancelled, so calendar apps drop it.
  for (const { l, rooms } of entries.lessons) {
    cal.createEvent({
      id: `${l.id}@tongzhou-lesson`,
      start: wallClock(l.startsAt),
      end: wallClock(l.endsAt),
      timezone: 'Asia/Shanghai',
      summary: `${l.status === 'cancelled' ? '［已取消］' : ''}直播课：${l.title}`,
      location: rooms.map((r) => `${r.schoolName} ${r.name}`).join('、'),
      description: `${l.teacherName}（${l.schoolName}）${l.cancelReason ? ` · 取消原因：${l.cancelReason}` : ''}`,
      status: l.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
