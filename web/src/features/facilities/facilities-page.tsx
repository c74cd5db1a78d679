import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { type FacilityKind, facilityKinds } from '../../../../shared/enums';
import { parseFacilitySearch } from '../../../../shared/facility-search';
import { EmptyState } from '../../components/notice';
import { isoOf, wall } from '../../lib/beijing';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { facilitiesQueryFor, getFacilities } from './facilities.queries';
import { FacilityCard } from './facility-card';

/** Journey 1, step 2: find the facility — by browsing, by kind, or by typing "实验室 周四下午 40人". */
export function FacilitiesPage() {
  const { t, locale } = useI18n();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const isAdmin = () => {
    const m = me();
    return !!m && rolesOf(m).isAdmin;
  };
  const text = () => String(params.q ?? '');
  const kind = () => (params.kind as FacilityKind | undefined) ?? undefined;
  const parsed = createMemo(() => parseFacilitySearch(text()));
  const facilities = createAsync(() => getFacilities(facilitiesQueryFor(parsed(), kind())));
  // Opens the facility with a time picked — a free part of the searched window, or the nearest day it is free — and
  // the number of people searched for carried into the booking form.
  const link = (id: string) => (span?: { startsAt: string; endsAt: string }) => {
    const people = parsed().capacity ? `&people=${parsed().capacity}` : '';
    if (!span) return parsed().window || people ? `/facilities/${id}?${people.slice(1)}` : `/facilities/${id}`;
    const at = (iso: string) => wall(iso).slice(11, 16);
    return `/facilities/${id}?date=${wall(span.startsAt).slice(0, 10)}&start=${at(span.startsAt)}&end=${at(span.endsAt)}${people}`;
  };
  const filtered = () => !!text() || !!kind();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (
    <>
      <div class="spread">
        <h1>{t('facilities.title')}</h1>
        <div class="row">
          <A class="button" href="/facilities/calendar">
            {t('facilities.calendarView')}
          </A>
          <Show when={isAdmin()}>
            <A class="button" href="/facilities/new">
              {t('facilities.newFacility')}
            </A>
          </Show>
        </div>
      </div>
      <div class="field" style={{ 'max-width': '40rem' }}>
        <label for="facility-search">{t('facilities.search')}</label>
        <input
          id="facility-search"
          type="search"
          value={text()}
          placeholder={t('facilities.searchPlaceholder')}
          aria-describedby="facility-search-hint"
          onInput={(e) => {
            const v = e.currentTarget.value;
            clearTimeout(timer);
            timer = setTimeout(() => setParams({ q: v || undefined }, { replace: true }), 250);
          }}
        />
        <span id="facility-search-hint" class="muted" style={{ 'font-size': '.9rem' }}>
          {t('facilities.searchHint')}
        </span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
      <div class="row chips" role="group" aria-label={t('facilities.kind')}>
        <button type="button" aria-pressed={!kind()} onClick={() => setParams({ kind: undefined })}>
          {t('facilities.allKinds')}
        </button>
        <For each={facilityKinds}>
          {(k) => (
            <button
              type="button"
              aria-pressed={kind() === k}
              onClick={() => setParams({ kind: kind() === k ? undefined : k })}
            >
              {t('facilities.kinds')[k]}
            </button>
          )}
        </For>
      </div>
      <Show when={parsed().window || parsed().capacity}>
        <p class="notice info" role="status">
          <Show when={parsed().window}>
            {(w) => (
              <>
                {t('facilities.freeAt', {
                  when: `${formatDate(isoOf(w().date, '12:00'), locale())} ${w().start}–${w().end}`,
                })}{' '}
              </>
            )}
          </Show>
          <Show when={parsed().capacity}>{(n) => <>· {t('facilities.people', { n: String(n()) })}</>}</Show>
        </p>
      </Show>
      <Show when={filtered()}>
        <button
          type="button"
          class="link"
          onClick={() => {
            clearTimeout(timer);
            setParams({ q: undefined, kind: undefined });
          }}
        >
          {t('facilities.clearFilters')}
        </button>
      </Show>
      <Show when={facilities()}>
        {(list) => (
          <div class="grid" style={{ 'margin-top': '1rem' }}>
            <For
              each={list().items}
              fallback={
                <div class="card">
                  <EmptyState title={t('facilities.none')} />
                </div>
              }
            >
              {(f) => <FacilityCard facility={f} href={link(f.id)} />}
            </For>
          </div>
        )}
      </Show>
    </>
  );
}
