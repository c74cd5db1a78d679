import { For } from 'solid-js';
import { type Subject, subjects } from '../../../../shared/enums';
import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n';

const grades = Array.from({ length: 12 }, (_, i) => i + 1);

/** A lesson's subject and grade; empty (to be picked) when there was nothing to start from. */
export function SubjectGradeFields(props: {
  subject: Subject | '';
  grade: number | '';
  onSubject: (s: Subject) => void;
  onGrade: (g: number) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  return (
    <div class="row">
      <Field label={t('lessons.subjectLabel')} name="subject" error={props.error}>
        {(a) => (
          <Choice
            attrs={a}
            options={subjects}
            value={props.subject}
            label={(s) => t('library.subjects')[s]}
            onPick={(v) => props.onSubject(v as Subject)}
          />
        )}
      </Field>
      <Field label={t('lessons.gradeLabel')} name="grade" error={props.error}>
        {(a) => (
          <Choice
            attrs={a}
            options={grades}
            value={props.grade}
            label={(g) => t('library.grades')[String(g) as '1']}
            onPick={(v) => props.onGrade(Number(v))}
          />
        )}
      </Field>
    </div>
  );
}

/**
 * A required choice with "please choose" first; each option says whether it is the one (a select's value set before
 * its options exist would not hold).
 */
function Choice<T extends string | number>(props: {
  attrs: object;
  options: readonly T[];
  value: T | '';
  label: (v: T) => string;
  onPick: (raw: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select {...props.attrs} required onChange={(e) => props.onPick(e.currentTarget.value)}>
      <option value="" disabled selected={props.value === ''}>
        {t('library.choose')}
      </option>
      <For each={props.options}>
        {(o) => (
          <option value={o} selected={o === props.value}>
            {props.label(o)}
          </option>
        )}
      </For>
    </select>
  );
}
