import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';

/**
 * The organisation a report is about: `?orgId=`, else the first group or district the person sees, else their own
 * school; and the groups and districts they may choose from.
 */
export function useReportOrg() {
  const me = useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const [params, setParams] = useSearchParams();
  const scopes = () => orgs()?.items.filter((o) => o.kind !== 'school') ?? [];
  const orgId = () => String(params.orgId ?? '') || scopes()[0]?.id || me()?.memberships[0]?.orgId || '';
  return { scopes, orgId, choose: (id: string) => setParams({ orgId: id }) };
}

/** A choice of group or district, when the person sees more than one. */
export function OrgPicker(props: { report: ReturnType<typeof useReportOrg> }) {
  const { t } = useI18n();
  return (
    <Show when={props.report.scopes().length > 1}>
      <div class="field no-print" style={{ 'max-width': '22rem' }}>
        <label for="report-org">{t('reports.org')}</label>
        <select id="report-org" onChange={(e) => props.report.choose(e.currentTarget.value)}>
          <For each={props.report.scopes()}>
            {(o) => (
              <option value={o.id} selected={o.id === props.report.orgId()}>
                {o.name}
              </option>
            )}
          </For>
        </select>
      </div>
    </Show>
  );
}
