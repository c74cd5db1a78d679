import { A, Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppLayout } from './components/app-layout';
import { LoginPage } from './features/auth/login-page';
import { HomePage } from './features/home/home-page';
import { I18nProvider, useI18n } from './lib/i18n';
import { preload } from './route-preloads';

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
const PostingsPage = lazy(() =>
  import('./features/exchanges/postings-page').then((m) => ({ default: m.PostingsPage })),
);
const ApplicationsPage = lazy(() =>
  import('./features/exchanges/applications-page').then((m) => ({ default: m.ApplicationsPage })),
);
const ApplicationPage = lazy(() =>
  import('./features/exchanges/applications-page').then((m) => ({ default: m.ApplicationPage })),
);
const NewProgrammePage = lazy(() =>
  import('./features/exchanges/new-programme-page').then((m) => ({ default: m.NewProgrammePage })),
);
const NewPostingPage = lazy(() =>
  import('./features/exchanges/new-posting-page').then((m) => ({ default: m.NewPostingPage })),
);
const GroupViewPage = lazy(() =>
  import('./features/exchanges/group-view-page').then((m) => ({ default: m.GroupViewPage })),
);
const HonoursPage = lazy(() => import('./features/exchanges/honours-page').then((m) => ({ default: m.HonoursPage })));
const CertificatePage = lazy(() =>
  import('./features/exchanges/certificate-page').then((m) => ({ default: m.CertificatePage })),
);
const RuralServicePage = lazy(() =>
  import('./features/exchanges/rural-service-page').then((m) => ({ default: m.RuralServicePage })),
);
const PlacementsPage = lazy(() =>
  import('./features/exchanges/placements-page').then((m) => ({ default: m.PlacementsPage })),
);
const PlacementPage = lazy(() =>
  import('./features/exchanges/placement-page').then((m) => ({ default: m.PlacementPage })),
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
const TermReportPage = lazy(() =>
  import('./features/reports/term-report-page').then((m) => ({ default: m.TermReportPage })),
);
const InvitePage = lazy(() => import('./features/auth/invite-page').then((m) => ({ default: m.InvitePage })));
const OrgPage = lazy(() => import('./features/orgs/org-page').then((m) => ({ default: m.OrgPage })));
const PublicPageEditor = lazy(() =>
  import('./features/public-page/public-page-editor').then((m) => ({ default: m.PublicPageEditor })),
);
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

export function App() {
  return (
    <I18nProvider>
      <Router root={AppLayout}>
        <Route path="/login" component={LoginPage} />
        <Route path="/invite/:token" component={InvitePage} preload={preload.invite} />
        <Route path="/" component={HomePage} preload={preload.home} />
        <Route path="/facilities" component={FacilitiesPage} preload={preload.facilities} />
        <Route path="/facilities/new" component={NewFacilityPage} preload={preload.facilityForm} />
        <Route path="/facilities/calendar" component={GroupCalendarPage} preload={preload.calendar} />
        <Route path="/facilities/:id" component={FacilityPage} preload={preload.facility} />
        <Route path="/facilities/:id/edit" component={NewFacilityPage} preload={preload.facilityForm} />
        <Route path="/bookings" component={MyBookingsPage} preload={preload.bookings} />
        <Route path="/library" component={LibraryPage} preload={preload.library} />
        <Route path="/library/upload" component={UploadPage} preload={preload.upload} />
        <Route path="/library/review" component={ReviewPage} preload={preload.review} />
        <Route path="/library/collections" component={CollectionsPage} preload={preload.collections} />
        <Route path="/library/collections/:id" component={CollectionPage} preload={preload.collection} />
        <Route path="/library/:id" component={ResourcePage} preload={preload.resource} />
        <Route path="/lessons" component={LessonsPage} preload={preload.lessons} />
        <Route path="/lessons/:id" component={LessonPage} preload={preload.lesson} />
        <Route path="/lessons/:id/console" component={ConsolePage} preload={preload.lesson} />
        <Route path="/lessons/:id/live" component={LivePage} preload={preload.live} />
        <Route path="/exchanges" component={PostingsPage} preload={preload.exchanges} />
        <Route path="/exchanges/applications" component={ApplicationsPage} preload={preload.applications} />
        <Route path="/exchanges/applications/:id" component={ApplicationPage} preload={preload.application} />
        <Route path="/exchanges/placements" component={PlacementsPage} preload={preload.signedIn} />
        <Route path="/exchanges/placements/:id" component={PlacementPage} preload={preload.placement} />
        <Route path="/exchanges/programmes/new" component={NewProgrammePage} preload={preload.signedIn} />
        <Route path="/exchanges/postings/new" component={NewPostingPage} preload={preload.postingForm} />
        <Route path="/exchanges/overview" component={GroupViewPage} preload={preload.signedIn} />
        <Route path="/exchanges/honours" component={HonoursPage} preload={preload.signedIn} />
        <Route path="/exchanges/honours/certificate" component={CertificatePage} preload={preload.signedIn} />
        <Route path="/exchanges/rural-service" component={RuralServicePage} preload={preload.signedIn} />
        <Route path="/approvals" component={ApprovalsPage} preload={preload.approvals} />
        <Route path="/notifications" component={NotificationsPage} preload={preload.notifications} />
        <Route path="/reports/facilities" component={FacilityReportPage} preload={preload.report} />
        <Route path="/reports/term" component={TermReportPage} preload={preload.termReport} />
        <Route path="/orgs" component={OrgsPage} preload={preload.orgs} />
        <Route path="/orgs/:id" component={OrgPage} preload={preload.org} />
        <Route path="/orgs/:id/public-page" component={PublicPageEditor} preload={preload.publicPage} />
        <Route path="/audit" component={AuditPage} preload={preload.audit} />
        <Route path="/settings" component={SettingsPage} preload={preload.settings} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
