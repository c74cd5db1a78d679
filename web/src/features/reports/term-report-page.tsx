import './page-words';
import './reports.css';
import { createAsync, useLocation, useSearchParams } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { pillars } from '../../../../shared/pillars';
import type { ReportTable } from '../../../../shared/schemas/reports';
import { formatDay } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FiguresTable } from './figures-table';
import { MethodNote } from './method-note';
import { MonthCharts } from './month-charts';
import { MonthsTable } from './months-table';
import { OrgPicker, useReportOrg } from './report-org';
import { dayBefore, termName } from './report-words';
import { getTermReport } from './reports.queries';

/**
 * A term report (issue 13) a principal can hand to a district meeting: the schools' totals against the same point of
 * last term, the organisation's months, each school's own months, what is counted; every table as CSV; A4 in print.
 */
export function TermReportPage() {
  const { t, locale } = useI18n();
  const org = useReportOrg();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const term = () => String(params.term ?? '');
  const report = createAsync(async () => (org.orgId() ? getTermReport(org.orgId(), term()) : undefined));
  const csv = (table: ReportTable, schoolId?: string) => {
    const q = new URLSearchParams({ orgId: org.orgId(), table, lang: locale() });
    if (term()) q.set('term', term());
    if (schoolId) q.set('schoolId', schoolId);
    return { table, href: `/api/reports/term/csv?${q}` };
  };
  // A dashboard figure opens its school's row: shown and marked once the report is drawn.
  createEffect(() => {
    if (!report() || !location.hash) return;
    const row = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!row) return;
    for (const old of document.querySelectorAll('.target')) old.classList.remove('target');
    row.classList.add('target');
    row.scrollIntoView({ block: 'center' });
  });
  return (
    <>
      <h1>{t('reports.termReport.title')}</h1>
      <div class="report-controls no-print">
        <OrgPicker report={org} />
        <Show when={report()}>
          {(r) => (
            <div class="field">
              <label for="report-term">{t('reports.termReport.termLabel')}</label>
              <select id="report-term" onChange={(e) => setParams({ term: e.currentTarget.value })}>
                <For each={r().terms}>
                  {(x) => (
                    <option value={x.name} selected={x.name === r().term.name}>
                      {termName(t, x.name)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          )}
        </Show>
        <div class="buttons">
          <button type="button" onClick={() => window.print()}>
            {t('reports.termReport.print')}
          </button>
        </div>
      </div>
      <Show when={report()}>
        {(r) => {
          const whole = () => r().window.to === r().term.end;
          const beforeLabel = () =>
            whole() ? t('reports.termReport.beforeWhole') : t('reports.termReport.beforeTotal');
          return (
            <>
              <p>
                <strong>{r().org.name}</strong> · {termName(t, r().term.name)}
              </p>
              <p class="muted">
                {whole()
                  ? t('reports.termReport.windowWhole', {
                      term: termName(t, r().term.name),
                      previous: termName(t, r().previousTerm.name),
                    })
                  : t('reports.termReport.window', {
                      day: formatDay(r().window.day, locale()),
                      term: termName(t, r().term.name),
                      days: String(r().window.daysIn),
                      previous: termName(t, r().previousTerm.name),
                      before: formatDay(dayBefore(r().window.previousTo), locale()),
                    })}{' '}
                {t('reports.intro')}
              </p>
              <section class="card report-section" id="summary" aria-labelledby="summary-title">
                <div class="report-section-head">
                  <h2 id="summary-title">{t('reports.termReport.summary')}</h2>
                  <a class="no-print" href={csv('summary').href} download="">
                    {t('reports.termReport.csvOf', { table: t('reports.termReport.summary') })}
                  </a>
                </div>
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
                      {
                        id: 'helped',
                        name: t('reports.termReport.helped'),
                        now: r().helped.total,
                        before: r().helped.before,
                      },
                    ]}
                  />
                </section>
              </section>
              <MonthCharts months={r().group.months} />
              <MonthsTable
                id="group"
                title={t('reports.termReport.months', { name: r().org.name })}
                row={r().group}
                beforeLabel={beforeLabel()}
                csv={csv('months')}
              />
              <MonthsTable
                id="helped"
                title={t('reports.termReport.months', { name: t('reports.termReport.helped') })}
                row={r().helped}
                beforeLabel={beforeLabel()}
                csv={csv('helped')}
              />
              <div class="school-grid">
                <For each={r().schools}>
                  {(s) => (
                    <MonthsTable
                      id={`school-${s.id}`}
                      title={t('reports.termReport.months', { name: s.name })}
                      row={s}
                      schoolId={s.id}
                      beforeLabel={beforeLabel()}
                      csv={csv('months', s.id)}
                    />
                  )}
                </For>
              </div>
              <MethodNote />
            </>
          );
        }}
      </Show>
    </>
  );
}
