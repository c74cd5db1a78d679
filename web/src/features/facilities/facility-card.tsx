import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { FacilityListItem } from '../../../../shared/schemas/facilities';
import { formatDate, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

type Span = { startsAt: string; endsAt: string };

/**
 * A facility in the list. Found for a searched time, it says how free it is then — all of it, which parts, or not at
 * all with the nearest day it is free at those hours — and `href(span)` opens it with that time picked.
 */
export function FacilityCard(props: { facility: FacilityListItem; href: (span?: Span) => string }) {
  const { t, locale } = useI18n();
  const hours = (s: Span) => `${formatTime(s.startsAt, locale())}–${formatTime(s.endsAt, locale())}`;
  return (
    <article class="card facility-card">
      <Show when={props.facility.photos[0]}>
        {(p) => <img class="facility-thumb" src={p().url} alt="" loading="lazy" />}
      </Show>
      <div class="spread">
        <h2>
          <A href={props.href(props.facility.free?.[0])}>{props.facility.name}</A>
        </h2>
        <span class="badge">{t('facilities.kinds')[props.facility.kind]}</span>
      </div>
      <Show when={props.facility.free}>
        {(free) => (
          <p class="free-times" data-testid="free-times">
            <Show
              when={free().length}
              fallback={
                <Show when={props.facility.nextFree} fallback={t('facilities.notFreeThen')}>
                  {(next) => (
                    <>
                      {t('facilities.notFreeThen')}{' '}
                      <A href={props.href(next())}>
                        {t('facilities.nextFree', {
                          when: `${formatDate(next().startsAt, locale())} ${hours(next())}`,
                        })}
                      </A>
                    </>
                  )}
                </Show>
              }
            >
              <span class="badge lead">{t('facilities.freeTimes', { times: free().map(hours).join('、') })}</span>
            </Show>
          </p>
        )}
      </Show>
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
