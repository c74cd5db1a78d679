import { lazy, Show, Suspense } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';

// Its code, its words and the chart library come only to the people who lead a group or a district.
const DashboardCard = lazy(() => import('../reports/dashboard-card').then((m) => ({ default: m.DashboardCard })));

/** The dashboard of the group or district the person leads (journey 6), first on their home page. */
export function DashboardSlot(props: { me: Me }) {
  const led = () => props.me.memberships.find((m) => m.role === 'group_admin' || m.role === 'district_admin');
  return (
    <Show when={led()}>
      {(m) => (
        <Suspense>
          <DashboardCard orgId={m().orgId} />
        </Suspense>
      )}
    </Show>
  );
}
