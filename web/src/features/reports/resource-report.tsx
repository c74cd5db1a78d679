import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { CHART } from './facility-hours';
import { getResourceUsage } from './reports.queries';
import { SchoolRowHead } from './school-row-head';

/** The library half of the sharing report: each school against its own last term, and what reached rural schools. */
export function ResourceReport(props: { orgId: string }) {
  const { t } = useI18n();
  const usage = createAsync(() => getResourceUsage(props.orgId));
  const change = (now: number, before: number) =>
    now > before
      ? t('reports.up', { n: String(now - before) })
      : now < before
        ? t('reports.down', { n: String(before - now) })
        : t('reports.same');
  return (
    <Show when={usage()}>
      {(u) => (
        <section class="card" aria-labelledby="library-report-title">
          <h2 id="library-report-title">{t('reports.libraryTitle')}</h2>
          <div class="report-pair">
            <BarChart
              height={CHART}
              title={t('reports.libraryTitle')}
              unit={t('reports.count')}
              labels={u().schools.map((s) => s.name)}
              series={[
                {
                  label: t('reports.contributed'),
                  values: u().schools.map((s) => s.now.contributed),
                  color: '#0b5cad',
                },
                {
                  label: t('reports.usedByOthers'),
                  values: u().schools.map((s) => s.now.usedByOthers),
                  color: '#1a7f37',
                },
                { label: t('reports.received'), values: u().schools.map((s) => s.now.received), color: '#bf8700' },
              ]}
            />
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.school')}</th>
                    <th scope="col">{t('reports.contributed')}</th>
                    <th scope="col">{t('reports.change')}</th>
                    <th scope="col">{t('reports.usedByOthers')}</th>
                    <th scope="col">{t('reports.change')}</th>
                    <th scope="col">{t('reports.received')}</th>
                    <th scope="col">{t('reports.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={u().schools}>
                    {(s) => (
                      <tr>
                        <SchoolRowHead name={s.name} rural={!!s.rural} supported={!!s.supported} />
                        <td>{s.now.contributed}</td>
                        <td>{change(s.now.contributed, s.before.contributed)}</td>
                        <td>{s.now.usedByOthers}</td>
                        <td>{change(s.now.usedByOthers, s.before.usedByOthers)}</td>
                        <td>{s.now.received}</td>
                        <td>{change(s.now.received, s.before.received)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </div>
          <h3 class="by-month">{t('reports.byMonth')}</h3>
          <Show when={u().months.length} fallback={<EmptyState title={t('reports.libraryEmpty')} />}>
            <BarChart
              height={CHART}
              title={t('reports.byMonth')}
              unit={t('reports.count')}
              labels={u().months.map((m) => m.month)}
              series={[
                {
                  label: t('reports.usedAcrossSchools'),
                  values: u().months.map((m) => m.usedAcrossSchools),
                  color: '#0b5cad',
                },
                {
                  label: t('reports.reachedRural'),
                  values: u().months.map((m) => m.reachedRuralOrSupported),
                  color: '#1a7f37',
                },
              ]}
            />
          </Show>
        </section>
      )}
    </Show>
  );
}
