import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { getServiceYears } from './placements.queries';

/**
 * The teacher's years at rural schools (completed placements and approved records) and the day each honour is or will
 * be reached; shown to whoever may read them (the teacher, their schools' admins and leaders).
 */
export function ServiceYears(props: { placement: Placement }) {
  const { t, locale } = useI18n();
  const years = createAsync(() => getServiceYears(props.placement.teacher.id));
  return (
    <Show when={years()}>
      {(y) => (
        <section class="card" aria-labelledby="years-title" data-testid="service-years">
          <h2 id="years-title">{t('exchanges.post.yearsTitle')}</h2>
          <p class="figure" data-testid="service-years-figure">
            {t('exchanges.post.years', { years: String(y().years), days: String(y().days) })}
          </p>
          <ul class="plain">
            <For each={y().honours.filter((h) => h.reachesOn)}>
              {(h) => (
                <li>
                  {t('exchanges.post.nextHonour', {
                    years: String(h.years),
                    level: t('exchanges.post.levels')[h.level],
                    day: formatPlainDate(h.reachesOn ?? '', locale()),
                  })}
                </li>
              )}
            </For>
          </ul>
          <Show when={props.placement.status === 'active' && props.placement.hostSchool.rural}>
            <p class="muted">{t('exchanges.post.countsWhenDone')}</p>
          </Show>
        </section>
      )}
    </Show>
  );
}
