import { type Locale, type Role, roles } from '../../../../shared/enums';
import { formatDateTime, formatPlainDate } from '../../lib/format';
import type { useI18n } from '../../lib/i18n';

const isRole = (v: string): v is Role => (roles as readonly string[]).includes(v);

export type Notice = { kind: string; data: Record<string, unknown> };

/** One sentence for a notice, in the reader's language, built from its kind and data (not stored text). */
export function noticeText(n: Notice, t: ReturnType<typeof useI18n>['t'], locale: Locale): string {
  const d = n.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const vars = {
    facility: str(d.facility),
    when: typeof d.startsAt === 'string' ? formatDateTime(d.startsAt, locale) : '',
    booker: str(d.booker),
    by: str(d.by),
    count: String(d.count ?? 1),
  };
  const exchange = { teacher: str(d.teacher), school: str(d.school), by: str(d.by) };
  const roleName = (v: unknown) => (typeof v === 'string' && isRole(v) ? t(`roles.${v}`) : '');
  const reason = str(d.reason) ? t('notifications.reason', { reason: str(d.reason) }) : '';
  switch (n.kind) {
    case 'booking.pending':
      return Number(d.count) > 1 ? t('notifications.pendingMany', vars) : t('notifications.pending', vars);
    case 'booking.approved':
      return `${t('notifications.approved', vars)}${vars.by ? t('notifications.by', vars) : ''}`;
    case 'booking.declined':
      return `${t('notifications.declined', vars)}${vars.by ? t('notifications.by', vars) : ''}${reason}`;
    case 'booking.cancelled':
      return `${t('notifications.cancelled', vars)}${reason}`;
    case 'lesson.scheduled':
      return Number(d.count) > 1
        ? t('notifications.lessonSeries', { ...vars, title: str(d.title) })
        : t('notifications.lessonScheduled', { ...vars, title: str(d.title) });
    case 'lesson.rescheduled':
      return t('notifications.lessonMoved', {
        ...vars,
        title: str(d.title),
        was: typeof d.was === 'string' ? formatDateTime(d.was, locale) : '',
      });
    case 'lesson.recorded':
      return t('notifications.lessonRecorded', { ...vars, title: str(d.title) });
    case 'lesson.recordingFailed':
      return t('notifications.lessonRecordingFailed', { ...vars, title: str(d.title) });
    case 'invitation':
      return t('notifications.invitation', { by: str(d.invitedBy), org: str(d.orgName), role: roleName(d.role) });
    case 'invitation_accepted':
      return t('notifications.invitationAccepted', { name: str(d.name), role: roleName(d.role) });
    case 'lesson.cancelled':
      return `${t('notifications.lessonCancelled', { ...vars, title: str(d.title) })}${reason}`;
    case 'exchange.application':
      return t('notifications.exchangeApplication', exchange);
    case 'exchange.nominated':
      return t('notifications.exchangeNominated', exchange);
    case 'exchange.placed':
      return `${t('notifications.exchangePlaced', exchange)}${vars.by ? t('notifications.by', vars) : ''}`;
    case 'exchange.declined':
      return `${t('notifications.exchangeDeclined', exchange)}${vars.by ? t('notifications.by', vars) : ''}${reason}`;
    case 'exchange.deferred':
      return `${t('notifications.exchangeDeferred', exchange)}${reason}`;
    case 'exchange.review.midterm':
      return t('notifications.exchangeMidterm', exchange);
    case 'exchange.review.final':
      return t('notifications.exchangeFinal', exchange);
    case 'exchange.log.missing':
      return t('notifications.exchangeLogMissing', {
        school: exchange.school,
        week: typeof d.week === 'string' ? formatPlainDate(d.week, locale) : '',
      });
    default:
      return t('notifications.other');
  }
}

/**
 * Where a notice leads: the lesson, the placement (a review, a missing week's reminder), the exchange application (or
 * the list), the approval queue or one's bookings.
 */
export function noticeHref(n: Notice): string {
  if (n.kind.startsWith('lesson.') && typeof n.data.lessonId === 'string') return `/lessons/${n.data.lessonId}`;
  if (n.kind.startsWith('exchange.') && typeof n.data.placementId === 'string')
    return `/exchanges/placements/${n.data.placementId}`;
  if (n.kind.startsWith('exchange.'))
    return typeof n.data.applicationId === 'string'
      ? `/exchanges/applications/${n.data.applicationId}`
      : '/exchanges/applications';
  return n.kind === 'booking.pending' ? '/approvals' : '/bookings';
}
