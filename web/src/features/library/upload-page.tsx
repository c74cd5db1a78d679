import { A, createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { EmptyState } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { DropZone } from './drop-zone';
import { uploadResource } from './library.actions';
import { getUploadLimits } from './library.queries';
import { titleFromFileName } from './library-labels';
import { SchoolSelect } from './school-select';
import { isFinal, type UploadEntry, UploadItem } from './upload-item';
import { guessKind, initialMeta, rememberMeta, resourceMetaFor } from './upload-meta';
import { type SharedMeta, UploadMetaForm } from './upload-meta-form';
import { UploadSummary } from './upload-summary';

/** Two at a time: quick on a good line, and a slow village line is not swamped. */
const PARALLEL = 2;
/** Share several files at once with one set of details; each shows its progress and outcome, failures retry. */
export function UploadPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const limits = createAsync(() => getUploadLimits());
  const orgs = createAsync(() => getOrgs());
  // A group leader belongs to no school: they choose which school the resources are shared from.
  const ownSchool = () => me()?.memberships.some((m) => m.orgKind === 'school') ?? true;
  const managedSchools = () => orgs()?.items.filter((o) => o.kind === 'school' && o.canManage) ?? [];
  const [schoolId, setSchoolId] = createSignal('');
  const [meta, setMeta] = createStore<SharedMeta>(initialMeta());
  const [entries, setEntries] = createStore<UploadEntry[]>([]);
  const [fieldError, setFieldError] = createSignal<unknown>();
  const upload = useAction(uploadResource);
  let nextKey = 1;

  const update = (key: number, change: Partial<UploadEntry>) =>
    setEntries(
      (e) => e.key === key,
      produce((e) => Object.assign(e, change)),
    );
  const busy = () => entries.some((e) => e.state === 'waiting' || e.state === 'uploading');
  const pending = () => entries.filter((e) => e.state === 'ready' || (e.state === 'failed' && !isFinal(e.error)));

  function addFiles(files: File[]) {
    const [first] = files;
    if (!first) return;
    if (!meta.kind) setMeta('kind', guessKind(first));
    const max = limits()?.maxUploadBytes;
    // Too large is known before a byte is sent: say so at once instead of after a long upload.
    const tooLarge = (f: File) =>
      max && f.size > max
        ? new ApiError(413, 'payload_too_large', `The file is larger than ${Math.round(max / 1048576)} MB`)
        : undefined;
    setEntries((list) => [
      ...list,
      ...files.map((file): UploadEntry => {
        const error = tooLarge(file);
        return {
          key: nextKey++,
          file,
          title: titleFromFileName(file.name),
          state: error ? 'failed' : 'ready',
          progress: 0,
          ...(error ? { error } : {}),
        };
      }),
    ]);
  }

  // A group leader's uploads name the school they are shared from; a teacher's go from their own school.
  const sharedFrom = () => (ownSchool() ? undefined : schoolId() || managedSchools()[0]?.id);

  async function uploadOne(key: number) {
    const entry = entries.find((e) => e.key === key);
    if (!entry) return;
    update(key, { state: 'uploading', progress: 0, error: undefined });
    try {
      const details = resourceMetaFor(meta, entry.title, sharedFrom());
      const resource = await upload(entry.file, details, (progress) => update(key, { progress }));
      update(key, { state: 'done', progress: 1, resource });
      rememberMeta(meta);
    } catch (error) {
      update(key, { state: 'failed', error });
      if (error instanceof ApiError && error.code === 'validation_failed') setFieldError(error);
    }
  }

  async function run(keys: number[]) {
    setFieldError(undefined);
    for (const key of keys) update(key, { state: 'waiting', error: undefined });
    const queue = [...keys];
    const worker = async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) await uploadOne(key);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  return (
    <>
      <p class="muted">
        <A href="/library">{t('library.back')}</A>
      </p>
      <h1>{t('library.uploadTitle')}</h1>
      <p class="muted">{t('library.uploadIntro')}</p>
      {/* Native validation first (required subject, grade, kind, titles), then the server's answer per file. */}
      <form
        class="upload-layout"
        onSubmit={(e) => {
          e.preventDefault();
          run(pending().map((p) => p.key));
        }}
      >
        <section class="card" aria-labelledby="files-title">
          <h2 id="files-title">{t('library.files', { count: String(entries.length) })}</h2>
          <DropZone onFiles={addFiles} />
          <Show when={entries.length} fallback={<EmptyState title={t('library.noFiles')} />}>
            <ul class="plain upload-list">
              <For each={entries}>
                {(entry) => (
                  <UploadItem
                    entry={entry}
                    onTitle={(title) => update(entry.key, { title })}
                    onRemove={() => setEntries((list) => list.filter((e) => e.key !== entry.key))}
                    onRetry={() => run([entry.key])}
                  />
                )}
              </For>
            </ul>
          </Show>
          <UploadSummary
            entries={entries}
            onClear={() => setEntries((list) => list.filter((e) => e.state !== 'done'))}
          />
        </section>
        <section class="card">
          <Show when={!ownSchool() && managedSchools().length}>
            <SchoolSelect schools={managedSchools()} selected={sharedFrom()} disabled={busy()} onSelect={setSchoolId} />
          </Show>
          <UploadMetaForm meta={meta} setMeta={setMeta} error={fieldError()} disabled={busy()} />
          <button type="submit" class="primary big" disabled={busy() || !pending().length} style={{ width: '100%' }}>
            {busy()
              ? t('library.uploadingCount', {
                  done: String(entries.filter((e) => e.state === 'done' || e.state === 'failed').length),
                  count: String(entries.length),
                })
              : pending().length > 1
                ? t('library.startUpload', { count: String(pending().length) })
                : t('library.startUploadOne')}
          </button>
        </section>
      </form>
    </>
  );
}
