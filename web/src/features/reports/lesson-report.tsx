import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { CHART } from './facility-hours';
import { getLessonUsage } from './reports.queries';

/** The live-lesson part of the sharing report (journey 6): what each classroom received this term, in a fixed order. */
export function LessonReport(props: { orgId: string }) {
  const { t } = useI18n();
  const usage = createAsync(() => getLessonUsage(props.orgId));
  const reached = () => usage()?.classrooms.filter((c) => c.invited > 0) ?? [];
  return (
    <Show when={usage()}>
      {(u) => (
        <section class="card" aria-labelledby="lesson-report-title">
          <h2 id="lesson-report-title">{t('reports.lessonsTitle')}</h2>
          <p>
            {t('reports.lessonsReached', {
              lessons: String(u().reachedRuralOrSupported.lessons),
              minutes: String(u().reachedRuralOrSupported.minutes),
            })}
          </p>
          <Show when={reached().length} fallback={<EmptyState title={t('reports.lessonsEmpty')} />}>
            <div class="report-pair">
              <BarChart
                height={CHART}
                title={t('reports.lessonsTitle')}
                unit={t('reports.minutes')}
                labels={reached().map((c) => `${c.schoolName} ${c.name}`)}
                series={[
                  { label: t('reports.minutesReceived'), values: reached().map((c) => c.minutes), color: '#1a7f37' },
                ]}
              />
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.classroom')}</th>
                      <th scope="col">{t('reports.invited')}</th>
                      <th scope="col">{t('reports.attended')}</th>
                      <th scope="col">{t('reports.minutesReceived')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={reached()}>
                      {(c) => (
                        <tr>
                          <th scope="row">
                            {c.schoolName} {c.name}
                            <Show when={c.rural}>
                              {' '}
                              <span class="badge rural">{t('common.rural')}</span>
                            </Show>
                          </th>
                          <td>{c.invited}</td>
                          <td>{c.attended}</td>
                          <td>{c.minutes}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </div>
          </Show>
          <p class="muted">
            {u()
              .schools.filter((s) => s.taught)
              .map((s) =>
                t('reports.taughtBy', { school: s.name, n: String(s.taught), minutes: String(s.minutesTaught) }),
              )
              .join(t('reports.taughtJoin'))}
          </p>
        </section>
      )}
    </Show>
  );
}
