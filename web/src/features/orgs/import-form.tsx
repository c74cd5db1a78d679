import { resolveTemplate } from '@solid-primitives/i18n';
import { useAction, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ImportError } from '../../../../shared/schemas/orgs';
import { FileInput } from '../../components/file-input';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { CopyLink } from './copy-link';
import { importCsv } from './orgs.actions';

export function ImportForm(props: { onClose: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission(importCsv);
  const run = useAction(importCsv);
  const [file, setFile] = createSignal<File | null>(null);
  const rowErrors = () =>
    submission.error instanceof ApiError && submission.error.code === 'import_failed'
      ? (submission.error.details?.errors as ImportError[])
      : null;
  /** "第 3 行：「邮箱」填写有误": each problem in the person's language (the server's reason is English). */
  const problem = (e: ImportError) =>
    resolveTemplate(t('orgs.importProblems')[e.problem] ?? t('orgs.importProblems').invalid ?? '', {
      field: (e.field && t('orgs.importFields')[e.field]) || '',
      sameAs: String(e.sameAs ?? ''),
    });
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('orgs.importTitle')}</h2>
      <p class="muted">
        {t('orgs.importHelp')} <code>{t('orgs.importHeader')}</code>
        <br />
        {t('orgs.importRoles')} <code>{t('orgs.importRoleValues')}</code>
        <br />
        {t('orgs.importAll')}
      </p>
      <Show when={rowErrors()} fallback={<ErrorNotice error={submission.error} />}>
        {(errs) => (
          <div class="notice error" role="alert">
            {t('orgs.importErrors', { count: String(errs().length) })}
            <ul>
              <For each={errs()}>{(e) => <li>{t('orgs.line', { line: String(e.line), problem: problem(e) })}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
      <Show when={submission.result}>
        {(rows) => (
          <OkNotice>
            {t('orgs.importDone', { count: String(rows().length) })}
            <ul>
              <For each={rows()}>
                {(r) => (
                  <li>
                    {r.name} ({r.email}) <Show when={r.url}>{(u) => <CopyLink path={u()} />}</Show>
                  </li>
                )}
              </For>
            </ul>
          </OkNotice>
        )}
      </Show>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = file();
          if (f) run(f).catch(() => {}); // the error shows through `submission`
        }}
      >
        <div class="field">
          <label for="csv-file">{t('orgs.importFile')}</label>
          <FileInput
            id="csv-file"
            accept=".csv,text/csv"
            required
            chosen={file()?.name ?? null}
            onChange={(input) => setFile(input.files?.[0] ?? null)}
          />
        </div>
        <div class="row">
          <button class="primary" type="submit" disabled={!file() || submission.pending}>
            {t('orgs.importSubmit')}
          </button>
          <button type="button" onClick={() => props.onClose()}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
