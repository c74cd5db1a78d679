import { A } from '@solidjs/router';
import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { formatDate, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { joinOpen } from './lessons.queries';

/**
 * The one button of a lesson for the caller's role: start (teacher), join (classroom), observe — live from 15 minutes
 * before.
 */
export function LessonAction(props: { lesson: Lesson; big?: boolean }) {
  const { t, locale } = useI18n();
  // The button wakes up by itself when the window opens.
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 15_000);
  onCleanup(() => clearInterval(timer));
  const open = () => joinOpen(props.lesson, now());
  // Once the button is live, fetch the live page's code (and livekit-client) so the click only has to connect.
  createEffect(() => {
    if (open() && props.lesson.myRole)
      void (props.lesson.myRole === 'teacher' ? import('./console-page') : import('./live-page'));
  });
  const href = () =>
    props.lesson.myRole === 'teacher' ? `/lessons/${props.lesson.id}/console` : `/lessons/${props.lesson.id}/live`;
  const label = () =>
    props.lesson.myRole === 'teacher'
      ? t('lessons.start')
      : props.lesson.myRole === 'classroom'
        ? t('lessons.join')
        : t('lessons.observe');
  return (
    <Show when={props.lesson.myRole && props.lesson.status !== 'ended' && props.lesson.status !== 'cancelled'}>
      <div class="row lesson-action">
        <Show
          when={open()}
          fallback={
            <>
              <button type="button" class={props.big ? 'big' : ''} disabled>
                {label()}
              </button>
              <span class="muted">{t('lessons.opensAt', { time: formatTime(props.lesson.startsAt, locale()) })}</span>
            </>
          }
        >
          {/* The live route's preload asks for the token as this is clicked (lessons.queries.ts, joinAnswer). */}
          <A class={`button primary${props.big ? ' big' : ''}`} href={href()}>
            {label()}
          </A>
        </Show>
      </div>
    </Show>
  );
}

/** "2026年12月2日 周三 10:00–10:40". */
export function LessonWhen(props: { lesson: Pick<Lesson, 'startsAt' | 'endsAt'> }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t('lessons.when', {
        date: formatDate(props.lesson.startsAt, locale()),
        start: formatTime(props.lesson.startsAt, locale()),
        end: formatTime(props.lesson.endsAt, locale()),
      })}
    </>
  );
}
