import { A, createAsync } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { todayInBeijing } from '../../lib/beijing';
import { formatDateRange } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { lastDay } from './last-day';
import type { Overview } from './school-figures';
import { type Figure, getFigurePlacements, getPlacedApplications } from './views.queries';

/** One line of a list: who went where, when, and (for placements) their state and hours. */
interface Line {
  id: string;
  teacher: string;
  home: string;
  host: string;
  startsOn: string;
  endsOn: string;
  status?: string;
  hours?: number;
}

/**
 * The list behind the figure the address names (`school` and `figure`, or `programme` for its rotated teachers),
 * read from the server with the filters that count the figure; its heading takes the focus as it opens.
 */
export function FigureList(props: { overview: Overview; school?: string; figure?: string; programme?: string }) {
  const { t, locale } = useI18n();
  const school = () => props.overview.schools.find((s) => s.school.id === props.school)?.school;
  const programme = () => props.overview.programmes.find((p) => p.programme.id === props.programme)?.programme;
  const figure = () =>
    (['sent', 'received', 'inPost', 'hours'] as const).find((f) => f === props.figure) as Figure | undefined;
  const lines = createAsync(async (): Promise<Line[] | undefined> => {
    const s = school();
    const f = figure();
    if (s && f) {
      const res = await getFigurePlacements(s.id, f, props.overview.schoolYear, todayInBeijing());
      return res.items.map((p) => ({
        id: p.id,
        teacher: p.teacher.name,
        home: p.homeSchool.name,
        host: p.hostSchool.name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        status: p.status,
        hours: p.hoursLogged,
      }));
    }
    const p = programme();
    if (!p) return undefined;
    const res = await getPlacedApplications(p.id);
    return res.items.map((a) => ({
      id: a.id,
      teacher: a.teacher.name,
      home: a.homeSchool.name,
      host: a.posting.school.name,
      startsOn: a.placement?.startsOn ?? a.posting.startsOn,
      endsOn: a.placement?.endsOn ?? a.posting.startsOn,
    }));
  });
  const title = () => {
    const s = school();
    const f = figure();
    if (s && f) return t(`exchanges.groupView.lists.${f}`, { school: s.name });
    const p = programme();
    return p ? t('exchanges.groupView.lists.rotated', { programme: p.name }) : '';
  };
  let heading: HTMLHeadingElement | undefined;
  createEffect(() => {
    if (title() && lines()) heading?.focus();
  });
  return (
    <Show when={title()}>
      <section class="card figure-list" aria-labelledby="figure-list-title" data-testid="figure-list">
        <div class="spread">
          <h2 id="figure-list-title" ref={heading} tabindex="-1">
            {title()}
          </h2>
          <A class="button" href={`/exchanges/overview?orgId=${props.overview.orgId}`}>
            {t('exchanges.groupView.closeList')}
          </A>
        </div>
        <Show when={lines()}>
          {(items) => (
            <Show when={items().length} fallback={<EmptyState title={t('exchanges.groupView.listEmpty')} />}>
              <ul class="plain">
                <For each={items()}>
                  {(l) => (
                    <li data-testid="figure-item">
                      <strong>
                        {t('exchanges.groupView.placementLine', { teacher: l.teacher, home: l.home, host: l.host })}
                      </strong>
                      <p class="muted">
                        {formatDateRange(l.startsOn, lastDay(l.endsOn), locale())}
                        <Show when={l.status}>
                          {(st) => (
                            <>
                              {' · '}
                              {t(`exchanges.groupView.statuses.${st() as 'active'}`)}
                            </>
                          )}
                        </Show>
                        <Show when={l.hours !== undefined}>
                          {' · '}
                          {t('exchanges.groupView.hoursLogged', { hours: String(l.hours) })}
                        </Show>
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </Show>
  );
}
