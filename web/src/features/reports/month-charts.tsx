import { For } from 'solid-js';
import type { PillarFigures, TermReport } from '../../../../shared/schemas/reports';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { shortMonth } from './report-words';

/** One figure of each pillar, month by month, for the whole organisation: where a trend is seen, not read. */
const CHARTED: [keyof PillarFigures, string][] = [
  ['facilityHoursLent', '#0b5cad'],
  ['resourcesUsedByOthers', '#8250df'],
  ['liveMinutesReceived', '#1a7f37'],
  ['exchangeHours', '#bf8700'],
];

export function MonthCharts(props: { months: TermReport['group']['months'] }) {
  const { t, locale } = useI18n();
  return (
    <section class="card report-section" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('reports.termReport.charts')}</h2>
      <div class="month-charts">
        <For each={CHARTED}>
          {([f, color]) => (
            <div>
              <h3>{t(`reports.figures.${f}`)}</h3>
              <BarChart
                height="9rem"
                legend={false}
                title={t(`reports.figures.${f}`)}
                unit=""
                labels={props.months.map((m) => shortMonth(m.month, locale()))}
                series={[{ label: t(`reports.figures.${f}`), values: props.months.map((m) => m[f]), color }]}
              />
            </div>
          )}
        </For>
      </div>
    </section>
  );
}
