import { A, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { OrgBadges } from '../orgs/org-badges';
import { BarChart } from '../reports/bar-chart';
import type { Figure, getOverview } from './views.queries';

export type Overview = Awaited<ReturnType<typeof getOverview>>;
type SchoolRow = Overview['schools'][number];

const figures: Figure[] = ['sent', 'received', 'inPost', 'hours'];

/**
 * Each school, in the server's fixed order (by name), this school year against its own last: teachers sent and
 * received, in post today, hours logged. Each figure is a link that opens its list below (never a ranking).
 */
export function SchoolFigures(props: { overview: Overview }) {
  const { t } = useI18n();
  const schools = () => props.overview.schools;
  const names = () => schools().map((s) => s.school.name);
  const series = (figure: 'sent' | 'received') => (year: 'thisYear' | 'lastYear') =>
    schools().map((s) => s[year][figure]);
  return (
    <section class="card" aria-labelledby="school-figures">
      <h2 id="school-figures">{t('exchanges.groupView.schools')}</h2>
      <div class="table-wrap">
        <table class="figure-table" data-testid="school-figures">
          <thead>
            <tr>
              <th scope="col">{t('exchanges.groupView.school')}</th>
              <For each={figures}>{(f) => <th scope="col">{t(`exchanges.groupView.${f}`)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={schools()}>
              {(s) => (
                <tr data-testid="school-row">
                  <th scope="row">
                    {s.school.name}
                    <Show when={s.school.code}>
                      {' '}
                      <span class="muted mono">{s.school.code}</span>
                    </Show>
                    <OrgBadges org={s.school} />
                  </th>
                  <For each={figures}>{(f) => <FigureCell row={s} figure={f} orgId={props.overview.orgId} />}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <BarChart
        title={t('exchanges.groupView.chartTitle')}
        unit={t('exchanges.groupView.people')}
        whole
        labels={names()}
        series={[
          { label: t('exchanges.groupView.sentNow'), values: series('sent')('thisYear'), color: '#0b5cad' },
          {
            label: t('exchanges.groupView.sentBefore'),
            values: series('sent')('lastYear'),
            color: '#9ec5f0',
            dashed: true,
          },
          { label: t('exchanges.groupView.receivedNow'), values: series('received')('thisYear'), color: '#bf8700' },
          {
            label: t('exchanges.groupView.receivedBefore'),
            values: series('received')('lastYear'),
            color: '#f0d58c',
            dashed: true,
          },
        ]}
      />
    </section>
  );
}

/** One figure of one school: the number (a link to its list) and how it compares with the school's last year. */
function FigureCell(props: { row: SchoolRow; figure: Figure; orgId: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const now = () => props.row.thisYear[props.figure];
  const diff = () => Math.round((now() - props.row.lastYear[props.figure]) * 10) / 10;
  const open = () => params.school === props.row.school.id && params.figure === props.figure;
  return (
    <td>
      <A
        class="figure"
        classList={{ open: open() }}
        href={`/exchanges/overview?orgId=${props.orgId}&school=${props.row.school.id}&figure=${props.figure}`}
        aria-label={t('exchanges.groupView.open', {
          school: props.row.school.name,
          figure: t(`exchanges.groupView.${props.figure}`),
          n: String(now()),
        })}
        aria-current={open() ? 'true' : undefined}
        data-testid={`figure-${props.figure}`}
      >
        {now()}
      </A>
      <span class="change" classList={{ up: diff() > 0, down: diff() < 0 }}>
        {diff() > 0
          ? t('exchanges.groupView.up', { n: String(diff()) })
          : diff() < 0
            ? t('exchanges.groupView.down', { n: String(-diff()) })
            : t('exchanges.groupView.same')}
      </span>
    </td>
  );
}
