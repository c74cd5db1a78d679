// The fields of a public page's sections: each text in Chinese and English side by side (one above the other on a
// phone), lists of entries and of fees that grow and shrink. Inputs are uncontrolled: what a person typed stays on
// an error.
import { createSignal, For, type JSX, Show } from 'solid-js';
import { type FeePeriod, feePeriods, type PublicSection } from '../../../../shared/enums';
import type { BasicContent, Bilingual, FeesContent, ListContent } from '../../../../shared/schemas/public-pages';
import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n';
import { fieldName } from './section-form-data';

type Path = () => (string | number)[];

/** One text in both languages. */
export function BilingualField(props: {
  section: PublicSection;
  path: Path;
  label: string;
  value: Bilingual | undefined;
  max: number;
  multiline?: boolean;
  required?: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const input = (lang: 'zh' | 'en') => (a: Parameters<Parameters<typeof Field>[0]['children']>[0]) =>
    props.multiline ? (
      <textarea {...a} lang={lang === 'zh' ? 'zh-CN' : 'en'} rows={4} maxlength={props.max}>
        {props.value?.[lang] ?? ''}
      </textarea>
    ) : (
      <input
        {...a}
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        maxlength={props.max}
        required={lang === 'zh' && props.required}
        value={props.value?.[lang] ?? ''}
      />
    );
  return (
    <div class="pp-pair">
      <Field
        label={t('publicPage.inZh', { label: props.label })}
        name={fieldName(props.section, ...props.path(), 'zh')}
        error={props.error}
      >
        {input('zh')}
      </Field>
      <Field
        label={t('publicPage.inEn', { label: props.label })}
        name={fieldName(props.section, ...props.path(), 'en')}
        error={props.error}
      >
        {input('en')}
      </Field>
    </div>
  );
}

export function BasicFields(props: { content: BasicContent | null; error: unknown }) {
  const { t } = useI18n();
  const c = () => props.content;
  const number = (key: 'founded' | 'students' | 'classes' | 'staff', min: number, max: number) => (
    <Field label={t(`publicPage.${key}`)} name={fieldName('basic', key)} error={props.error}>
      {(a) => <input {...a} type="number" inputmode="numeric" min={min} max={max} value={c()?.[key] ?? ''} />}
    </Field>
  );
  return (
    <>
      <IntroField section="basic" value={c()?.intro} max={2000} error={props.error} />
      <BilingualField
        section="basic"
        path={() => ['stage']}
        label={t('publicPage.stage')}
        value={c()?.stage}
        max={60}
        error={props.error}
      />
      <div class="pp-numbers">
        {number('founded', 1800, 2100)}
        {number('students', 0, 100_000)}
        {number('classes', 0, 100_000)}
        {number('staff', 0, 100_000)}
        <Field label={t('publicPage.phone')} name={fieldName('basic', 'phone')} error={props.error}>
          {(a) => <input {...a} type="tel" maxlength={30} value={c()?.phone ?? ''} />}
        </Field>
      </div>
    </>
  );
}

/** A section's paragraphs, in both languages. */
function IntroField(props: { section: PublicSection; value: Bilingual | undefined; max: number; error: unknown }) {
  const { t } = useI18n();
  return (
    <BilingualField
      section={props.section}
      path={() => ['intro']}
      label={t('publicPage.introLabel')}
      value={props.value}
      max={props.max}
      multiline
      error={props.error}
    />
  );
}

/**
 * Rows that may be added and removed, each a fieldset of its own ("第 2 条") keeping what was typed in it; a row's
 * fields are named by its place, so that removing one renames those after it.
 */
function Rows<T>(props: {
  initial: T[];
  legend: string;
  empty: string;
  add: string;
  rowName: (n: string) => string;
  removeName: (n: string) => string;
  children: (row: T | undefined, i: () => number) => JSX.Element;
}) {
  const [rows, setRows] = createSignal(props.initial.map((value) => ({ value: value as T | undefined })));
  return (
    <fieldset class="pp-rows">
      <legend>{props.legend}</legend>
      <For each={rows()} fallback={<p class="muted">{props.empty}</p>}>
        {(row, i) => (
          <fieldset class="pp-row">
            <legend class="sr-only">{props.rowName(String(i() + 1))}</legend>
            {props.children(row.value, i)}
            <button type="button" onClick={() => setRows(rows().filter((r) => r !== row))}>
              {props.removeName(String(i() + 1))}
            </button>
          </fieldset>
        )}
      </For>
      <button type="button" onClick={() => setRows([...rows(), { value: undefined }])}>
        {props.add}
      </button>
    </fieldset>
  );
}

export function ListFields(props: { section: PublicSection; content: ListContent | null; error: unknown }) {
  const { t } = useI18n();
  const text = (i: () => number, key: 'name' | 'detail', value: Bilingual | undefined) => (
    <BilingualField
      section={props.section}
      path={() => ['items', i(), key]}
      label={t(key === 'name' ? 'publicPage.itemName' : 'publicPage.itemDetail')}
      value={value}
      max={key === 'name' ? 100 : 500}
      required={key === 'name'}
      error={props.error}
    />
  );
  return (
    <>
      <IntroField section={props.section} value={props.content?.intro} max={3000} error={props.error} />
      <Rows
        initial={props.content?.items ?? []}
        legend={t('publicPage.items')}
        empty={t('publicPage.noItems')}
        add={t('publicPage.addItem')}
        rowName={(n) => t('publicPage.itemN', { n })}
        removeName={(n) => t('publicPage.removeItem', { n })}
      >
        {(item, i) => (
          <>
            {text(i, 'name', item?.name)}
            {text(i, 'detail', item?.detail)}
          </>
        )}
      </Rows>
    </>
  );
}

export function FeeFields(props: { content: FeesContent | null; error: unknown }) {
  const { t } = useI18n();
  const text = (i: () => number, key: 'name' | 'basis' | 'authority', max: number, value?: Bilingual) => (
    <BilingualField
      section="fees"
      path={() => ['items', i(), key]}
      label={t(`publicPage.${key === 'name' ? 'fee' : key}`)}
      value={value}
      max={max}
      required
      error={props.error}
    />
  );
  return (
    <>
      <IntroField section="fees" value={props.content?.intro} max={2000} error={props.error} />
      <Rows
        initial={props.content?.items ?? []}
        legend={t('publicPage.sections.fees')}
        empty={t('publicPage.noFees')}
        add={t('publicPage.addFee')}
        rowName={(n) => t('publicPage.feeN', { n })}
        removeName={(n) => t('publicPage.removeFee', { n })}
      >
        {(fee, i) => (
          <>
            {text(i, 'name', 100, fee?.name)}
            <div class="pp-numbers">
              <Field
                label={t('publicPage.amount')}
                name={fieldName('fees', 'items', i(), 'amount')}
                error={props.error}
              >
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    inputmode="decimal"
                    min={0}
                    step="0.01"
                    required
                    value={fee?.amount ?? ''}
                  />
                )}
              </Field>
              <Field label={t('publicPage.per')} name={fieldName('fees', 'items', i(), 'per')} error={props.error}>
                {(a) => (
                  <select {...a}>
                    <For each={feePeriods}>
                      {(p: FeePeriod) => (
                        <option value={p} selected={(fee?.per ?? 'term') === p}>
                          {t('publicPage.periods')[p]}
                        </option>
                      )}
                    </For>
                  </select>
                )}
              </Field>
              <Field
                label={t('publicPage.complaintsPhone')}
                name={fieldName('fees', 'items', i(), 'complaintsPhone')}
                error={props.error}
              >
                {(a) => <input {...a} type="tel" maxlength={30} required value={fee?.complaintsPhone ?? ''} />}
              </Field>
            </div>
            {text(i, 'basis', 300, fee?.basis)}
            {text(i, 'authority', 200, fee?.authority)}
          </>
        )}
      </Rows>
    </>
  );
}

/** Shown under a section that the page fills by itself too: what it lists, or how to have it listed. */
export function ListedNote(props: { titles: string[]; kind: 'Courses' | 'Resources' | 'Facilities' }) {
  const { t } = useI18n();
  return (
    <p class="muted">
      <Show when={props.titles.length} fallback={t(`publicPage.noListed${props.kind}`)}>
        {t(`publicPage.listed${props.kind}`, { titles: props.titles.join(t('common.separator')) })}
      </Show>
    </p>
  );
}
