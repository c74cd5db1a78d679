import { useSearchParams } from '@solidjs/router';
import { lazy, Show, Suspense } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';

// Its code, its words and the chart library come only to the people who lead a group or a district.
const DashboardCard = lazy(() => import('../reports/dashboard-card').then((m) => ({ default: m.DashboardCard })));

/**
 * The dashboard of the group or district the person leads (journey 6), first on their home page; one who leads
 * several chooses which, and the address keeps the choice (`?dashboard=<id>`).
 */
export function DashboardSlot(props: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const led = () => {
    const seen = new Set<string>();
    return props.me.memberships
      .filter(
        (m) => (m.role === 'group_admin' || m.role === 'district_admin') && !seen.has(m.orgId) && seen.add(m.orgId),
      )
      .map((m) => ({ id: m.orgId, name: m.orgName }));
  };
  const chosen = () => led().find((o) => o.id === params.dashboard) ?? led()[0];
  return (
    <Show when={chosen()}>
      {(o) => (
        <Suspense>
          <DashboardCard orgId={o().id} choices={led()} onChoose={(id) => setParams({ dashboard: id })} />
        </Suspense>
      )}
    </Show>
  );
}
