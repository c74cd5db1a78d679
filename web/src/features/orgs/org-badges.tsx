import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** Rural / supported / lead as words, never colour alone. */
export function OrgBadges(props: { org: { rural: boolean; supported: boolean; lead?: boolean } }) {
  const { t } = useI18n();
  return (
    <span class="row" style={{ gap: '.35rem' }}>
      <Show when={props.org.lead}>
        <span class="badge lead">{t('common.lead')}</span>
      </Show>
      <Show when={props.org.rural}>
        <span class="badge rural">{t('common.rural')}</span>
      </Show>
      <Show when={props.org.supported}>
        <span class="badge supported">{t('common.supported')}</span>
      </Show>
    </span>
  );
}
