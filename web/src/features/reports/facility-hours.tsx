import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import type { getFacilityUsage } from './reports.queries';
import { SchoolRowHead } from './school-row-head';

type FacilityUsage = Awaited<ReturnType<typeof getFacilityUsage>>;

/** A chart beside its table (reports.css, .report-pair): a screen holds both. */
export const CHART = '14rem';

/** Hours each school lent and borrowed this term, each against its own last term (never ranked). */
export function SchoolHoursCard(props: { usage: FacilityUsage }) {
  const { t } = useI18n();
  const change = (now: number, before: number) => {
    const d = Math.round((now - before) * 10) / 10;
    return d > 0 ? t('reports.up', { n: String(d) }) : d < 0 ? t('reports.down', { n: String(-d) }) : t('reports.same');
  };
  return (
    <section class="card" aria-labelledby="schools-title">
      <h2 id="schools-title">{t('reports.facilityTitle')}</h2>
      <div class="report-pair">
        <BarChart
          height={CHART}
          title={t('reports.facilityTitle')}
          unit={t('reports.hours')}
          labels={props.usage.schools.map((s) => s.name)}
          series={[
            { label: t('reports.lentNow'), values: props.usage.schools.map((s) => s.lentHours), color: '#0b5cad' },
            {
              label: t('reports.lentBefore'),
              values: props.usage.schools.map((s) => s.previousLentHours),
              color: '#9ec5f0',
              dashed: true,
            },
            {
              label: t('reports.borrowedNow'),
              values: props.usage.schools.map((s) => s.borrowedHours),
              color: '#bf8700',
            },
            {
              label: t('reports.borrowedBefore'),
              values: props.usage.schools.map((s) => s.previousBorrowedHours),
              color: '#f0d58c',
              dashed: true,
            },
          ]}
        />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reports.school')}</th>
                <th scope="col">{t('reports.lent')}</th>
                <th scope="col">{t('reports.change')}</th>
                <th scope="col">{t('reports.borrowed')}</th>
                <th scope="col">{t('reports.change')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.usage.schools}>
                {(s) => (
                  <tr>
                    <SchoolRowHead name={s.name} rural={!!s.rural} supported={!!s.supported} />
                    <td>{s.lentHours}</td>
                    <td>{change(s.lentHours, s.previousLentHours)}</td>
                    <td>{s.borrowedHours}</td>
                    <td>{change(s.borrowedHours, s.previousBorrowedHours)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Each facility's hours for its own school and for others, and the group's hours by month. */
export function FacilityHoursCard(props: { usage: FacilityUsage }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="facilities-title">
      <h2 id="facilities-title">{t('reports.facility')}</h2>
      <Show when={props.usage.facilities.length} fallback={<EmptyState title={t('reports.empty')} />}>
        <div class="report-pair">
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.facility')}</th>
                  <th scope="col">{t('reports.school')}</th>
                  <th scope="col">{t('reports.owner')}</th>
                  <th scope="col">{t('reports.others')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.usage.facilities}>
                  {(f) => (
                    <tr>
                      <th scope="row">{f.name}</th>
                      <td>{f.schoolName}</td>
                      <td>{f.ownerHours}</td>
                      <td>{f.otherHours}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <div>
            <h3>{t('reports.byMonth')}</h3>
            <BarChart
              height={CHART}
              title={t('reports.byMonth')}
              unit={t('reports.hours')}
              labels={props.usage.months.map((m) => m.month)}
              series={[
                { label: t('reports.owner'), values: props.usage.months.map((m) => m.ownerHours), color: '#57606a' },
                { label: t('reports.others'), values: props.usage.months.map((m) => m.otherHours), color: '#0b5cad' },
              ]}
            />
          </div>
        </div>
      </Show>
    </section>
  );
}
