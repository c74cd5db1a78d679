import { For } from 'solid-js';
import type { Clash } from '../../../../shared/schemas/lessons';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** What the new lesson clashes with in the classrooms' other lessons, before anything is saved; "schedule anyway". */
export function ClashNotice(props: { clashes: Clash[]; busy: boolean; onScheduleAnyway: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div class="notice error" role="alert">
      <p>{t('lessons.clashes')}</p>
      <ul>
        <For each={props.clashes}>
          {(c) => (
            <li>
              {t('lessons.clashLine', {
                classroom: c.classroomName,
                when: formatDateTime(c.startsAt, locale()),
                title: c.title,
              })}
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="danger" disabled={props.busy} onClick={() => props.onScheduleAnyway()}>
        {t('lessons.scheduleAnyway')}
      </button>
    </div>
  );
}
