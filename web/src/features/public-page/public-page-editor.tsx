import './page-words';
import { A, createAsync, useParams, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { publicSections } from '../../../../shared/enums';
import { type PublicPage, publicPagePath } from '../../../../shared/schemas/public-pages';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { saveReviewDays } from './public-page.actions';
import { getPublicPage } from './public-page.queries';
import { SectionCard } from './section-card';

/**
 * A school's public page (信息公开, clause 13) as its admins keep it: every section with its date, those past the
 * school's update deadline (or never written) first said at the top, each edited in place, and the deadline itself.
 */
export function PublicPageEditor() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  useSignedIn();
  const page = createAsync(() => getPublicPage(params.id));
  return (
    <Show when={page()}>
      {(p) => (
        <>
          <p class="muted">
            <A href="/orgs">{t('nav.orgs')}</A> › <A href={`/orgs/${p().schoolId}`}>{p().schoolName}</A>
          </p>
          <h1>{t('publicPage.title')}</h1>
          <p>
            {t('publicPage.intro')}{' '}
            <Show when={p().code} fallback={<strong>{t('publicPage.noCode')}</strong>}>
              {(code) => (
                <span class="row pp-links">
                  <a href={publicPagePath(code())} rel="external">
                    {t('publicPage.openZh')}
                  </a>
                  <a href={publicPagePath(code(), 'en')} rel="external">
                    {t('publicPage.openEn')}
                  </a>
                </span>
              )}
            </Show>
          </p>
          <Attention page={p()} />
          <For each={publicSections}>{(section) => <SectionCard page={p()} section={section} />}</For>
          <ReviewDays page={p()} />
        </>
      )}
    </Show>
  );
}

/** How many sections need the admin: past their deadline, or never written. */
function Attention(props: { page: PublicPage }) {
  const { t } = useI18n();
  const count = () => publicSections.filter((k) => props.page.sections[k].state !== 'current').length;
  return (
    <Show when={count()} fallback={<OkNotice>{t('publicPage.allCurrent')}</OkNotice>}>
      <div class="notice info" role="status">
        {t('publicPage.needsWork', { count: String(count()) })}
      </div>
    </Show>
  );
}

function ReviewDays(props: { page: PublicPage }) {
  const { t } = useI18n();
  const submission = useSubmission(saveReviewDays);
  return (
    <section class="card" aria-labelledby="pp-review">
      <h2 id="pp-review">{t('publicPage.review')}</h2>
      <p class="muted">{t('publicPage.reviewHint')}</p>
      <ErrorNotice error={submission.error} fields={{ reviewWorkingDays: t('publicPage.reviewDays') }} />
      <Show when={submission.result}>
        <OkNotice>{t('publicPage.reviewSaved')}</OkNotice>
      </Show>
      <form action={saveReviewDays.with(props.page.schoolId)} method="post" class="row pp-review">
        <Field label={t('publicPage.reviewDays')} name="reviewWorkingDays" error={submission.error}>
          {(a) => (
            <input
              {...a}
              type="number"
              inputmode="numeric"
              min={1}
              max={120}
              required
              value={props.page.reviewWorkingDays}
            />
          )}
        </Field>
        <button type="submit" disabled={submission.pending}>
          {t('publicPage.saveReview')}
        </button>
      </form>
    </section>
  );
}
