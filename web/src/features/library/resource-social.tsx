import { A, createAsync, useAction, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { addComment, addToCollection, createCollection, setFavourite } from './social.actions';
import { getCollections, getComments, getFavourites } from './social.queries';

/** Keep it, put it in a collection for a unit, and read or leave colleagues' comments. */
export function ResourceSocial(props: { resource: Resource }) {
  const { t, locale } = useI18n();
  const favourites = createAsync(() => getFavourites());
  const comments = createAsync(() => getComments(props.resource.id));
  const mine = createAsync(() => getCollections(true));
  const favourite = () => !!favourites()?.items.some((r) => r.id === props.resource.id);
  const toggle = useAction(setFavourite);
  const comment = useAction(addComment);
  const commented = useSubmission(addComment);
  const collect = useAction(addToCollection);
  const collected = useSubmission(addToCollection);
  const create = useAction(createCollection);
  const [text, setText] = createSignal('');
  const [newTitle, setNewTitle] = createSignal('');
  const published = () => props.resource.status === 'published';
  return (
    <>
      <section class="card" aria-labelledby="keep-title">
        <h2 id="keep-title">{t('library.keep')}</h2>
        <div class="row">
          <button type="button" aria-pressed={favourite()} onClick={() => toggle(props.resource.id, !favourite())}>
            {favourite() ? `★ ${t('library.favourited')}` : `☆ ${t('library.favourite')}`}
          </button>
          <label class="sr-only" for="add-to-collection">
            {t('library.addToCollection')}
          </label>
          <select
            id="add-to-collection"
            onChange={(e) => {
              const v = e.currentTarget.value;
              e.currentTarget.value = '';
              if (v) collect(v, props.resource.id).catch(() => {});
            }}
          >
            <option value="">{t('library.addToCollection')}…</option>
            <For each={mine()?.items}>{(c) => <option value={c.id}>{c.title}</option>}</For>
          </select>
        </div>
        <form
          class="row"
          style={{ 'margin-top': '.5rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            create(newTitle(), 'group')
              .then((c) => collect(c.id, props.resource.id))
              .then(() => setNewTitle(''))
              .catch(() => {});
          }}
        >
          <label class="sr-only" for="new-collection">
            {t('library.newCollection')}
          </label>
          <input
            id="new-collection"
            required
            maxlength={120}
            placeholder={t('library.newCollectionHint')}
            value={newTitle()}
            onInput={(e) => setNewTitle(e.currentTarget.value)}
          />
          <button type="submit">{t('library.newCollection')}</button>
        </form>
        <Show when={collected.result}>
          {(id) => (
            <OkNotice>
              {t('library.collected')} <A href={`/library/collections/${id()}`}>{t('library.openCollection')}</A>
            </OkNotice>
          )}
        </Show>
        <ErrorNotice error={collected.error} />
      </section>
      <section class="card" aria-labelledby="comments-title">
        <h2 id="comments-title">
          {t('library.comments')} <span class="muted">({comments()?.items.length ?? 0})</span>
        </h2>
        <ul class="plain">
          <For each={comments()?.items} fallback={<li class="muted">{t('library.noComments')}</li>}>
            {(cm) => (
              <li>
                <strong>{cm.authorName}</strong>{' '}
                <span class="muted">
                  {cm.schoolName ? `· ${cm.schoolName} ` : ''}· {formatDateTime(cm.createdAt, locale())}
                </span>
                <p style={{ margin: '.25rem 0 0' }}>{cm.body}</p>
              </li>
            )}
          </For>
        </ul>
        <Show when={published()}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              comment(props.resource.id, text())
                .then(() => setText(''))
                .catch(() => {});
            }}
          >
            <div class="field">
              <label for="comment-body">{t('library.writeComment')}</label>
              <textarea
                id="comment-body"
                required
                maxlength={2000}
                rows={3}
                value={text()}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </div>
            <button type="submit" disabled={commented.pending}>
              {t('library.sendComment')}
            </button>
            <ErrorNotice error={commented.error} />
          </form>
        </Show>
      </section>
    </>
  );
}
