// A master teacher schedules a live lesson (or a weekly series) for chosen classrooms, with library materials.
// Clashes with the classrooms' other lessons come back before anything is saved, with "schedule anyway".
import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { subjects } from '../../../../shared/enums';
import type { Clash } from '../../../../shared/schemas/lessons';
import { toLocal } from '../../../../shared/time';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { isoOf } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { ClashNotice } from './clash-notice';
import { ClassroomPicker } from './classroom-picker';
import { scheduleLesson } from './lessons.actions';
import { MaterialsPicker } from './materials-picker';

const todayInBeijing = () => toLocal(new Date()).date;

export function ScheduleForm(props: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const schedule = useAction(scheduleLesson);
  const [title, setTitle] = createSignal('');
  const [subject, setSubject] = createSignal<(typeof subjects)[number]>('math');
  const [grade, setGrade] = createSignal(4);
  const [date, setDate] = createSignal(todayInBeijing());
  const [time, setTime] = createSignal('10:00');
  const [minutes, setMinutes] = createSignal(40);
  const [weeks, setWeeks] = createSignal(1);
  const [picked, setPicked] = createSignal<string[]>([]);
  const [materials, setMaterials] = createSignal<{ id: string; title: string }[]>([]);
  const [error, setError] = createSignal<unknown>(null);
  const [clashes, setClashes] = createSignal<Clash[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');

  const submit = async (allowClashes = false) => {
    setBusy(true);
    setError(null);
    try {
      const startsAt = isoOf(date(), time());
      const endsAt = new Date(new Date(startsAt).getTime() + minutes() * 60_000).toISOString();
      const res = await schedule({
        title: title(),
        subject: subject(),
        grade: grade(),
        startsAt,
        endsAt,
        classroomIds: picked(),
        resourceIds: materials().map((m) => m.id),
        weeks: weeks(),
        allowClashes,
      });
      setClashes([]);
      setDone(
        res.lessons.length > 1
          ? t('lessons.scheduledSeries', { n: String(res.lessons.length), title: res.lesson.title })
          : t('lessons.scheduled', { title: res.lesson.title }),
      );
      setTimeout(props.onDone, 600);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.details?.clashes)
        setClashes(err.details.clashes as Clash[]);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <form
      class="card stack schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('lessons.schedule')}</h2>
      <p class="muted">{t('lessons.scheduleHint')}</p>
      <ErrorNotice
        error={error()}
        fields={{
          title: t('lessons.titleLabel'),
          subject: t('lessons.subjectLabel'),
          grade: t('lessons.gradeLabel'),
          startsAt: t('lessons.dateLabel'),
          endsAt: t('lessons.minutesLabel'),
          weeks: t('lessons.weeksLabel'),
        }}
      />
      <Field label={t('lessons.titleLabel')} name="title" error={error()}>
        {(a) => (
          <input {...a} required maxLength={120} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        )}
      </Field>
      <div class="row">
        <Field label={t('lessons.subjectLabel')} name="subject" error={error()}>
          {(a) => (
            <select {...a} value={subject()} onChange={(e) => setSubject(e.currentTarget.value as 'math')}>
              <For each={subjects}>{(s) => <option value={s}>{t('library.subjects')[s]}</option>}</For>
            </select>
          )}
        </Field>
        <Field label={t('lessons.gradeLabel')} name="grade" error={error()}>
          {(a) => (
            <select {...a} value={grade()} onChange={(e) => setGrade(Number(e.currentTarget.value))}>
              <For each={Array.from({ length: 12 }, (_, i) => i + 1)}>
                {(g) => <option value={g}>{t('library.grades')[String(g) as '1']}</option>}
              </For>
            </select>
          )}
        </Field>
      </div>
      <div class="row">
        <Field label={t('lessons.dateLabel')} name="startsAt" error={error()}>
          {(a) => <input {...a} type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} />}
        </Field>
        <Field label={t('lessons.startLabel')} name="time">
          {(a) => <input {...a} type="time" required value={time()} onInput={(e) => setTime(e.currentTarget.value)} />}
        </Field>
        <Field label={t('lessons.minutesLabel')} name="endsAt" error={error()}>
          {(a) => (
            <input
              {...a}
              type="number"
              min={10}
              max={240}
              step={5}
              required
              value={minutes()}
              onInput={(e) => setMinutes(Number(e.currentTarget.value))}
            />
          )}
        </Field>
        <Field label={t('lessons.weeksLabel')} name="weeks" hint={t('lessons.weeksHint')} error={error()}>
          {(a) => (
            <input
              {...a}
              type="number"
              min={1}
              max={20}
              value={weeks()}
              onInput={(e) => setWeeks(Number(e.currentTarget.value))}
            />
          )}
        </Field>
      </div>
      <ClassroomPicker picked={picked()} onToggle={toggle} />
      <MaterialsPicker materials={materials()} onChange={setMaterials} />
      <Show when={clashes().length}>
        <ClashNotice clashes={clashes()} busy={busy()} onScheduleAnyway={() => submit(true)} />
      </Show>
      <Show when={done()}>
        <OkNotice>{done()}</OkNotice>
      </Show>
      <div class="row">
        <button type="submit" class="primary" disabled={busy() || !picked().length}>
          {t('lessons.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
