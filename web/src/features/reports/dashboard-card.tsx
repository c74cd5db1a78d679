import './page-words';
import './reports.css';
import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { PillarFigures } from '../../../../shared/schemas/reports';
import { OrgSelect } from '../../components/org-select';
import { formatDay } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { Change, figureAnchor, shown } from './figure-cell';
import { FiguresTable } from './figures-table';
import { dayBefore, termName } from './report-words';
import { getDashboard } from './reports.queries';

/** This term's bars, and last term's (paler, outlined dashed: told apart without colour). */
const NOW = '#1a7f37';
const BEFORE = '#aceebb';

/** The figures a leader reads at a glance (journey 6); the term report has them all. */
const COLUMNS = {
  facilities: ['facilityHoursLent', 'facilityHoursBorrowed'],
  resources: ['resourcesShared', 'resourcesUsedByOthers'],
  lessons: ['liveLessonsTaught', 'liveLessonsReceived', 'liveMinutesReceived'],
  exchanges: ['exchangeSent', 'exchangeReceived', 'exchangeInPost'],
} as const;

/**
 * The group leader's (or district admin's) dashboard on the home page: each school this term against the same point
 * of last term, by name — never a league table (clause 4) — each figure opening its months on the term report; the
 * rural classrooms' live minutes as a small chart; what reached the rural and supported schools in one line.
 */
export function DashboardCard(props: {
  orgId: string;
  /** The groups and districts the person leads, when more than one: a choice in the card's head. */
  choices?: { id: string; name: string }[];
  onChoose?: (orgId: string) => void;
}) {
  const { t, locale } = useI18n();
  const report = createAsync(() => getDashboard(props.orgId));
  const termHref = () => `/reports/term?orgId=${props.orgId}`;
  return (
    <Show when={report()}>
      {(r) => (
        <section class="card dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
          <div class="dash-head">
            <h2 id="dashboard-title">
              {t('reports.dashboard.title')} · {r().org.name}
            </h2>
            <p class="muted dash-window">
              {t('reports.dashboard.window', {
                term: termName(t, r().term.name),
                days: String(r().window.daysIn),
                day: formatDay(r().window.day, locale()),
                before: formatDay(dayBefore(r().window.previousTo), locale()),
              })}
              {' · '}
              {t('reports.dashboard.order')}
            </p>
            <Show when={(props.choices?.length ?? 0) > 1}>
              <OrgSelect
                class="dash-choice no-print"
                label={t('reports.dashboard.choose')}
                orgs={props.choices ?? []}
                value={props.orgId}
                onChoose={(id) => props.onChoose?.(id)}
              />
            </Show>
          </div>
          <div class="dash-body">
            <div class="table-wrap">
              <FiguresTable
                label={t('reports.dashboard.title')}
                columns={COLUMNS}
                rows={r().schools.map((s) => ({
                  ...s,
                  href: (f: keyof PillarFigures) => `${termHref()}#${figureAnchor(s.id, f)}`,
                }))}
              />
            </div>
            <Show when={r().classrooms.length}>
              <div class="dash-chart">
                <h3>{t('reports.dashboard.chartTitle')}</h3>
                <p class="chart-key">
                  <span class="key now" /> {t('reports.dashboard.now')} <span class="key before" />{' '}
                  {t('reports.dashboard.before')}
                </p>
                <BarChart
                  horizontal
                  legend={false}
                  valueAxis={false}
                  height="8.5rem"
                  title={t('reports.dashboard.chartTitle')}
                  unit=""
                  labels={r().classrooms.map((c) => [c.schoolName, c.name])}
                  series={[
                    {
                      label: t('reports.dashboard.now'),
                      values: r().classrooms.map((c) => c.now.minutes),
                      color: NOW,
                    },
                    {
                      label: t('reports.dashboard.before'),
                      values: r().classrooms.map((c) => c.before.minutes),
                      color: BEFORE,
                      dashed: true,
                    },
                  ]}
                />
              </div>
            </Show>
          </div>
          <div class="dash-foot">
            <p class="dash-reached">
              <A href={`${termHref()}#helped`}>{t('reports.dashboard.reached')}</A>
              {t('common.colon')}
              <For
                each={
                  [
                    ['reachedFacility', 'facilityHours'],
                    ['reachedResources', 'resourcesUsed'],
                    ['reachedLessons', 'liveLessons'],
                    ['reachedTeachers', 'exchangeTeachersInPost'],
                  ] as const
                }
              >
                {([words, key], i) => {
                  const now = () => r().reachedRuralOrSupported.now;
                  const before = () => r().reachedRuralOrSupported.before;
                  return (
                    <>
                      {i() ? t('common.separator') : ''}
                      {t(`reports.dashboard.${words}`, {
                        n: shown(now()[key]),
                        minutes: String(now().liveMinutes),
                      })}{' '}
                      <span title={t('reports.beforeWas', { n: shown(before()[key]) })}>
                        <Change now={now()[key]} before={before()[key]} />
                      </span>
                    </>
                  );
                }}
              </For>
            </p>
            <A href={termHref()}>{t('reports.dashboard.openTerm')}</A>
          </div>
        </section>
      )}
    </Show>
  );
}
