// An activity-log event as one sentence in the page's language: "王明远 结束了直播课《分数的初步认识》".
import { resolveTemplate } from '@solid-primitives/i18n';
import type { AuditEvent } from '../../../../shared/schemas/audit';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { bookingWhen } from '../bookings/booking-when';

/** A string field of an event's before/after snapshot. */
export const snapshot = (v: unknown, key: string): string | undefined => {
  const x = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === 'string' || typeof x === 'number' ? String(x) : undefined;
};

/** Writes events as sentences; an action this page does not know reads as its verb and the kind of record. */
export function useAuditSentence() {
  const { t, locale } = useI18n();
  const fill = (template: string, args: Record<string, string>) => resolveTemplate(template, args);

  const sentence = (e: AuditEvent): string => {
    const s = e.subject;
    const kept = (key: string) => snapshot(e.after, key) ?? snapshot(e.before, key);
    const when = s.startsAt && s.endsAt ? bookingWhen({ startsAt: s.startsAt, endsAt: s.endsAt }, locale()) : '';
    const start = s.startsAt ? formatDate(s.startsAt, locale()) : '';
    const end = s.endsAt ? formatDate(s.endsAt, locale()) : '';
    const facility = s.name ?? t('audit.unnamed');
    const role = kept('role');
    const args = {
      who: e.actorName ?? t('audit.system'),
      name: s.name ?? (e.entityType === 'closure' ? t('audit.wholeSchool') : t('audit.unnamed')),
      org: e.orgName ?? t('audit.unnamed'),
      when,
      days: end && end !== start ? `${start}–${end}` : start,
      booking: s.personName
        ? fill(t('audit.bookingOf'), { person: s.personName, facility })
        : fill(t('audit.ownBooking'), { facility }),
      role: role ? (t('roles')[role as 'teacher'] ?? t('audit.someone')) : t('audit.someone'),
      other:
        Object.values(e.names)[0] ?? (e.action.startsWith('lesson.speak') ? t('audit.aClassroom') : t('audit.unnamed')),
      version: kept('version') ?? '',
      rating: kept('rating') ?? '',
    };
    const template = t('audit.actions')[e.action];
    const main = template ? fill(template, args) : generic(e, args);
    const reason = kept('reason');
    const comment = e.action === 'resource.return' ? kept('comment') : undefined;
    return [
      main,
      e.onBehalfOfOrgName ? fill(t('audit.onBehalf'), { org: e.onBehalfOfOrgName }) : '',
      e.action === 'booking.create' && kept('status') === 'pending' ? t('audit.pending') : '',
      reason ? fill(t('audit.reason'), { reason }) : '',
      comment ? fill(t('audit.comment'), { comment }) : '',
    ].join('');
  };

  /** "孙丽华 撤销了预约「…」": an action added after this page was written still reads as a sentence. */
  const generic = (e: AuditEvent, args: { who: string }) => {
    const verb = e.action.split('.').pop() ?? '';
    return fill(t('audit.generic'), {
      who: args.who,
      verb: t('audit.verbs')[verb] ?? t('audit.someVerb'),
      kind: t('audit.kinds')[e.entityType] ?? t('audit.someKind'),
      name: e.subject.name ? fill(t('audit.genericNamed'), { name: e.subject.name }) : '',
    });
  };

  return sentence;
}
