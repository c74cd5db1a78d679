import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { rubricCriteria } from '../../../../shared/lessons';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FeedbackForm } from './feedback-form';
import { getFeedback } from './lessons.queries';

/** After the lesson: assistants give feedback and observers evaluate; the teacher reads them all. */
export function FeedbackCard(props: { lesson: Lesson }) {
  const { t, locale } = useI18n();
  const list = createAsync(() => getFeedback(props.lesson.id));
  const observer = () => props.lesson.myRole === 'observer';
  return (
    <section class="card wide stack feedback-card" id="feedback" aria-labelledby="fb-title">
      <h2 id="fb-title">
        {props.lesson.myRole === 'teacher'
          ? t('lessons.feedbackAll')
          : observer()
            ? t('lessons.evaluate')
            : t('lessons.feedback')}
      </h2>
      <Show when={props.lesson.myRole === 'teacher'}>
        <Show when={list()?.items.length} fallback={<p class="muted">{t('lessons.noFeedback')}</p>}>
          <ul class="plain">
            <For each={list()?.items}>
              {(f) => (
                <li>
                  <strong>
                    {f.kind === 'observer'
                      ? t('lessons.evaluationBy', { name: f.authorName })
                      : t('lessons.feedbackBy', { name: f.authorName, classroom: f.classroomName ?? '' })}
                  </strong>{' '}
                  {'★'.repeat(f.rating)}
                  <Show when={f.rubric}>
                    {(r) => (
                      <p class="muted">
                        {rubricCriteria
                          .map((k) => `${t(`lessons.rubric.${k}` as 'lessons.rubric.goals')} ${r()[k] ?? '—'}`)
                          .join(' · ')}
                      </p>
                    )}
                  </Show>
                  <Show when={f.comment}>
                    <p>{f.comment}</p>
                  </Show>
                  <Show when={f.questions}>
                    <p>{t('lessons.questionsLine', { q: f.questions })}</p>
                  </Show>
                  <p class="muted">{formatTime(f.updatedAt, locale())}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={(props.lesson.myRole === 'classroom' || observer()) && list()}>
        {(l) => <FeedbackForm lessonId={props.lesson.id} observer={observer()} saved={l().items.find((f) => f.mine)} />}
      </Show>
    </section>
  );
}

/** An assistant's feedback or an observer's evaluation, starting from what they saved before (if anything). */
