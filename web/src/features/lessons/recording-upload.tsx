import { Show } from 'solid-js';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import type { RecordingUpload } from './console-recording';

/** The recording's way to the library at the end of the lesson: a progress bar, or the error with retry and save. */
export function RecordingUploadCard(props: {
  upload: RecordingUpload;
  savedUrl: string | undefined;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <div class="card stack" role="status">
      <Show
        when={!props.upload.failed}
        fallback={
          <>
            <ErrorNotice error={props.upload.failed} />
            <div class="row">
              <button type="button" class="primary" onClick={() => props.onRetry()}>
                {t('lessons.retryUpload')}
              </button>
              <a class="button" href={props.savedUrl} download={props.upload.file.name}>
                {t('lessons.saveRecording')}
              </a>
            </div>
          </>
        }
      >
        <label>
          {t('lessons.uploadingRecording', { percent: String(Math.round(props.upload.fraction * 100)) })}
          <progress max={1} value={props.upload.fraction} />
        </label>
      </Show>
    </div>
  );
}
