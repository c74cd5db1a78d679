import { useAction } from '@solidjs/router';
import { createSignal, For, Show, untrack } from 'solid-js';
import { rubricCriteria } from '../../../../shared/lessons';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { saveFeedback } from './lessons.actions';
import type { getFeedback } from './lessons.queries';
import { Stars } from './stars';

type Feedback = NonNullable<Awaited<ReturnType<typeof getFeedback>>>['items'][number];

export function FeedbackForm(props: { lessonId: string; observer: boolean; saved: Feedback | undefined }) {
  const { t } = useI18n();
  const before = untrack(() => props.saved);
  const [rating, setRating] = createSignal(before?.rating ?? 0);
  const [comment, setComment] = createSignal(before?.comment ?? '');
  const [questions, setQuestions] = createSignal(before?.questions ?? '');
  const [rubric, setRubric] = createSignal<Record<string, number>>(before?.rubric ?? {});
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const send = useAction(saveFeedback);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await send(props.lessonId, {
        rating: rating(),
        comment: comment(),
        questions: questions(),
        ...(props.observer ? { rubric: rubric() as never } : {}),
      });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack feedback-form" onSubmit={save}>
      <ErrorNotice error={error()} />
      <Show when={saved()}>
        <OkNotice>{t('lessons.feedbackSaved')}</OkNotice>
      </Show>
      <div class="row">
        <strong aria-hidden="true">{t('lessons.rating')}</strong>
        <Stars value={rating()} onPick={setRating} label={t('lessons.rating')} />
      </div>
      <Show when={props.observer}>
        <For each={rubricCriteria}>
          {(k) => (
            <div class="spread">
              <span>{t(`lessons.rubric.${k}` as 'lessons.rubric.goals')}</span>
              <Stars
                value={rubric()[k] ?? 0}
                onPick={(n) => setRubric((r) => ({ ...r, [k]: n }))}
                label={t(`lessons.rubric.${k}` as 'lessons.rubric.goals')}
              />
            </div>
          )}
        </For>
      </Show>
      <label>
        {props.observer ? t('lessons.evaluationComment') : t('lessons.howItWent')}
        <textarea rows={3} maxLength={2000} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <Show when={!props.observer}>
        <label>
          {t('lessons.questionsLabel')}
          <textarea
            rows={3}
            maxLength={2000}
            value={questions()}
            onInput={(e) => setQuestions(e.currentTarget.value)}
          />
        </label>
      </Show>
      <button type="submit" class="primary">
        {t('common.save')}
      </button>
    </form>
  );
}
