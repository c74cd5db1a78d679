import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Facility } from '../../../../shared/schemas/facilities';
import { useI18n } from '../../lib/i18n';

export function FacilityCard(props: { facility: Facility; href: string }) {
  const { t } = useI18n();
  return (
    <article class="card facility-card">
      <Show when={props.facility.photos[0]}>
        {(p) => <img class="facility-thumb" src={p().url} alt="" loading="lazy" />}
      </Show>
      <div class="spread">
        <h2>
          <A href={props.href}>{props.facility.name}</A>
        </h2>
        <span class="badge">{t('facilities.kinds')[props.facility.kind]}</span>
      </div>
      <p class="muted">
        {props.facility.schoolName}
        <Show when={props.facility.location}> · {props.facility.location}</Show>
      </p>
      <p class="row" style={{ gap: '.4rem' }}>
        <span class="badge">{t('facilities.capacity', { n: String(props.facility.capacity) })}</span>
        <span class={props.facility.approvalRequired ? 'badge pending' : 'badge lead'}>
          {props.facility.approvalRequired ? t('facilities.approval') : t('facilities.noApproval')}
        </span>
        <Show when={props.facility.retired}>
          <span class="badge">{t('facilities.retired')}</span>
        </Show>
      </p>
      <Show when={props.facility.equipment.length}>
        <p class="muted" style={{ 'font-size': '.9rem' }}>
          {t('facilities.equipment')}
          {t('common.colon')}
          <For each={props.facility.equipment}>
            {(e, i) => (
              <>
                {i() ? t('common.separator') : ''}
                {e}
              </>
            )}
          </For>
        </p>
      </Show>
    </article>
  );
}
