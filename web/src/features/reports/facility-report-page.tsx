import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { requireMe } from '../../lib/session';
import { getOrgs } from '../orgs/orgs.queries';
import { BarChart } from './bar-chart';
import { LessonReport } from './lesson-report';
import { getFacilityUsage } from './reports.queries';
import { ResourceReport } from './resource-report';

/** Journey 6 for facilities: whether sharing works, each school against its own past (clause 4: no league table). */
export function FacilityReportPage() {
  const { t } = useI18n();
  const me = createAsync(() => requireMe());
  const orgs = createAsync(() => getOrgs());
  const [params, setParams] = useSearchParams();
  const scopes = () => orgs()?.items.filter((o) => o.kind !== 'school') ?? [];
  const orgId = () => String(params.orgId ?? '') || scopes()[0]?.id || me()?.memberships[0]?.orgId || '';
  const usage = createAsync(async () => (orgId() ? getFacilityUsage(orgId()) : undefined));
  const termName = (name: string) => {
    const [year, season] = name.split('-');
    return t(`reports.terms`)[season!]?.replace('{{ year }}', year!) ?? name;
  };
  const change = (now: number, before: number) => {
    const d = Math.round((now - before) * 10) / 10;
    return d > 0 ? t('reports.up', { n: String(d) }) : d < 0 ? t('reports.down', { n: String(-d) }) : t('reports.same');
  };
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p class="muted">{t('reports.intro')}</p>
      <Show when={scopes().length > 1}>
        <div class="field" style={{ 'max-width': '22rem' }}>
          <label for="report-org">{t('reports.org')}</label>
          <select id="report-org" onChange={(e) => setParams({ orgId: e.currentTarget.value })}>
            <For each={scopes()}>
              {(o) => (
                <option value={o.id} selected={o.id === orgId()}>
                  {o.name}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
      <Show when={usage()}>
        {(u) => (
          <>
            <p>
              <strong>{u().org.name}</strong> · {termName(u().term.name)}
            </p>
            <section class="card" aria-labelledby="schools-title">
              <h2 id="schools-title">{t('reports.facilityTitle')}</h2>
              <BarChart
                title={t('reports.facilityTitle')}
                unit={t('reports.hours')}
                labels={u().schools.map((s) => s.name)}
                series={[
                  { label: t('reports.lentNow'), values: u().schools.map((s) => s.lentHours), color: '#0b5cad' },
                  {
                    label: t('reports.lentBefore'),
                    values: u().schools.map((s) => s.previousLentHours),
                    color: '#9ec5f0',
                    dashed: true,
                  },
                  {
                    label: t('reports.borrowedNow'),
                    values: u().schools.map((s) => s.borrowedHours),
                    color: '#bf8700',
                  },
                  {
                    label: t('reports.borrowedBefore'),
                    values: u().schools.map((s) => s.previousBorrowedHours),
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
                    <For each={u().schools}>
                      {(s) => (
                        <tr>
                          <th scope="row">
                            {s.name}
                            <Show when={s.rural}>
                              {' '}
                              <span class="badge rural">{t('common.rural')}</span>
                            </Show>
                            <Show when={s.supported}>
                              {' '}
                              <span class="badge supported">{t('common.supported')}</span>
                            </Show>
                          </th>
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
            </section>
            <section class="card" aria-labelledby="facilities-title">
              <h2 id="facilities-title">{t('reports.facility')}</h2>
              <Show when={u().facilities.length} fallback={<EmptyState title={t('reports.empty')} />}>
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
                      <For each={u().facilities}>
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
                <h3 style={{ 'margin-top': '1rem' }}>{t('reports.byMonth')}</h3>
                <BarChart
                  title={t('reports.byMonth')}
                  unit={t('reports.hours')}
                  labels={u().months.map((m) => m.month)}
                  series={[
                    { label: t('reports.owner'), values: u().months.map((m) => m.ownerHours), color: '#57606a' },
                    { label: t('reports.others'), values: u().months.map((m) => m.otherHours), color: '#0b5cad' },
                  ]}
                />
              </Show>
            </section>
            <ResourceReport orgId={u().org.id} />
            <LessonReport orgId={u().org.id} />
          </>
        )}
      </Show>
    </>
  );
}
