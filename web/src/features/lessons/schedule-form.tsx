// A master teacher schedules a live lesson (or a weekly series) for chosen classrooms, with library materials,
// starting from what they usually teach and their latest lesson (GET /api/lessons/defaults): from the lesson list a
// title, a date and a time are all it takes. Recording is a choice here, off unless ticked. Clashes with the
// classrooms' other lessons come back before anything is saved, with "schedule anyway".
import { useAction } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Subject } from '../../../../shared/enums';
import type { Clash, LessonDefaults } from '../../../../shared/schemas/lessons';
import { hhmm, toLocal } from '../../../../shared/time';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { isoOf } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { ClashNotice } from './clash-notice';
import { ClassroomPicker } from './classroom-picker';
import { scheduleLesson } from './lessons.actions';
import { MaterialsPicker } from './materials-picker';
import { ScheduleWhen, type When } from './schedule-when';
import { SubjectGradeFields } from './subject-grade';

/** Today in Beijing if `time` is still ahead today, otherwise tomorrow. */
const nextDateAt = (time: string) => {
  const now = toLocal(new Date());
  return time > hhmm(now.minutes) ? now.date : toLocal(new Date(Date.now() + 86_400_000)).date;
};

export function ScheduleForm(props: { defaults: LessonDefaults; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const schedule = useAction(scheduleLesson);
  const start = props.defaults.time ?? '10:00';
  const [title, setTitle] = createSignal('');
  // Nothing to go on: the teacher picks (the selects are required), rather than a subject that is not theirs.
  const [subject, setSubject] = createSignal<Subject | ''>(props.defaults.subject ?? '');
  const [grade, setGrade] = createSignal<number | ''>(props.defaults.grade ?? '');
  const [when, setWhen] = createSignal<When>({
    date: nextDateAt(start),
    time: start,
    minutes: props.defaults.minutes ?? 40,
    weeks: 1,
  });
  const [record, setRecord] = createSignal(false);
  const [picked, setPicked] = createSignal<string[]>(props.defaults.classroomIds);
  const [materials, setMaterials] = createSignal<{ id: string; title: string }[]>([]);
  const [error, setError] = createSignal<unknown>(null);
  const [clashes, setClashes] = createSignal<Clash[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');

  const submit = async (allowClashes = false) => {
    setBusy(true);
    setError(null);
    try {
      const w = when();
      const startsAt = isoOf(w.date, w.time);
      const endsAt = new Date(new Date(startsAt).getTime() + w.minutes * 60_000).toISOString();
      const res = await schedule({
        title: title(),
        subject: subject() as Subject,
        grade: Number(grade()),
        startsAt,
        endsAt,
        classroomIds: picked(),
        resourceIds: materials().map((m) => m.id),
        weeks: w.weeks,
        allowClashes,
        record: record(),
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
      <p class="muted">
        {t('lessons.scheduleHint')} <Show when={props.defaults.subject}>{t('lessons.prefilled')}</Show>
      </p>
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
      <SubjectGradeFields
        subject={subject()}
        grade={grade()}
        onSubject={setSubject}
        onGrade={setGrade}
        error={error()}
      />
      <ScheduleWhen when={when()} onChange={(x) => setWhen((w) => ({ ...w, ...x }))} error={error()} />
      <ClassroomPicker picked={picked()} onToggle={toggle} />
      <MaterialsPicker materials={materials()} onChange={setMaterials} />
      <label class="check">
        <input type="checkbox" checked={record()} onChange={(e) => setRecord(e.currentTarget.checked)} />{' '}
        {t('lessons.recordLesson')} <span class="hint">{t('lessons.recordHint')}</span>
      </label>
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
