import { A, Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppLayout } from './components/app-layout';
import { LoginPage } from './features/auth/login-page';
import { HomePage } from './features/home/home-page';
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

const signedIn = () => requireMe();

export function App() {
  return (
    <I18nProvider>
      <Router root={AppLayout}>
        <Route path="/login" component={LoginPage} />
        <Route path="/invite/:token" component={InvitePage} />
        <Route path="/" component={HomePage} preload={signedIn} />
        <Route path="/facilities" component={FacilitiesPage} preload={signedIn} />
        <Route path="/facilities/new" component={NewFacilityPage} preload={signedIn} />
        <Route path="/facilities/calendar" component={GroupCalendarPage} preload={signedIn} />
        <Route path="/facilities/:id" component={FacilityPage} preload={signedIn} />
        <Route path="/facilities/:id/edit" component={NewFacilityPage} preload={signedIn} />
        <Route path="/bookings" component={MyBookingsPage} preload={signedIn} />
        <Route path="/library" component={LibraryPage} preload={signedIn} />
        <Route path="/library/upload" component={UploadPage} preload={signedIn} />
        <Route path="/library/review" component={ReviewPage} preload={signedIn} />
        <Route path="/library/collections" component={CollectionsPage} preload={signedIn} />
        <Route path="/library/collections/:id" component={CollectionPage} preload={signedIn} />
        <Route path="/library/:id" component={ResourcePage} preload={signedIn} />
        <Route path="/lessons" component={LessonsPage} preload={signedIn} />
        <Route path="/lessons/:id" component={LessonPage} preload={signedIn} />
        <Route path="/lessons/:id/console" component={ConsolePage} preload={signedIn} />
        <Route path="/lessons/:id/live" component={LivePage} preload={signedIn} />
        <Route path="/approvals" component={ApprovalsPage} preload={signedIn} />
        <Route path="/notifications" component={NotificationsPage} preload={signedIn} />
        <Route path="/reports/facilities" component={FacilityReportPage} preload={signedIn} />
        <Route path="/orgs" component={OrgsPage} preload={signedIn} />
        <Route path="/orgs/:id" component={OrgPage} preload={signedIn} />
        <Route path="/audit" component={AuditPage} preload={signedIn} />
        <Route path="/settings" component={SettingsPage} preload={signedIn} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
