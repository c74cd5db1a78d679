import { For } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** For a group leader, who belongs to no school: which school the resources are shared from. */
export function SchoolSelect(props: {
  schools: { id: string; name: string }[];
  selected: string | undefined;
  disabled: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for="upload-school">{t('library.forSchool')}</label>
      <select id="upload-school" disabled={props.disabled} onChange={(e) => props.onSelect(e.currentTarget.value)}>
        <For each={props.schools}>
          {(s) => (
            <option value={s.id} selected={s.id === props.selected}>
              {s.name}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
