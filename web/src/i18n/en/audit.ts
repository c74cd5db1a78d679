// The activity log: who changed what, and when.
import type { Shape } from '../shape';
import type { auditZh } from '../zh/audit';

export const auditEn: Shape<typeof auditZh> = {
  title: 'Activity log',
  intro: 'Every change leaves a record: who, when, and what changed.',
  when: 'When',
  who: 'Who',
  what: 'What',
  detail: 'Change',
  empty: 'Nothing recorded yet.',
  more: 'Load more',
  system: 'System',
  org: 'Organisation',
  allOrgs: 'All organisations',
  actions: {
    'org.update': 'Edited organisation',
    'classroom.create': 'Added classroom',
    'classroom.update': 'Edited classroom',
    'membership.create': 'Added member',
    'membership.update': 'Changed member',
    'membership.delete': 'Removed member',
    'invitation.accept': 'Accepted invitation',
    'user.update': 'Edited own profile',
    'user.password_change': 'Changed password',
    'token.create': 'Created API token',
    'token.revoke': 'Revoked API token',
  },
};
