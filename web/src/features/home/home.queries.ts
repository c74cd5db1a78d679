// The home page reads other domains' queries, card by card, as the person's roles decide (home-page.tsx).
import type { Me } from '../../../../shared/schemas/auth';
import { requireMe, rolesOf } from '../../lib/session';
import { getApprovalQueue, getMyBookings } from '../bookings/bookings.queries';
import { getApplications, getPostings, openPostings } from '../exchanges/exchanges.queries';
import { getLessons } from '../lessons/lessons.queries';
import { getOffers, getOrg, getOrgInvitations, getOrgs } from '../orgs/orgs.queries';

/** Whether the person works in a school (teachers and school admins book facilities and share resources). */
export const inSchool = (me: Me) => me.memberships.some((m) => m.orgKind === 'school');

/** The membership whose organisation the admin card manages. */
export const adminMembership = (me: Me) => me.memberships.find((m) => m.role.endsWith('_admin'));

/** An answer warmed for a page that may not come: its failure is the page's to show, not an unhandled rejection. */
const warm = (answer: Promise<unknown>) => void answer.catch(() => {});

/**
 * The home page's route preload: once the person is known (at once when navigating inside the app), the queries of
 * the cards their roles show start together instead of one card after another.
 */
export function preloadHome() {
  warm(
    requireMe().then((me) => {
      if (!me) return;
      warm(getOffers());
      const roles = rolesOf(me);
      if (roles.isMaster || roles.assistantOf.length) warm(getLessons('mine'));
      if (inSchool(me)) warm(getMyBookings());
      if (roles.isTeacher) {
        warm(getPostings(openPostings));
        warm(getApplications('mine'));
      }
      const admin = adminMembership(me);
      if (admin) {
        warm(getApprovalQueue());
        warm(getApplications('to_approve'));
        warm(getOrgs());
        warm(getOrg(admin.orgId));
      }
      for (const m of me.memberships.filter((x) => x.role === 'school_admin')) warm(getOrgInvitations(m.orgId));
    }),
  );
}
