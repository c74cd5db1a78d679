import { type JSX, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** A report row's heading: the school's name, marked rural and supported in words (`short` where room is tight). */
export function SchoolRowHead(props: { name: JSX.Element; rural: boolean; supported: boolean; short?: boolean }) {
  const { t } = useI18n();
  return (
    <th scope="row">
      {props.name}
      <Show when={props.rural}>
        {' '}
        <span class="badge rural">{props.short ? t('reports.ruralShort') : t('common.rural')}</span>
      </Show>
      <Show when={props.supported}>
        {' '}
        <span class="badge supported">{props.short ? t('reports.supportedShort') : t('common.supported')}</span>
      </Show>
    </th>
  );
}
