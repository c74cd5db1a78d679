import { useAction } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { type LogActivity, logActivities } from '../../../../shared/enums';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { todayInBeijing } from '../../lib/beijing';
import { formatDay } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { lastDay } from './last-day';
import { addLog } from './placements.actions';

/**
 * A day in post, in one form: the day (today unless changed), hours, what was done, a note. Typing the hours and
 * pressing "记入日志" is all a usual day takes; the form empties for the next one and says what it logged.
 */
export function LogForm(props: { placement: Placement }) {
  const { t, locale } = useI18n();
  const id = createUniqueId();
  const log = useAction(addLog);
  const today = todayInBeijing();
  const last = () => [today, lastDay(props.placement.endsOn)].sort()[0] ?? today;
  const [on, setOn] = createSignal(today);
  const [hours, setHours] = createSignal('');
  const [activity, setActivity] = createSignal<LogActivity>('taught');
  const [note, setNote] = createSignal('');
  const { busy, error, run } = usePending();
  const [done, setDone] = createSignal('');
  const labels = () => ({
    on: t('exchanges.post.on'),
    hours: t('exchanges.post.hoursLabel'),
    activity: t('exchanges.post.activity'),
    note: t('exchanges.post.note'),
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    await run(async () => {
      setDone('');
      const entry = await log(props.placement.id, {
        on: on(),
        hours: Number(hours()),
        activity: activity(),
        note: note().trim(),
      });
      setDone(
        t('exchanges.post.logged', {
          day: formatDay(entry.on, locale()),
          activity: t('exchanges.post.activities')[entry.activity],
          hours: String(entry.hours),
        }),
      );
      setHours('');
      setNote('');
    });
  }

  return (
    <form class="log-form" aria-labelledby={`${id}-title`} onSubmit={submit} data-testid="log-form">
      <h3 id={`${id}-title`}>{t('exchanges.post.logTitle')}</h3>
      <div class="log-fields">
        <Field label={labels().on} name="on" error={error()}>
          {(a) => (
            <input
              {...a}
              type="date"
              required
              min={props.placement.startsOn}
              max={last()}
              value={on()}
              onInput={(e) => setOn(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={labels().hours} name="hours" error={error()}>
          {(a) => (
            <input
              {...a}
              type="number"
              inputmode="decimal"
              required
              min={0.5}
              max={24}
              step={0.5}
              value={hours()}
              onInput={(e) => setHours(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={labels().activity} name="activity" error={error()}>
          {(a) => (
            <select {...a} onChange={(e) => setActivity(e.currentTarget.value as LogActivity)}>
              <For each={logActivities}>
                {(x) => (
                  <option value={x} selected={x === activity()}>
                    {t('exchanges.post.activities')[x]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <Field label={labels().note} name="note" hint={t('exchanges.post.noteHint')} error={error()}>
        {(a) => <input {...a} maxlength={1000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={error()} fields={labels()} />
      <Show when={done()}>
        <OkNotice>{done()}</OkNotice>
      </Show>
      <button type="submit" class="primary" disabled={busy()}>
        {t('exchanges.post.submitLog')}
      </button>
    </form>
  );
}
