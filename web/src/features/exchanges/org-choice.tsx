import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { OrgSelect } from '../../components/org-select';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { viewOrgsOf } from './views.queries';

/** Which organisation's exchanges the page shows, for a person who belongs to more than one. */
export function OrgChoice(props: { orgId: string }) {
  const { t } = useI18n();
  const me = useSignedIn();
  const [, setParams] = useSearchParams();
  const orgs = () => viewOrgsOf(me());
  return (
    <Show when={orgs().length > 1}>
      <div class="field" style={{ 'max-width': '22rem' }}>
        <label for="exchange-org">{t('exchanges.orgLabel')}</label>
        <OrgSelect
          id="exchange-org"
          orgs={orgs()}
          value={props.orgId}
          onChoose={(orgId) => setParams({ orgId, school: null, figure: null })}
        />
      </div>
    </Show>
  );
}
