import { createAsync } from '@solidjs/router';
import { For } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { getClassrooms } from '../orgs/orgs.queries';

/** The classrooms to invite, by school and name. */
export function ClassroomPicker(props: { picked: string[]; onToggle: (id: string) => void }) {
  const { t } = useI18n();
  const rooms = createAsync(() => getClassrooms());
  const sorted = () =>
    [...(rooms()?.items ?? [])].sort((a, b) =>
      `${a.schoolName}${a.name}`.localeCompare(`${b.schoolName}${b.name}`, 'zh-CN'),
    );
  return (
    <fieldset>
      <legend>
        {t('lessons.classroomsLabel')} <span class="hint">{t('lessons.classroomsHint')}</span>
      </legend>
      <div class="check-grid">
        <For each={sorted()}>
          {(r) => (
            <label class="check">
              <input
                type="checkbox"
                name="classroomIds"
                value={r.id}
                checked={props.picked.includes(r.id)}
                onChange={() => props.onToggle(r.id)}
              />{' '}
              {r.schoolName} {r.name}
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
