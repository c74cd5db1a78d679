import { pillars } from '../../../../shared/pillars';
import type { TermReport } from '../../../../shared/schemas/reports';
import { useI18n } from '../../lib/i18n';
import { FiguresTable } from './figures-table';

/**
 * The term report's first table: each school's term so far against the same point of last term (by name, never
 * ranked), then the whole organisation and its rural and supported schools; with its CSV.
 */
export function TermSummary(props: { report: TermReport; csv: string }) {
  const { t } = useI18n();
  const r = () => props.report;
  return (
    <section class="card report-section" id="summary" aria-labelledby="summary-title">
      <div class="report-section-head">
        <h2 id="summary-title">{t('reports.termReport.summary')}</h2>
        <a class="no-print" href={props.csv} download="">
          {t('reports.termReport.csvOf', { table: t('reports.termReport.summary') })}
        </a>
      </div>
      {/* Focusable: a phone scrolls it sideways by keyboard too. */}
      <section class="table-wrap" tabindex="0" aria-label={t('reports.termReport.summary')}>
        <FiguresTable
          label={t('reports.termReport.summary')}
          columns={pillars}
          rows={r().schools.map((s) => ({ ...s, now: s.total }))}
          foot={[
            {
              id: 'group',
              name: t('reports.termReport.total', { org: r().org.name }),
              now: r().group.total,
              before: r().group.before,
            },
            { id: 'helped', name: t('reports.termReport.helped'), now: r().helped.total, before: r().helped.before },
          ]}
        />
      </section>
    </section>
  );
}
