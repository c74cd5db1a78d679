import type { Shape } from '../shape';
import type { notificationsZh } from '../zh/notifications';

export const notificationsEn: Shape<typeof notificationsZh> = {
  title: 'Notifications',
  unread: 'Notifications ({{ count }} unread)',
  intro: 'Booking requests and decisions on your bookings arrive here.',
  markAllRead: 'Mark all read',
  allRead: 'All read.',
  unreadWord: 'Unread',
  unreadCount: '{{ count }} unread',
  empty: 'No notifications yet',
  emptyHint:
    'You will be told here when someone asks to use a facility you manage, or when your booking is approved, declined or cancelled.',
  pending: '{{ booker }} asks to use {{ facility }}, {{ when }}',
  pendingMany: '{{ booker }} asks to use {{ facility }} {{ count }} times, first on {{ when }}',
  approved: 'Your booking of {{ facility }} on {{ when }} is approved',
  declined: 'Your booking of {{ facility }} on {{ when }} was declined',
  cancelled: 'The booking of {{ facility }} on {{ when }} was cancelled by {{ by }}',
  reason: '. Reason: {{ reason }}',
  by: ' (by {{ by }})',
  lessonScheduled: '{{ by }} scheduled the live lesson “{{ title }}” for your classroom, {{ when }}',
  lessonSeries:
    '{{ by }} scheduled {{ count }} weekly live lessons “{{ title }}” for your classroom, the first {{ when }}',
  lessonMoved: 'The live lesson “{{ title }}” moved from {{ was }} to {{ when }}',
  lessonCancelled: 'The live lesson “{{ title }}” ({{ when }}) was cancelled',
  lessonRecorded: 'The recording of “{{ title }}” ({{ when }}) is in the library, visible to the group once reviewed',
  lessonRecordingFailed: 'The server could not record “{{ title }}” ({{ when }})',
  invitation: '{{ by }} invites you to join {{ org }} as {{ role }}; accept or decline on your home page',
  invitationAccepted: '{{ name }} accepted the invitation and is now a {{ role }}',
  exchangeApplication: '{{ teacher }} applies for an exchange at {{ school }}; it waits for your approval',
  exchangeNominated: '{{ by }} nominated you for an exchange at {{ school }}; it awaits approval',
  exchangePlaced: '{{ teacher }}’s exchange to {{ school }} is approved: placed',
  exchangeDeclined: '{{ teacher }}’s exchange application to {{ school }} is declined',
  exchangeDeferred: '{{ teacher }}’s exchange application to {{ school }} is deferred',
  other: 'A new notification',
  received: 'Received {{ when }}',
};
