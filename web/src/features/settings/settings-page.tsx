import { useI18n } from '../../lib/i18n';
import { PasswordCard } from './password-card';
import { ProfileCard } from './profile-card';
import { TokensCard } from './tokens-card';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <div class="grid">
        <ProfileCard />
        <PasswordCard />
      </div>
      <TokensCard />
    </>
  );
}
