import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { hhmm, toLocal } from '../../../../shared/time';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { isoOf } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { cancelLesson, moveLesson } from './lessons.actions';

/** The teacher moves a scheduled lesson (or the rest of its series) or cancels it with a reason. */
export function LessonChangeCard(props: { lesson: Lesson }) {
  const { t } = useI18n();
  const [reason, setReason] = createSignal('');
  const [series, setSeries] = createSignal(false);
  const start = toLocal(new Date(props.lesson.startsAt));
  const [date, setDate] = createSignal(start.date);
  const [time, setTime] = createSignal(hhmm(start.minutes));
  const [error, setError] = createSignal<unknown>(null);
  const [ok, setOk] = createSignal('');
  const length = () => new Date(props.lesson.endsAt).getTime() - new Date(props.lesson.startsAt).getTime();
  const doMove = useAction(moveLesson);
  const doCancel = useAction(cancelLesson);
  const run = async (f: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await f();
      setOk(message);
    } catch (err) {
      setError(err);
    }
  };
  const move = () => {
    const startsAt = isoOf(date(), time());
    const endsAt = new Date(new Date(startsAt).getTime() + length()).toISOString();
    return run(() => doMove(props.lesson.id, { startsAt, endsAt, series: series() }), t('lessons.moved'));
  };
  const cancel = () => {
    if (!confirm(t('lessons.cancelConfirm'))) return;
    return run(() => doCancel(props.lesson.id, { reason: reason(), series: series() }), t('lessons.cancelled'));
  };
  return (
    <section class="card stack" aria-labelledby="change-title">
      <h2 id="change-title">{t('lessons.change')}</h2>
      <ErrorNotice error={error()} />
      <Show when={ok()}>
        <OkNotice>{ok()}</OkNotice>
      </Show>
      <Show when={props.lesson.seriesId}>
        <label class="check">
          <input type="checkbox" checked={series()} onChange={(e) => setSeries(e.currentTarget.checked)} />{' '}
          {t('lessons.andFollowing')}
        </label>
      </Show>
      <div class="row">
        <label>
          {t('lessons.dateLabel')}
          <input type="date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label>
          {t('lessons.startLabel')}
          <input type="time" value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={move}>
          {t('lessons.move')}
        </button>
      </div>
      <div class="row">
        <label>
          {t('lessons.cancelReason')}
          <input maxLength={200} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <button type="button" class="danger" onClick={cancel}>
          {t('lessons.cancel')}
        </button>
      </div>
    </section>
  );
}
