// One lesson: when, who, materials, the caller's button; for the teacher, move or cancel; after it starts,
// attendance (teacher and the group) and feedback (assistants write, observers evaluate, the teacher reads).
import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { AttendanceCard } from './attendance-card';
import { FeedbackCard } from './feedback-card';
import { LessonAction, LessonWhen } from './lesson-action';
import { LessonChangeCard } from './lesson-change-card';
import { getLesson } from './lessons.queries';

export function LessonPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getLesson(params.id));
  return (
    <Show when={data()}>
      {(d) => {
        const l = () => d().lesson;
        const started = () =>
          l().status === 'live' ||
          l().status === 'ended' ||
          (l().status === 'scheduled' && new Date(l().startsAt).getTime() <= Date.now());
        return (
          <>
            <p>
              <A href="/lessons">← {t('lessons.title')}</A>
            </p>
            <div class="spread">
              <h1>{l().title}</h1>
              <span class={`badge status-${l().status}`}>
                {t(`lessons.status.${l().status}` as 'lessons.status.live')}
              </span>
            </div>
            <p class="muted">
              <LessonWhen lesson={l()} /> · {t('lessons.by', { teacher: l().teacherName, school: l().schoolName })}
            </p>
            <Show when={l().cancelReason}>
              <p class="notice info">{l().cancelReason}</p>
            </Show>
            <LessonAction lesson={l()} big />
            <div class="grid">
              <section class="card">
                <h2>{t('lessons.classrooms')}</h2>
                <ul class="plain">
                  <For each={l().classrooms}>
                    {(c) => (
                      <li>
                        {c.schoolName} {c.name}
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={l().materials.length}>
                  <h3>{t('library.title')}</h3>
                  <ul class="plain">
                    <For each={l().materials}>
                      {(m) => (
                        <li>
                          <A href={`/library/${m.id}`}>{m.title}</A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <Show when={l().myRole === 'teacher' && l().status === 'scheduled'}>
                <LessonChangeCard lesson={l()} />
              </Show>
              <Show when={(l().myRole === 'teacher' || l().myRole === 'observer') && l().status !== 'scheduled'}>
                <AttendanceCard lessonId={l().id} />
              </Show>
              <Show when={started() && l().status !== 'cancelled'}>
                <FeedbackCard lesson={l()} />
              </Show>
            </div>
          </>
        );
      }}
    </Show>
  );
}
