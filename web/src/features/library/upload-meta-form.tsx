import { For } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { editions, licences, resourceKinds, scopes, subjects, volumes } from '../../../../shared/enums';
import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n';
import { useBookNames } from './book-names';

/** The details every file of one upload shares, as typed (text), so nothing is lost on an error. */
export interface SharedMeta {
  subject: string;
  grade: string;
  kind: string;
  visibility: string;
  edition: string;
  volume: string;
  unit: string;
  tags: string;
  licence: string;
  summary: string;
}

const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

export function UploadMetaForm(props: {
  meta: SharedMeta;
  setMeta: SetStoreFunction<SharedMeta>;
  error: unknown;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const books = useBookNames();
  const set = (key: keyof SharedMeta) => (e: { currentTarget: { value: string } }) =>
    props.setMeta(key, e.currentTarget.value);
  return (
    <fieldset class="upload-meta" disabled={props.disabled}>
      <legend>{t('library.shared')}</legend>
      <div class="meta-grid">
        <Field label={t('library.subjectLabel')} name="subject" error={props.error}>
          {(a) => (
            <select {...a} required onChange={set('subject')}>
              <option value="">{t('library.choose')}</option>
              <For each={subjects}>
                {(s) => (
                  <option value={s} selected={props.meta.subject === s}>
                    {t('library.subjects')[s]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label={t('library.gradeLabel')} name="grade" error={props.error}>
          {(a) => (
            <select {...a} required onChange={set('grade')}>
              <option value="">{t('library.choose')}</option>
              <For each={GRADES}>
                {(g) => (
                  <option value={g} selected={props.meta.grade === g}>
                    {t('library.grades')[g]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label={t('library.kindLabel')} name="kind" error={props.error}>
          {(a) => (
            <select {...a} required onChange={set('kind')}>
              <option value="">{t('library.choose')}</option>
              <For each={resourceKinds}>
                {(k) => (
                  <option value={k} selected={props.meta.kind === k}>
                    {t('library.kinds')[k]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label={t('library.editionLabel')} name="edition" error={props.error}>
          {(a) => (
            <select {...a} onChange={set('edition')}>
              <option value="">{t('library.noEdition')}</option>
              <For each={editions}>
                {(e) => (
                  <option value={e} selected={props.meta.edition === e}>
                    {books.edition(e)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label={t('library.volumeLabel')} name="volume" error={props.error}>
          {(a) => (
            <select {...a} onChange={set('volume')}>
              <option value="">{t('library.noEdition')}</option>
              <For each={volumes}>
                {(v) => (
                  <option value={v} selected={props.meta.volume === v}>
                    {books.volume(v)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label={t('library.unitLabel')} name="unit" error={props.error}>
          {(a) => <input {...a} maxlength={80} value={props.meta.unit} onInput={set('unit')} />}
        </Field>
      </div>
      <div class="field">
        <label for="upload-visibility">{t('library.visibilityLabel')}</label>
        <select
          id="upload-visibility"
          name="visibility"
          required
          aria-describedby="upload-visibility-hint"
          onChange={set('visibility')}
        >
          <For each={scopes}>
            {(s) => (
              <option value={s} selected={props.meta.visibility === s}>
                {t('library.visibility')[s]}
              </option>
            )}
          </For>
        </select>
        {/* Why "own school" is the default: anything wider waits for the group's review. */}
        <span id="upload-visibility-hint" class="muted small">
          {t('library.visibilityHint')}
        </span>
      </div>
      <Field label={t('library.tagsLabel')} name="tags" error={props.error} hint={t('library.tagsHint')}>
        {(a) => <input {...a} value={props.meta.tags} onInput={set('tags')} />}
      </Field>
      <Field label={t('library.licenceLabel')} name="licence" error={props.error}>
        {(a) => (
          <select {...a} onChange={set('licence')}>
            <For each={licences}>
              {(l) => (
                <option value={l} selected={props.meta.licence === l}>
                  {t('library.licences')[l]}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Field label={t('library.summaryLabel')} name="summary" error={props.error} hint={t('common.optional')}>
        {(a) => <textarea {...a} rows={2} maxlength={2000} value={props.meta.summary} onInput={set('summary')} />}
      </Field>
    </fieldset>
  );
}
