import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { getAttendance } from './lessons.queries';

/** When each invited classroom joined and left (LiveKit's webhooks), for the teacher and the group's colleagues. */
export function AttendanceCard(props: { lessonId: string }) {
  const { t, locale } = useI18n();
  const att = createAsync(() => getAttendance(props.lessonId));
  const time = (v: string | null) => (v ? formatTime(v, locale()) : '—');
  return (
    <section class="card wide" aria-labelledby="att-title">
      <h2 id="att-title">{t('lessons.attendance')}</h2>
      <p class="muted">{t('lessons.attendanceHint')}</p>
      <Show when={att()}>
        {(a) => (
          <>
            <div class="table-wrap">
              <table class="attendance">
                <thead>
                  <tr>
                    <th>{t('lessons.classrooms')}</th>
                    <th>{t('lessons.firstJoined')}</th>
                    <th>{t('lessons.lastLeft')}</th>
                    <th>{t('lessons.minutesPresent')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={a().items}>
                    {(r) => (
                      <tr>
                        <td>
                          {r.schoolName} {r.name}{' '}
                          <Show when={r.present}>
                            <span class="badge live">{t('lessons.presentNow')}</span>
                          </Show>
                        </td>
                        <td>{time(r.firstJoinedAt)}</td>
                        <td>{r.present ? '—' : time(r.lastLeftAt)}</td>
                        <td>
                          {r.firstJoinedAt ? t('lessons.minutes', { n: String(r.minutes) }) : t('lessons.absent')}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <p class="muted">{t('lessons.teacherMinutes', { n: String(a().teacherMinutes) })}</p>
          </>
        )}
      </Show>
    </section>
  );
}
