// Route preloads (app.tsx): each warms its page's own queries — the same query() the page reads, so its createAsync
// gets the same answer — on navigation, and on hovering a link to it. The query modules are small and load with the
// app; the pages themselves load lazily.
import type { RoutePreloadFuncArgs } from '@solidjs/router';
import type { FacilityKind } from '../../shared/enums';
import { getAudit } from './features/audit/audit.queries';
import { getInvitation } from './features/auth/auth.queries';
import { getApprovalQueue, getBookingDefaults, getMyBookings } from './features/bookings/bookings.queries';
import {
  getApplication,
  getApplications,
  getPlacement,
  getPostings,
  getProgrammes,
  postingFiltersFor,
} from './features/exchanges/exchanges.queries';
import { facilitiesQueryFor, getFacilities, getFacility } from './features/facilities/facilities.queries';
import { preloadHome } from './features/home/home.queries';
import { getLesson, getLessons, joinAnswer } from './features/lessons/lessons.queries';
import {
  getResource,
  getResources,
  getResourceTree,
  getUploadLimits,
  libraryQueryFor,
} from './features/library/library.queries';
import { getCollection, getCollections, getComments, getFavourites } from './features/library/social.queries';
import { getNotifications } from './features/notifications/notifications.queries';
import { getMembers, getOrg, getOrgs } from './features/orgs/orgs.queries';
import { getPublicPage } from './features/public-page/public-page.queries';
import { getFacilityUsage, getTermReport } from './features/reports/reports.queries';
import { getTokens } from './features/settings/settings.queries';
import { requireMe, rolesOf } from './lib/session';

type Preload = RoutePreloadFuncArgs;
const str = (v: string | string[] | undefined) => (v === undefined ? '' : String(v));

/** Pages whose queries take no arguments: the session and those. */
const signedInWith =
  (...queries: (() => unknown)[]) =>
  () => {
    requireMe();
    for (const q of queries) q();
  };

export const preload = {
  invite: ({ params }: Preload) => getInvitation(str(params.token)),
  // The plain listing (a kind chip at most); a typed search is read by the page itself, so the search's parser stays
  // out of the first load.
  facilities: ({ location }: Preload) => {
    requireMe();
    const kind = (str(location.query.kind) || undefined) as FacilityKind | undefined;
    if (!location.query.q) getFacilities(facilitiesQueryFor({ q: '' }, kind));
  },
  facilityForm: ({ params }: Preload) => {
    requireMe();
    getOrgs();
    if (params.id) getFacility(params.id);
  },
  facility: ({ params }: Preload) => {
    requireMe();
    getFacility(str(params.id));
    getBookingDefaults(str(params.id));
  },
  library: ({ location }: Preload) => {
    requireMe();
    const filters = libraryQueryFor(location.query);
    getResources(filters);
    if (!filters.q && filters.subject) getResourceTree(filters.subject);
  },
  resource: ({ params }: Preload) => {
    requireMe();
    getResource(str(params.id));
    getFavourites();
    getComments(str(params.id));
    getCollections(true);
  },
  lesson: ({ params }: Preload) => {
    requireMe();
    getLesson(str(params.id));
  },
  // The big screen's token is asked for as the Join link is clicked, while this page's code (and livekit-client)
  // still loads; not on a mere hover, which would mint tokens nobody uses.
  live: ({ params, intent }: Preload) => {
    requireMe();
    getLesson(str(params.id));
    if (intent !== 'preload') joinAnswer(str(params.id));
  },
  org: ({ params }: Preload) => {
    requireMe();
    getOrg(str(params.id));
    getMembers(str(params.id));
  },
  publicPage: ({ params }: Preload) => {
    requireMe();
    getPublicPage(str(params.id));
  },
  report: ({ location }: Preload) => {
    requireMe();
    getOrgs();
    if (location.query.orgId) getFacilityUsage(str(location.query.orgId));
  },
  termReport: ({ location }: Preload) => {
    requireMe();
    getOrgs();
    if (location.query.orgId) getTermReport(str(location.query.orgId), str(location.query.term));
  },
  collection: ({ params }: Preload) => {
    requireMe();
    getCollection(str(params.id));
  },
  exchanges: ({ location }: Preload) => {
    requireMe();
    getPostings(postingFiltersFor(location.query));
  },
  // An approver's page opens on their queue, anyone else's on their own applications.
  applications: () =>
    void requireMe()
      .then((me) => getApplications(me && rolesOf(me).isAdmin ? 'to_approve' : 'mine'))
      .catch(() => {}),
  application: ({ params }: Preload) => {
    requireMe();
    getApplication(str(params.id));
  },
  placement: ({ params }: Preload) => {
    requireMe();
    getPlacement(str(params.id));
  },
  home: preloadHome,
  signedIn: signedInWith(),
  postingForm: signedInWith(getProgrammes, getOrgs),
  calendar: signedInWith(getOrgs),
  bookings: signedInWith(getMyBookings),
  upload: signedInWith(getUploadLimits, getOrgs),
  review: signedInWith(() => getResources({ status: 'in_review' })),
  collections: signedInWith(() => getCollections(false)),
  lessons: signedInWith(() => getLessons('mine')),
  approvals: signedInWith(getApprovalQueue),
  notifications: signedInWith(getNotifications),
  orgs: signedInWith(getOrgs),
  audit: signedInWith(getOrgs, () => getAudit('', '')),
  settings: signedInWith(getTokens),
};
