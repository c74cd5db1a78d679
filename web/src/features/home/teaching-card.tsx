import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { LessonAction, LessonWhen } from '../lessons/lesson-action';
import { getLessons } from '../lessons/lessons.queries';

/** A master teacher's next live lessons, each with its Start button. */
export function TeachingCard() {
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
