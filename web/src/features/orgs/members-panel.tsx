import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Classroom, Org } from '../../../../shared/schemas/orgs';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { leadsSchool } from '../../lib/session';
import { useMe } from '../../lib/session-context';
import { removeMember, setMaster, setReviewer } from './orgs.actions';
import { getMembers } from './orgs.queries';

/**
 * Members of an organisation, shown to its members and admins; admins change master-teacher flags and remove people.
 */
export function MembersPanel(props: { org: Org; classrooms: Classroom[] }) {
  const { t } = useI18n();
  const members = createAsync(() => getMembers(props.org.id));
  const toggleMaster = useAction(setMaster);
  const toggleReviewer = useAction(setReviewer);
  // Reviewers of group-wide resources are named by the group's or district's leaders.
  const leads = () => leadsSchool(me(), props.org);
  const remove = useAction(removeMember);
  const masterSub = useSubmission(setMaster);
  const removeSub = useSubmission(removeMember);
  const me = useMe();
  const classroomName = (id: string | null) => props.classrooms.find((c) => c.id === id)?.name;
  return (
    <Show when={members()}>
      {(list) => (
        <section class="card" aria-labelledby="members-title">
          <h2 id="members-title">
            {t('orgs.members')} <span class="muted">({list().items.length})</span>
          </h2>
          <ErrorNotice error={masterSub.error ?? removeSub.error} />
          <Show when={list().items.length} fallback={<EmptyState title={t('orgs.noMembers')} />}>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.name')}</th>
                    <th scope="col">{t('orgs.email')}</th>
                    <th scope="col">{t('orgs.role')}</th>
                    <th scope="col">
                      <span class="sr-only">{t('common.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list().items}>
                    {(m) => (
                      <tr>
                        <td>
                          {m.name}{' '}
                          <Show when={!m.active}>
                            <span class="badge pending">{t('orgs.pending')}</span>
                          </Show>
                        </td>
                        <td class="mono">{m.email}</td>
                        <td>
                          {t(`roles.${m.role}`)}
                          <Show when={m.masterTeacher}>
                            {' '}
                            · <span class="badge lead">{t('roles.master_teacher')}</span>
                          </Show>
                          <Show when={m.reviewer}>
                            {' '}
                            · <span class="badge supported">{t('orgs.reviewer')}</span>
                          </Show>
                          <Show when={classroomName(m.classroomId)}>{(n) => <span class="muted"> · {n()}</span>}</Show>
                        </td>
                        <td>
                          <Show when={props.org.canManage}>
                            <div class="row" style={{ gap: '.5rem' }}>
                              <Show when={m.role === 'teacher'}>
                                <button
                                  type="button"
                                  class="link"
                                  onClick={() => toggleMaster(m.membershipId, !m.masterTeacher)}
                                >
                                  {m.masterTeacher ? t('orgs.unmakeMaster') : t('orgs.makeMaster')}
                                </button>
                              </Show>
                              <Show when={m.role === 'teacher' && leads()}>
                                <button
                                  type="button"
                                  class="link"
                                  onClick={() => toggleReviewer(m.membershipId, !m.reviewer)}
                                >
                                  {m.reviewer ? t('orgs.unmakeReviewer') : t('orgs.makeReviewer')}
                                </button>
                              </Show>
                              <Show when={m.userId !== me()?.user.id}>
                                <button
                                  type="button"
                                  class="link"
                                  onClick={() =>
                                    confirm(`${t('common.confirmRemove')} ${m.name}`) && remove(m.membershipId)
                                  }
                                >
                                  {t('orgs.removeMember')}
                                </button>
                              </Show>
                            </div>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </section>
      )}
    </Show>
  );
}
