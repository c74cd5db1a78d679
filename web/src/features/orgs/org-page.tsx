import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { ClassroomForm } from './classroom-form';
import { ImportForm } from './import-form';
import { InvitationsPanel } from './invitations-panel';
import { InviteForm } from './invite-form';
import { MembersPanel } from './members-panel';
import { OrgBadges } from './org-badges';
import { getOrg } from './orgs.queries';
import { SchoolForm } from './school-form';

/** A group or district with its schools, or a school with its classrooms and members. */
export function OrgPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  useSignedIn();
  const detail = createAsync(() => getOrg(params.id));
  const [panel, setPanel] = createSignal<'invite' | 'import' | 'edit' | null>(null);
  const toggle = (p: 'invite' | 'import' | 'edit') => setPanel(panel() === p ? null : p);
  return (
    <Show when={detail()}>
      {(d) => (
        <>
          <p class="muted">
            <A href="/orgs">{t('nav.orgs')}</A> › {t(`orgKinds.${d().org.kind}`)}
          </p>
          <div class="spread">
            <h1 class="row">
              {d().org.name} <OrgBadges org={d().org} />
            </h1>
            <Show when={d().org.canManage}>
              <div class="row">
                <button
                  type="button"
                  class="primary"
                  aria-expanded={panel() === 'invite'}
                  onClick={() => toggle('invite')}
                >
                  {t('orgs.invite')}
                </button>
                <button type="button" aria-expanded={panel() === 'import'} onClick={() => toggle('import')}>
                  {t('orgs.import')}
                </button>
                <Show when={d().org.kind === 'school'}>
                  <button type="button" aria-expanded={panel() === 'edit'} onClick={() => toggle('edit')}>
                    {t('orgs.editDetails')}
                  </button>
                  <A class="button" href={`/orgs/${d().org.id}/public-page`}>
                    {t('orgs.publicPage')}
                  </A>
                </Show>
              </div>
            </Show>
          </div>
          <Show when={d().org.kind === 'school'}>
            <p class="muted">
              {[
                d().org.code && `${t('orgs.code')} ${d().org.code}`,
                d().org.groupName,
                d().org.districtName,
                d().org.address,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </Show>
          <Show when={panel() === 'invite'}>
            <InviteForm org={d().org} classrooms={d().classrooms} onClose={() => setPanel(null)} />
          </Show>
          <Show when={panel() === 'import'}>
            <ImportForm onClose={() => setPanel(null)} />
          </Show>
          <Show when={panel() === 'edit'}>
            <SchoolForm org={d().org} onClose={() => setPanel(null)} />
          </Show>

          <Show when={d().org.kind !== 'school'}>
            <section class="card">
              <h2>{t('orgs.schools')}</h2>
              <ul class="plain">
                <For
                  each={d().schools}
                  fallback={<EmptyState title={t('orgs.noSchools', { kind: t(`orgKinds.${d().org.kind}`) })} />}
                >
                  {(s) => (
                    <li class="spread">
                      <span class="row">
                        <A href={`/orgs/${s.id}`}>{s.name}</A>
                        <OrgBadges org={s} />
                      </span>
                      <span class="muted">{s.code}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <Show when={d().org.kind === 'school'}>
            <section class="card">
              <h2>{t('orgs.classrooms')}</h2>
              <ul class="plain">
                <For each={d().classrooms} fallback={<EmptyState title={t('orgs.noClassrooms')} />}>
                  {(c) => (
                    <li class="spread">
                      <span>
                        {c.name}{' '}
                        <Show when={c.grade}>
                          <span class="muted">· {t('library.grades')[String(c.grade) as '1']}</span>
                        </Show>
                      </span>
                      <span class="muted">
                        {t('orgs.assistantsList', {
                          names: c.assistants.map((a) => a.name).join(t('common.separator')) || t('common.none'),
                        })}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={d().org.canManage}>
                <ClassroomForm schoolId={d().org.id} />
              </Show>
            </section>
          </Show>
          <MembersPanel org={d().org} classrooms={d().classrooms} />
          <Show when={d().org.canManage}>
            <InvitationsPanel org={d().org} />
          </Show>
        </>
      )}
    </Show>
  );
}
