import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n';

export interface When {
  date: string;
  time: string;
  minutes: number;
  weeks: number;
}

/** When a lesson takes place: date, start time, length and how many weeks it repeats. */
export function ScheduleWhen(props: { when: When; onChange: (next: Partial<When>) => void; error: unknown }) {
  const { t } = useI18n();
  return (
    <div class="row">
      <Field label={t('lessons.dateLabel')} name="startsAt" error={props.error}>
        {(a) => (
          <input
            {...a}
            type="date"
            required
            value={props.when.date}
            onInput={(e) => props.onChange({ date: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('lessons.startLabel')} name="time">
        {(a) => (
          <input
            {...a}
            type="time"
            required
            value={props.when.time}
            onInput={(e) => props.onChange({ time: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('lessons.minutesLabel')} name="endsAt" error={props.error}>
        {(a) => (
          <input
            {...a}
            type="number"
            min={10}
            max={240}
            step={5}
            required
            value={props.when.minutes}
            onInput={(e) => props.onChange({ minutes: Number(e.currentTarget.value) })}
          />
        )}
      </Field>
      <Field label={t('lessons.weeksLabel')} name="weeks" hint={t('lessons.weeksHint')} error={props.error}>
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            max={20}
            value={props.when.weeks}
            onInput={(e) => props.onChange({ weeks: Number(e.currentTarget.value) })}
          />
        )}
      </Field>
    </div>
  );
}
