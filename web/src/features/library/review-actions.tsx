import { useAction } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { type ReviewDecision, reviewResource } from './library.actions';

/** Publish in one click, or return with a comment (required) in two; what was typed survives an error. */
export function ReviewActions(props: { resource: Resource; onDone?: (decision: ReviewDecision, r: Resource) => void }) {
  const { t } = useI18n();
  const review = useAction(reviewResource);
  const id = createUniqueId();
  const [returning, setReturning] = createSignal(false);
  const [comment, setComment] = createSignal('');
  const { busy, error, run } = usePending();
  async function decide(decision: ReviewDecision) {
    await run(async () => {
      const r = await review(props.resource.id, decision, decision === 'return' ? comment().trim() : undefined);
      props.onDone?.(decision, r);
    });
  }
  return (
    <div class="review-actions">
      <div class="row">
        <button type="button" class="primary" disabled={busy()} onClick={() => decide('publish')}>
          {busy() ? t('library.reviewing') : t('library.publish')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy()}
          aria-expanded={returning()}
          onClick={() => setReturning(!returning())}
        >
          {t('library.return')}
        </button>
      </div>
      <Show when={returning()}>
        <form
          class="return-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (comment().trim()) decide('return');
          }}
        >
          <label for={`${id}-comment`}>{t('library.returnComment')}</label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            maxlength={1000}
            required
            value={comment()}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <div class="row">
            <button type="submit" class="danger" disabled={busy() || !comment().trim()}>
              {t('library.returnWith')}
            </button>
            <button type="button" class="link" onClick={() => setReturning(false)}>
              {t('library.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <ErrorNotice error={error()} />
    </div>
  );
}
