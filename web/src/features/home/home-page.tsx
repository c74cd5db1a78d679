import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { MyBookingsCard } from '../bookings/my-bookings-card';
import { ExchangesCard, InPostSlot } from '../exchanges/exchanges-card';
import { LibraryCard } from '../library/library-card';
import { AdminCard } from './admin-card';
import { ClassroomCard } from './classroom-card';
import { DashboardSlot } from './dashboard-slot';
import { adminMembership, inSchool } from './home.queries';
import { MembershipsCard } from './memberships-card';
import { OffersCard } from './offers-card';
import { TeachingCard } from './teaching-card';
import { TodoCard } from './todo-card';

/** What the person has to do today, by role. Later capabilities add their cards here. */
export function HomePage() {
  const { t, locale } = useI18n();
  const me = useSignedIn();
  return (
    <Show when={me()}>
      {(m) => (
        <>
          <h1>{t('home.greeting', { name: m().user.name })}</h1>
          <p class="muted">{t('home.today', { date: formatDate(new Date(), locale()) })}</p>
          {/* An invitation waits for an answer whether or not the person belongs anywhere yet. */}
          <OffersCard />
          <DashboardSlot me={m()} />
          <Show
            when={m().memberships.length}
            fallback={
              <div class="card">
                <EmptyState title={t('home.noMembership')} />
              </div>
            }
          >
            <div class="grid">
              {/* A teacher in post logs the week first of all. */}
              <Show when={rolesOf(m()).isTeacher}>
                <InPostSlot />
              </Show>
              <For each={rolesOf(m()).assistantOf}>
                {(a) => (
                  <ClassroomCard
                    classroomId={a.classroomId ?? ''}
                    classroom={a.classroomName ?? ''}
                    school={a.orgName}
                  />
                )}
              </For>
              <Show when={rolesOf(m()).isMaster}>
                <TeachingCard />
              </Show>
              {/* A teacher's next step is booking; an admin's is the queue, so each sees theirs first. */}
              <Show when={inSchool(m()) && !rolesOf(m()).isAdmin}>
                <MyBookingsCard />
              </Show>
              <TodoCard me={m()} />
              <Show when={rolesOf(m()).isTeacher}>
                <ExchangesCard />
              </Show>
              <Show when={inSchool(m())}>
                <LibraryCard />
              </Show>
              <Show when={inSchool(m()) && rolesOf(m()).isAdmin}>
                <MyBookingsCard />
              </Show>
              <Show when={adminMembership(m())}>{(a) => <AdminCard admin={a()} />}</Show>
              <MembershipsCard me={m()} />
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}
