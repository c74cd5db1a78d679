import { A } from '@solidjs/router';
import { createUniqueId, Match, Show, Switch } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { fileType, formatSize } from './library-labels';
import { UploadError } from './upload-error';
import { UploadProgress } from './upload-progress';

/** Failures that sending the same bytes again cannot mend: already in the library, a refused type, too large. */
export const isFinal = (error: unknown) =>
  error instanceof ApiError && ['already_exists', 'unsupported_type', 'payload_too_large'].includes(error.code);

export type UploadState = 'ready' | 'waiting' | 'uploading' | 'done' | 'failed';
export interface UploadEntry {
  key: number;
  file: File;
  title: string;
  state: UploadState;
  progress: number;
  error?: unknown;
  resource?: Resource;
}

/** One chosen file: its editable title, then its progress, then what became of it (with a retry on failure). */
export function UploadItem(props: {
  entry: UploadEntry;
  onTitle: (title: string) => void;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const { t, locale } = useI18n();
  const id = createUniqueId();
  const e = () => props.entry;
  const locked = () => e().state === 'waiting' || e().state === 'uploading' || e().state === 'done';
  return (
    <li class="upload-item" data-testid="upload-item" data-state={e().state}>
      <div class="upload-file">
        <strong class="file-name">{e().file.name}</strong>
        <span class="muted small">
          {' '}
          {fileType(e().file.type, e().file.name)} · {formatSize(e().file.size, locale())}
        </span>
      </div>
      <div class="field upload-title">
        <label for={id}>
          {t('library.titleLabel')}
          <span class="sr-only"> · {e().file.name}</span>
        </label>
        <input
          id={id}
          required
          maxlength={120}
          value={e().title}
          disabled={locked()}
          onInput={(ev) => props.onTitle(ev.currentTarget.value)}
        />
      </div>
      <div class="upload-state" aria-live="polite">
        <Switch>
          <Match when={e().state === 'ready'}>
            <button
              type="button"
              class="link"
              onClick={() => props.onRemove()}
              aria-label={t('library.removeFile', { name: e().file.name })}
            >
              {t('common.remove')}
            </button>
          </Match>
          <Match when={e().state === 'waiting'}>
            <span class="muted">{t('library.waitingFile')}</span>
          </Match>
          <Match when={e().state === 'uploading'}>
            <UploadProgress fraction={e().progress} label={`${t('library.progress')} · ${e().file.name}`} />
          </Match>
          <Match when={e().state === 'done' && e().resource}>
            {(r) => (
              <span class="row upload-done">
                <UploadProgress fraction={1} label={`${t('library.progress')} · ${e().file.name}`} />
                <span
                  class={r().status === 'published' ? 'badge approved' : 'badge pending'}
                  data-testid="upload-outcome"
                >
                  {r().status === 'published' ? t('library.outcomePublished') : t('library.outcomeInReview')}
                </span>
                <A href={`/library/${r().id}`}>{t('library.open')}</A>
              </span>
            )}
          </Match>
          <Match when={e().state === 'failed'}>
            <UploadError error={e().error} />
            <span class="row">
              <Show when={!isFinal(e().error)}>
                <button type="button" onClick={() => props.onRetry()}>
                  {t('library.retry')}
                </button>
              </Show>
              <button
                type="button"
                class="link"
                onClick={() => props.onRemove()}
                aria-label={t('library.removeFile', { name: e().file.name })}
              >
                {t('common.remove')}
              </button>
            </span>
          </Match>
        </Switch>
      </div>
    </li>
  );
}
