import type { Application, ApplicationAction } from '../../../../shared/schemas/exchanges';
import type { useI18n } from '../../lib/i18n';
import { approvedCount } from './approval-steps';

/** What a decision did, in a sentence: approved (with how many have), placed, declined, deferred, withdrawn. */
export function decisionOutcome(
  decision: ApplicationAction,
  after: Application,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const names = { teacher: after.teacher.name, school: after.posting.school.name, count: approvedCount(after, t) };
  if (decision === 'approve')
    return t(after.status === 'placed' ? 'exchanges.outcomes.placed' : 'exchanges.outcomes.approve', names);
  return t(`exchanges.outcomes.${decision}`, names);
}
