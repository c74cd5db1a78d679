import { A, Route, Router } from '@solidjs/router';
import { AppLayout } from './components/app-layout';
import { AuditPage } from './features/audit/audit-page';
import { InvitePage } from './features/auth/invite-page';
import { LoginPage } from './features/auth/login-page';
import { HomePage } from './features/home/home-page';
import { OrgPage } from './features/orgs/org-page';
import { OrgsPage } from './features/orgs/orgs-page';
import { SettingsPage } from './features/settings/settings-page';
import { I18nProvider, useI18n } from './lib/i18n';
import { requireMe } from './lib/session';

function NotFound() {
  const { t } = useI18n();
  return (
    <div class="card">
      <h1>{t('errors.pageNotFound')}</h1>
      <p>{t('errors.pageNotFoundHint')}</p>
      <A class="button primary" href="/">{t('nav.home')}</A>
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
        <Route path="/orgs" component={OrgsPage} preload={signedIn} />
        <Route path="/orgs/:id" component={OrgPage} preload={signedIn} />
        <Route path="/audit" component={AuditPage} preload={signedIn} />
        <Route path="/settings" component={SettingsPage} preload={signedIn} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
