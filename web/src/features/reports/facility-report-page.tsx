import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { FacilityHoursCard, SchoolHoursCard } from './facility-hours';
import { LessonReport } from './lesson-report';
import { getFacilityUsage } from './reports.queries';
import { ResourceReport } from './resource-report';

/** Journey 6 for facilities: whether sharing works, each school against its own past (clause 4: no league table). */
export function FacilityReportPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const [params, setParams] = useSearchParams();
  const scopes = () => orgs()?.items.filter((o) => o.kind !== 'school') ?? [];
  const orgId = () => String(params.orgId ?? '') || scopes()[0]?.id || me()?.memberships[0]?.orgId || '';
  const usage = createAsync(async () => (orgId() ? getFacilityUsage(orgId()) : undefined));
  const termName = (name: string) => {
    const [year = '', season = ''] = name.split('-');
    return t('reports.terms')[season]?.replace('{{ year }}', year) ?? name;
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
            <SchoolHoursCard usage={u()} />
            <FacilityHoursCard usage={u()} />
            <ResourceReport orgId={u().org.id} />
            <LessonReport orgId={u().org.id} />
          </>
        )}
      </Show>
    </>
  );
}
