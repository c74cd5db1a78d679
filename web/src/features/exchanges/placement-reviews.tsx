import { useAction } from '@solidjs/router';
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import type { ReviewStage } from '../../../../shared/enums';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { todayInBeijing } from '../../lib/beijing';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { reviewPlacement } from './placements.actions';

/**
 * The host school's mid-term and final reviews, as the teacher and both schools read them; the host school's admins
 * write them here. The final one completes the placement, and the form says so before it is sent.
 */
export function PlacementReviews(props: { placement: Placement; hosts: boolean }) {
  const { t, locale } = useI18n();
  const [writing, setWriting] = createSignal<ReviewStage | null>(null);
  const [done, setDone] = createSignal<ReviewStage | null>(null);
  const written = (stage: ReviewStage) => props.placement.reviews.some((r) => r.stage === stage);
  // Once the placement has begun (the server refuses a review before its first day).
  const may = (stage: ReviewStage) =>
    props.hosts &&
    props.placement.status === 'active' &&
    props.placement.startsOn <= todayInBeijing() &&
    !written(stage) &&
    !(stage === 'midterm' && written('final'));
  return (
    <section class="card" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title">{t('exchanges.post.reviewsTitle')}</h2>
      <Show when={done()}>{(s) => <OkNotice>{t('exchanges.post.reviewed')[s()]}</OkNotice>}</Show>
      <Show when={props.placement.reviews.length} fallback={<p class="muted">{t('exchanges.post.noReviews')}</p>}>
        <ul class="plain">
          <For each={props.placement.reviews}>
            {(r) => (
              <li data-testid="review">
                <p class="row">
                  <strong>{t('exchanges.post.stages')[r.stage]}</strong>
                  <span class={`badge ${r.satisfactory ? 'approved' : 'declined'}`}>
                    {r.satisfactory ? t('exchanges.post.satisfactory') : t('exchanges.post.unsatisfactory')}
                  </span>
                  <span class="muted">
                    {t('exchanges.post.reviewBy', { by: r.by.name, when: formatPlainDate(r.at, locale()) })}
                  </span>
                </p>
                <p class="review-summary">{r.summary}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={may('midterm') || may('final')}>
        <div class="row">
          <For each={(['midterm', 'final'] as const).filter(may)}>
            {(stage) => (
              <button
                type="button"
                aria-expanded={writing() === stage}
                onClick={() => setWriting(writing() === stage ? null : stage)}
              >
                {stage === 'final' ? t('exchanges.post.writeFinal') : t('exchanges.post.writeMidterm')}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={writing()} keyed>
        {(stage) => (
          <ReviewForm
            placement={props.placement}
            stage={stage}
            onDone={() => {
              setWriting(null);
              setDone(stage);
            }}
          />
        )}
      </Show>
    </section>
  );
}

function ReviewForm(props: { placement: Placement; stage: ReviewStage; onDone: () => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const review = useAction(reviewPlacement);
  const [summary, setSummary] = createSignal('');
  const [satisfactory, setSatisfactory] = createSignal(true);
  const { busy, error, run } = usePending();
  const final = () => props.stage === 'final';
  const who = () => ({ home: props.placement.homeSchool.name, teacher: props.placement.teacher.name });
  let first: HTMLTextAreaElement | undefined;
  onMount(() => first?.focus());
  return (
    <form
      class="review-form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        await run(async () => {
          await review(props.placement.id, {
            stage: props.stage,
            summary: summary().trim(),
            satisfactory: satisfactory(),
          });
          props.onDone();
        });
      }}
    >
      <h3 id={`${id}-title`}>{t('exchanges.post.stages')[props.stage]}</h3>
      <Field label={t('exchanges.post.summary')} name="summary" hint={t('exchanges.post.summaryHint')} error={error()}>
        {(a) => (
          <textarea
            {...a}
            ref={first}
            rows={3}
            required
            maxlength={2000}
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset class="plain-fieldset">
        <legend>{t('exchanges.post.result')}</legend>
        <div class="row">
          <For each={[true, false]}>
            {(ok) => (
              <label class="check">
                <input
                  type="radio"
                  name={`${id}-result`}
                  checked={satisfactory() === ok}
                  onChange={() => setSatisfactory(ok)}
                />
                {ok ? t('exchanges.post.satisfactory') : t('exchanges.post.unsatisfactory')}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={final()}>
        <div class="notice info" data-testid="final-warning">
          <p>{t('exchanges.post.finalWarning', who())}</p>
          <Show when={props.placement.hostSchool.rural}>
            <p>{t('exchanges.post.finalCounts', who())}</p>
          </Show>
        </div>
      </Show>
      <ErrorNotice error={error()} fields={{ summary: t('exchanges.post.summary') }} />
      <button type="submit" class="primary" disabled={busy() || !summary().trim()}>
        {final() ? t('exchanges.post.submitFinal') : t('exchanges.post.submitMidterm')}
      </button>
    </form>
  );
}
