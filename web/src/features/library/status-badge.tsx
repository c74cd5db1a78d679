import { Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { useI18n } from '../../lib/i18n';

/** Waiting for review / returned, in words (not only colour); nothing for a published resource. */
export function StatusBadge(props: { status: Resource['status'] }) {
  const { t } = useI18n();
  return (
    <Show when={props.status !== 'published'}>
      <span class={`badge status-${props.status}`}>{t('library.status')[props.status]}</span>
    </Show>
  );
}
