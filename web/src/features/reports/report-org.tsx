import { createAsync, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { OrgSelect } from '../../components/org-select';
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
        <OrgSelect
          id="report-org"
          orgs={props.report.scopes()}
          value={props.report.orgId()}
          onChoose={props.report.choose}
        />
      </div>
    </Show>
  );
}
