import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import type { UploadEntry } from './upload-item';

/** Once nothing is left to send: how many were published, how many wait for review, how many failed. */
export function UploadSummary(props: { entries: UploadEntry[]; onClear: () => void }) {
  const { t } = useI18n();
  const settled = () =>
    props.entries.length > 0 && props.entries.every((e) => e.state === 'done' || e.state === 'failed');
  const count = (f: (e: UploadEntry) => boolean) => String(props.entries.filter(f).length);
  const failed = () => props.entries.filter((e) => e.state === 'failed').length;
  return (
    <Show when={settled()}>
      <Show
        when={failed() === 0}
        fallback={
          <p class="notice error" role="status">
            {t('library.someFailed', { count: String(failed()) })}
          </p>
        }
      >
        <OkNotice>
          {t('library.allDone', {
            published: count((e) => e.resource?.status === 'published'),
            review: count((e) => e.resource?.status === 'in_review'),
          })}{' '}
          <A href="/library">{t('library.toLibrary')}</A>
          {' · '}
          <button type="button" class="link" onClick={() => props.onClear()}>
            {t('library.uploadMore')}
          </button>
        </OkNotice>
      </Show>
    </Show>
  );
}
