import { A, Route, type RoutePreloadFuncArgs, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import type { FacilityKind } from '../../shared/enums';
import { AppLayout } from './components/app-layout';
import { getAudit } from './features/audit/audit.queries';
import { getInvitation } from './features/auth/auth.queries';
import { LoginPage } from './features/auth/login-page';
import { getApprovalQueue, getBookingDefaults, getMyBookings } from './features/bookings/bookings.queries';
import { facilitiesQueryFor, getFacilities, getFacility } from './features/facilities/facilities.queries';
import { preloadHome } from './features/home/home.queries';
import { HomePage } from './features/home/home-page';
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
import { getFacilityUsage } from './features/reports/reports.queries';
import { getTokens } from './features/settings/settings.queries';
import { I18nProvider, useI18n } from './lib/i18n';
import { requireMe } from './lib/session';

// Pages load when first visited, so the first screen (sign-in, home) stays small on slow school networks.
const AuditPage = lazy(() => import('./features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const ApprovalsPage = lazy(() =>
  import('./features/bookings/approvals-page').then((m) => ({ default: m.ApprovalsPage })),
);
const MyBookingsPage = lazy(() =>
  import('./features/bookings/my-bookings-page').then((m) => ({ default: m.MyBookingsPage })),
);
const FacilitiesPage = lazy(() =>
  import('./features/facilities/facilities-page').then((m) => ({ default: m.FacilitiesPage })),
);
const FacilityPage = lazy(() =>
  import('./features/facilities/facility-page').then((m) => ({ default: m.FacilityPage })),
);
const CollectionsPage = lazy(() =>
  import('./features/library/collections-page').then((m) => ({ default: m.CollectionsPage })),
);
const CollectionPage = lazy(() =>
  import('./features/library/collections-page').then((m) => ({ default: m.CollectionPage })),
);
const GroupCalendarPage = lazy(() =>
  import('./features/facilities/group-calendar-page').then((m) => ({ default: m.GroupCalendarPage })),
);
const NewFacilityPage = lazy(() =>
  import('./features/facilities/new-facility-page').then((m) => ({ default: m.NewFacilityPage })),
);
const LibraryPage = lazy(() => import('./features/library/library-page').then((m) => ({ default: m.LibraryPage })));
const ResourcePage = lazy(() => import('./features/library/resource-page').then((m) => ({ default: m.ResourcePage })));
const ReviewPage = lazy(() => import('./features/library/review-page').then((m) => ({ default: m.ReviewPage })));
const UploadPage = lazy(() => import('./features/library/upload-page').then((m) => ({ default: m.UploadPage })));
const LessonsPage = lazy(() => import('./features/lessons/lessons-page').then((m) => ({ default: m.LessonsPage })));
const LessonPage = lazy(() => import('./features/lessons/lesson-page').then((m) => ({ default: m.LessonPage })));
// The live pages carry livekit-client: it loads only when a lesson is opened live.
const ConsolePage = lazy(() => import('./features/lessons/console-page').then((m) => ({ default: m.ConsolePage })));
const LivePage = lazy(() => import('./features/lessons/live-page').then((m) => ({ default: m.LivePage })));
const NotificationsPage = lazy(() =>
  import('./features/notifications/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const FacilityReportPage = lazy(() =>
  import('./features/reports/facility-report-page').then((m) => ({ default: m.FacilityReportPage })),
);
const InvitePage = lazy(() => import('./features/auth/invite-page').then((m) => ({ default: m.InvitePage })));
const OrgPage = lazy(() => import('./features/orgs/org-page').then((m) => ({ default: m.OrgPage })));
const OrgsPage = lazy(() => import('./features/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const SettingsPage = lazy(() => import('./features/settings/settings-page').then((m) => ({ default: m.SettingsPage })));

function NotFound() {
  const { t } = useI18n();
  return (
    <div class="card">
      <h1>{t('errors.pageNotFound')}</h1>
      <p>{t('errors.pageNotFoundHint')}</p>
      <A class="button primary" href="/">
        {t('nav.home')}
      </A>
    </div>
  );
}

// Route preloads: each warms its page's own queries (the same query() the page reads, so its createAsync gets the
// same answer) on navigation, and on hovering a link to it. The query modules are small; the pages load lazily.
type Preload = RoutePreloadFuncArgs;
const str = (v: string | string[] | undefined) => (v === undefined ? '' : String(v));

const preload = {
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
    getBookingDefaults();
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
  report: ({ location }: Preload) => {
    requireMe();
    getOrgs();
    if (location.query.orgId) getFacilityUsage(str(location.query.orgId));
  },
  /** Pages whose queries take no arguments: the session and those. */
  with:
    (...queries: (() => unknown)[]) =>
    () => {
      requireMe();
      for (const q of queries) q();
    },
};

export function App() {
  return (
    <I18nProvider>
      <Router root={AppLayout}>
        <Route path="/login" component={LoginPage} />
        <Route path="/invite/:token" component={InvitePage} preload={preload.invite} />
        <Route path="/" component={HomePage} preload={preloadHome} />
        <Route path="/facilities" component={FacilitiesPage} preload={preload.facilities} />
        <Route path="/facilities/new" component={NewFacilityPage} preload={preload.facilityForm} />
        <Route path="/facilities/calendar" component={GroupCalendarPage} preload={preload.with(getOrgs)} />
        <Route path="/facilities/:id" component={FacilityPage} preload={preload.facility} />
        <Route path="/facilities/:id/edit" component={NewFacilityPage} preload={preload.facilityForm} />
        <Route path="/bookings" component={MyBookingsPage} preload={preload.with(getMyBookings)} />
        <Route path="/library" component={LibraryPage} preload={preload.library} />
        <Route path="/library/upload" component={UploadPage} preload={preload.with(getUploadLimits, getOrgs)} />
        <Route
          path="/library/review"
          component={ReviewPage}
          preload={preload.with(() => getResources({ status: 'in_review' }))}
        />
        <Route
          path="/library/collections"
          component={CollectionsPage}
          preload={preload.with(() => getCollections(false))}
        />
        <Route
          path="/library/collections/:id"
          component={CollectionPage}
          preload={({ params }) => {
            requireMe();
            getCollection(str(params.id));
          }}
        />
        <Route path="/library/:id" component={ResourcePage} preload={preload.resource} />
        <Route path="/lessons" component={LessonsPage} preload={preload.with(() => getLessons('mine'))} />
        <Route path="/lessons/:id" component={LessonPage} preload={preload.lesson} />
        <Route path="/lessons/:id/console" component={ConsolePage} preload={preload.lesson} />
        <Route path="/lessons/:id/live" component={LivePage} preload={preload.live} />
        <Route path="/approvals" component={ApprovalsPage} preload={preload.with(getApprovalQueue)} />
        <Route path="/notifications" component={NotificationsPage} preload={preload.with(getNotifications)} />
        <Route path="/reports/facilities" component={FacilityReportPage} preload={preload.report} />
        <Route path="/orgs" component={OrgsPage} preload={preload.with(getOrgs)} />
        <Route path="/orgs/:id" component={OrgPage} preload={preload.org} />
        <Route path="/audit" component={AuditPage} preload={preload.with(getOrgs, () => getAudit('', ''))} />
        <Route path="/settings" component={SettingsPage} preload={preload.with(getTokens)} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
