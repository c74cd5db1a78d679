import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { toLocal } from '../../../../shared/time';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { DeviceCheck } from '../lessons/device-check';
import { LessonAction, LessonWhen } from '../lessons/lesson-action';
import { getLessons } from '../lessons/lessons.queries';

const beijingDay = (d: string | Date) => toLocal(new Date(d)).date;

/**
 * The classroom PC's card (JOURNEYS 3): today's lessons with one large Join button, live from 15 minutes before; and
 * the camera and microphone checked (and allowed) before the lesson, so the class can speak the moment it is asked.
 */
export function ClassroomCard(props: { classroomId: string; classroom: string; school: string }) {
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
      <DeviceCheck />
    </section>
  );
}
