import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import { toLocal } from '../../../../shared/time';
import { EmptyState } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { requireMe, rolesOf } from '../../lib/session';
import { getApprovalQueue } from '../bookings/bookings.queries';
import { MyBookingsCard } from '../bookings/my-bookings-card';
import { LessonAction, LessonWhen } from '../lessons/lesson-action';
import { getLessons } from '../lessons/lessons.queries';
import { LibraryCard } from '../library/library-card';
import { getMembers, getOrg, getOrgs } from '../orgs/orgs.queries';
import { adminMembership, inSchool } from './home.queries';

/** What the person has to do today, by role. Later capabilities add their cards here. */
export function HomePage() {
  const { t, locale } = useI18n();
  const me = createAsync(() => requireMe());
  return (
    <Show when={me()}>
      {(m) => (
        <>
          <h1>{t('home.greeting', { name: m().user.name })}</h1>
          <p class="muted">{t('home.today', { date: formatDate(new Date(), locale()) })}</p>
          <Show
            when={m().memberships.length}
            fallback={
              <div class="card">
                <EmptyState title={t('home.noMembership')} />
              </div>
            }
          >
            <div class="grid">
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
              <Show when={inSchool(m())}>
                <LibraryCard />
              </Show>
              <Show when={inSchool(m()) && rolesOf(m()).isAdmin}>
                <MyBookingsCard />
              </Show>
              <Show when={rolesOf(m()).isAdmin}>
                <AdminCard me={m()} />
              </Show>
              <MembershipsCard me={m()} />
            </div>
          </Show>
        </>
      )}
    </Show>
  );
}

const beijingDay = (d: string | Date) => toLocal(new Date(d)).date;

/** The classroom PC's card (JOURNEYS 3): today's lessons with one large Join button, live from 15 minutes before. */
function ClassroomCard(props: { classroomId: string; classroom: string; school: string }) {
  const { t } = useI18n();
  const lessons = createAsync(() => getLessons('mine'));
  const mine = () =>
    (lessons()?.items ?? []).filter(
      (l) => l.classrooms.some((c) => c.id === props.classroomId) && l.status !== 'cancelled' && l.status !== 'ended',
    );
  const today = () => mine().filter((l) => beijingDay(l.startsAt) === beijingDay(new Date()));
  const next = () => mine().find((l) => beijingDay(l.startsAt) !== beijingDay(new Date()));
  return (
    <section class="card classroom-card" aria-labelledby="classroom-title">
      <h2 id="classroom-title">{t('home.classroomTitle', { classroom: props.classroom, school: props.school })}</h2>
      <Show
        when={today().length}
        fallback={
          <EmptyState title={t('home.noLessonsToday')} hint={t('home.classroomHint')}>
            <Show when={next()}>
              {(n) => (
                <p>
                  <A href={`/lessons/${n().id}`}>{n().title}</A> · <LessonWhen lesson={n()} />
                </p>
              )}
            </Show>
          </EmptyState>
        }
      >
        <ul class="plain">
          <For each={today()}>
            {(l) => (
              <li class="stack">
                <strong>{l.title}</strong>
                <span class="muted">
                  <LessonWhen lesson={l} /> · {l.teacherName}
                </span>
                <LessonAction lesson={l} big />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** A master teacher's next live lessons, each with its Start button. */
function TeachingCard() {
  const { t } = useI18n();
  const lessons = createAsync(() => getLessons('mine'));
  const next = () =>
    (lessons()?.items ?? [])
      .filter((l) => l.myRole === 'teacher' && l.status !== 'cancelled' && l.status !== 'ended')
      .slice(0, 3);
  return (
    <section class="card" aria-labelledby="teaching-title">
      <h2 id="teaching-title">{t('lessons.mine')}</h2>
      <Show when={next().length} fallback={<EmptyState title={t('lessons.none')} hint={t('lessons.scheduleHint')} />}>
        <ul class="plain">
          <For each={next()}>
            {(l) => (
              <li class="stack">
                <A href={`/lessons/${l.id}`}>{l.title}</A>
                <span class="muted">
                  <LessonWhen lesson={l} />
                </span>
                <LessonAction lesson={l} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <A class="button" href="/lessons">
        {t('lessons.schedule')}
      </A>
    </section>
  );
}

/** Things waiting for this person: bookings to approve, invitations not yet accepted. */
function TodoCard(props: { me: Me }) {
  const { t } = useI18n();
  const adminSchools = () => props.me.memberships.filter((m) => m.role === 'school_admin');
  const queue = createAsync(async () => (rolesOf(props.me).isAdmin ? getApprovalQueue() : undefined));
  const invites = createAsync(() =>
    Promise.all(
      adminSchools().map(async (s) => ({
        orgId: s.orgId,
        pending: (await getMembers(s.orgId))?.items.filter((m) => !m.active).length ?? 0,
      })),
    ),
  );
  const waiting = () => queue()?.items.length ?? 0;
  const pendingInvites = () => (invites() ?? []).filter((i) => i.pending > 0);
  return (
    <section class="card" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('home.todo')}</h2>
      <Show
        when={waiting() > 0 || pendingInvites().length}
        fallback={<EmptyState title={t('home.nothingToday')} hint={t('home.nextStepTeacher')} />}
      >
        <ul class="plain">
          <Show when={waiting() > 0}>
            <li>
              <A class="button primary" href="/approvals">
                {t('home.pendingApprovals', { count: String(waiting()) })}
              </A>
            </li>
          </Show>
          <For each={pendingInvites()}>
            {(i) => (
              <li>
                <A href={`/orgs/${i.orgId}`}>{t('home.pendingInvites', { count: String(i.pending) })}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function AdminCard(props: { me: Me }) {
  const { t } = useI18n();
  // biome-ignore lint/style/noNonNullAssertion: shown only to admins (HomePage checks isAdmin)
  const admin = () => adminMembership(props.me)!;
  const orgs = createAsync(() => getOrgs());
  const detail = createAsync(() => getOrg(admin().orgId));
  const schools = () =>
    detail()?.schools.length
      ? detail()!.schools
      : (orgs()?.items.filter((o) => o.kind === 'school' && o.canManage) ?? []);
  return (
    <section class="card" aria-labelledby="admin-title">
      <h2 id="admin-title">{t('home.adminPanel')}</h2>
      <Show when={admin().orgKind !== 'school'}>
        <p>
          {t('home.schoolsInGroup', {
            count: String(schools().length),
            rural: String(schools().filter((s) => s.rural).length),
            supported: String(schools().filter((s) => s.supported).length),
          })}
        </p>
      </Show>
      <div class="row">
        <A class="button primary" href={`/orgs/${admin().orgId}`}>
          {t('home.manageOrg', { org: admin().orgName })}
        </A>
        <A class="button" href="/audit">
          {t('home.auditLog')}
        </A>
      </div>
    </section>
  );
}

function MembershipsCard(props: { me: Me }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('home.yourOrgs')}</h2>
      <ul class="plain">
        <For each={props.me.memberships}>
          {(m) => (
            <li class="spread">
              <A href={`/orgs/${m.orgId}`}>{m.orgName}</A>
              <span class="row">
                <span class="badge">{t(`roles.${m.role}` as any) as string}</span>
                <Show when={m.masterTeacher}>
                  <span class="badge lead">{t('roles.master_teacher')}</span>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
