import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** A rural school and a supported one say so in words (colour is never the only sign). */
export function SchoolBadges(props: { school: { rural: boolean; supported: boolean } }) {
  const { t } = useI18n();
  return (
    <Show when={props.school.rural || props.school.supported}>
      <span class="row school-badges">
        <Show when={props.school.rural}>
          <span class="badge rural">{t('common.rural')}</span>
        </Show>
        <Show when={props.school.supported}>
          <span class="badge supported">{t('common.supported')}</span>
        </Show>
      </span>
    </Show>
  );
}
