import { useAction } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { FileInput } from '../../components/file-input';
import { OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { uploadVersion } from './library.actions';
import { UploadError } from './upload-error';
import { UploadProgress } from './upload-progress';

/** The author (or the school's admins) replace the file; older versions stay downloadable. */
export function NewVersion(props: { resource: Resource }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [file, setFile] = createSignal<File>();
  const [progress, setProgress] = createSignal<number>();
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal<Resource>();
  const send = useAction(uploadVersion);
  async function upload(e: SubmitEvent) {
    e.preventDefault();
    const f = file();
    if (!f) return;
    setError(undefined);
    setDone(undefined);
    setProgress(0);
    try {
      const r = await send(props.resource.id, f, setProgress);
      setDone(r);
      setFile(undefined);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(undefined);
    }
  }
  return (
    <form class="new-version" onSubmit={upload}>
      <h3>{t('library.newVersion')}</h3>
      <p class="muted small">{t('library.newVersionHint')}</p>
      <label class="sr-only" for={`${id}-file`}>
        {t('library.chooseFile')}
      </label>
      <div class="row">
        <FileInput id={`${id}-file`} chosen={file()?.name ?? null} onChange={(input) => setFile(input.files?.[0])} />
        <button type="submit" disabled={!file() || progress() !== undefined}>
          {t('library.startUploadOne')}
        </button>
      </div>
      <Show when={progress() !== undefined}>
        <UploadProgress fraction={progress() ?? 0} />
      </Show>
      <UploadError error={error()} />
      <Show when={done()}>
        {(r) => (
          <OkNotice>
            {t(r().status === 'in_review' ? 'library.versionInReview' : 'library.versionDone', {
              n: String(r().file?.number ?? ''),
            })}
          </OkNotice>
        )}
      </Show>
    </form>
  );
}
