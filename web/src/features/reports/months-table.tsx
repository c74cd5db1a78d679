import { For } from 'solid-js';
import { type Pillar, pillars } from '../../../../shared/pillars';
import type { PillarFigures, ReportTable, TermReport } from '../../../../shared/schemas/reports';
import { useI18n } from '../../lib/i18n';
import { Change, figureAnchor, shown } from './figure-cell';
import { shortMonth } from './report-words';

type Row = TermReport['group'];

/**
 * One school's (or the organisation's) term month by month: a figure a row, grouped by pillar, its months, the term
 * so far, the same point of last term and the change — the school's own trend, nothing beside another's. A school's
 * rows carry ids, so a dashboard figure opens its own row.
 */
export function MonthsTable(props: {
  id: string;
  title: string;
  row: Row;
  schoolId?: string;
  /** Last term's column: "same point" or, for a term that is over, "last term". */
  beforeLabel: string;
  csv: { table: ReportTable; href: string };
}) {
  const { t, locale } = useI18n();
  return (
    <section class="card report-section school-months" id={props.id} aria-labelledby={`${props.id}-title`}>
      <div class="report-section-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <a class="no-print" href={props.csv.href} download="">
          {t('reports.termReport.csvOf', { table: props.title })}
        </a>
      </div>
      {/* Focusable: a phone scrolls it sideways by keyboard too. */}
      <section class="table-wrap" tabindex="0" aria-label={props.title}>
        <table class="months">
          <thead>
            <tr>
              <th scope="col">{t('reports.termReport.figure')}</th>
              <For each={props.row.months}>{(m) => <th scope="col">{shortMonth(m.month, locale())}</th>}</For>
              <th scope="col">{t('reports.termReport.termTotal')}</th>
              <th scope="col">{props.beforeLabel}</th>
              <th scope="col">{t('reports.change')}</th>
            </tr>
          </thead>
          <For each={Object.keys(pillars) as Pillar[]}>
            {(p) => (
              <tbody>
                <tr>
                  <th scope="colgroup" colSpan={props.row.months.length + 4} class="pillar">
                    {t(`reports.pillars.${p}`)}
                  </th>
                </tr>
                <For each={pillars[p] as readonly (keyof PillarFigures)[]}>
                  {(f) => (
                    <tr id={props.schoolId ? figureAnchor(props.schoolId, f) : undefined}>
                      <th scope="row">{t(`reports.figures.${f}`)}</th>
                      <For each={props.row.months}>{(m) => <td>{shown(m[f])}</td>}</For>
                      <td>
                        <strong>{shown(props.row.total[f])}</strong>
                      </td>
                      <td>{shown(props.row.before[f])}</td>
                      <td>
                        <Change now={props.row.total[f]} before={props.row.before[f]} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            )}
          </For>
        </table>
      </section>
    </section>
  );
}
