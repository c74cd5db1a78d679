// One lesson: when, who, materials, the caller's button; for the teacher, move or cancel; after it starts,
// attendance (teacher and the group) and feedback (assistants write, observers evaluate, the teacher reads).
import { A, createAsync, useAction, useParams } from '@solidjs/router';
import { createSignal, For, Show, untrack } from 'solid-js';
import { rubricCriteria } from '../../../../shared/lessons';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { hhmm, toLocal } from '../../../../shared/time';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { isoOf } from '../../lib/beijing';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { LessonAction, LessonWhen } from './lesson-action';
import { cancelLesson, moveLesson, saveFeedback } from './lessons.actions';
import { getAttendance, getFeedback, getLesson } from './lessons.queries';

export function LessonPage() {
  const { t } = useI18n();
  const params = useParams();
  const data = createAsync(() => getLesson(params.id!));
  return (
    <Show when={data()}>
      {(d) => {
        const l = () => d().lesson;
        const started = () =>
          l().status === 'live' ||
          l().status === 'ended' ||
          (l().status === 'scheduled' && new Date(l().startsAt).getTime() <= Date.now());
        return (
          <>
            <p>
              <A href="/lessons">← {t('lessons.title')}</A>
            </p>
            <div class="spread">
              <h1>{l().title}</h1>
              <span class={`badge status-${l().status}`}>
                {t(`lessons.status.${l().status}` as 'lessons.status.live')}
              </span>
            </div>
            <p class="muted">
              <LessonWhen lesson={l()} /> · {t('lessons.by', { teacher: l().teacherName, school: l().schoolName })}
            </p>
            <Show when={l().cancelReason}>
              <p class="notice info">{l().cancelReason}</p>
            </Show>
            <LessonAction lesson={l()} big />
            <div class="grid">
              <section class="card">
                <h2>{t('lessons.classrooms')}</h2>
                <ul class="plain">
                  <For each={l().classrooms}>
                    {(c) => (
                      <li>
                        {c.schoolName} {c.name}
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={l().materials.length}>
                  <h3>{t('library.title')}</h3>
                  <ul class="plain">
                    <For each={l().materials}>
                      {(m) => (
                        <li>
                          <A href={`/library/${m.id}`}>{m.title}</A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <Show when={l().myRole === 'teacher' && l().status === 'scheduled'}>
                <ChangeCard lesson={l()} />
              </Show>
              <Show when={(l().myRole === 'teacher' || l().myRole === 'observer') && l().status !== 'scheduled'}>
                <AttendanceCard lessonId={l().id} />
              </Show>
              <Show when={started() && l().status !== 'cancelled'}>
                <FeedbackCard lesson={l()} />
              </Show>
            </div>
          </>
        );
      }}
    </Show>
  );
}

function AttendanceCard(props: { lessonId: string }) {
  const { t, locale } = useI18n();
  const att = createAsync(() => getAttendance(props.lessonId));
  const time = (v: string | null) => (v ? formatTime(v, locale()) : '—');
  return (
    <section class="card wide" aria-labelledby="att-title">
      <h2 id="att-title">{t('lessons.attendance')}</h2>
      <p class="muted">{t('lessons.attendanceHint')}</p>
      <Show when={att()}>
        {(a) => (
          <>
            <div class="table-wrap">
              <table class="attendance">
                <thead>
                  <tr>
                    <th>{t('lessons.classrooms')}</th>
                    <th>{t('lessons.firstJoined')}</th>
                    <th>{t('lessons.lastLeft')}</th>
                    <th>{t('lessons.minutesPresent')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={a().items}>
                    {(r) => (
                      <tr>
                        <td>
                          {r.schoolName} {r.name}{' '}
                          <Show when={r.present}>
                            <span class="badge live">{t('lessons.presentNow')}</span>
                          </Show>
                        </td>
                        <td>{time(r.firstJoinedAt)}</td>
                        <td>{r.present ? '—' : time(r.lastLeftAt)}</td>
                        <td>
                          {r.firstJoinedAt ? t('lessons.minutes', { n: String(r.minutes) }) : t('lessons.absent')}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <p class="muted">{t('lessons.teacherMinutes', { n: String(a().teacherMinutes) })}</p>
          </>
        )}
      </Show>
    </section>
  );
}

function ChangeCard(props: { lesson: Lesson }) {
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
        <button onClick={move}>{t('lessons.move')}</button>
      </div>
      <div class="row">
        <label>
          {t('lessons.cancelReason')}
          <input maxLength={200} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <button class="danger" onClick={cancel}>
          {t('lessons.cancel')}
        </button>
      </div>
    </section>
  );
}

type Feedback = NonNullable<Awaited<ReturnType<typeof getFeedback>>>['items'][number];

function Stars(p: { value: number; onPick: (n: number) => void; label: string }) {
  return (
    <div class="stars" role="radiogroup" aria-label={p.label}>
      <For each={[1, 2, 3, 4, 5]}>
        {(n) => (
          <button
            type="button"
            role="radio"
            aria-checked={p.value === n}
            aria-label={`${n}`}
            classList={{ on: n <= p.value }}
            onClick={() => p.onPick(n)}
          >
            ★
          </button>
        )}
      </For>
    </div>
  );
}

function FeedbackCard(props: { lesson: Lesson }) {
  const { t, locale } = useI18n();
  const list = createAsync(() => getFeedback(props.lesson.id));
  const observer = () => props.lesson.myRole === 'observer';
  return (
    <section class="card stack" aria-labelledby="fb-title">
      <h2 id="fb-title">
        {props.lesson.myRole === 'teacher'
          ? t('lessons.feedbackAll')
          : observer()
            ? t('lessons.evaluate')
            : t('lessons.feedback')}
      </h2>
      <Show when={props.lesson.myRole === 'teacher'}>
        <Show when={list()?.items.length} fallback={<p class="muted">{t('lessons.noFeedback')}</p>}>
          <ul class="plain">
            <For each={list()!.items}>
              {(f) => (
                <li>
                  <strong>
                    {f.kind === 'observer'
                      ? t('lessons.evaluationBy', { name: f.authorName })
                      : t('lessons.feedbackBy', { name: f.authorName, classroom: f.classroomName ?? '' })}
                  </strong>{' '}
                  {'★'.repeat(f.rating)}
                  <Show when={f.rubric}>
                    {(r) => (
                      <p class="muted">
                        {rubricCriteria
                          .map((k) => `${t(`lessons.rubric.${k}` as 'lessons.rubric.goals')} ${r()[k] ?? '—'}`)
                          .join(' · ')}
                      </p>
                    )}
                  </Show>
                  <Show when={f.comment}>
                    <p>{f.comment}</p>
                  </Show>
                  <Show when={f.questions}>
                    <p>{t('lessons.questionsLine', { q: f.questions })}</p>
                  </Show>
                  <p class="muted">{formatTime(f.updatedAt, locale())}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={(props.lesson.myRole === 'classroom' || observer()) && list()}>
        {(l) => <FeedbackForm lessonId={props.lesson.id} observer={observer()} saved={l().items.find((f) => f.mine)} />}
      </Show>
    </section>
  );
}

/** An assistant's feedback or an observer's evaluation, starting from what they saved before (if anything). */
function FeedbackForm(props: { lessonId: string; observer: boolean; saved: Feedback | undefined }) {
  const { t } = useI18n();
  const before = untrack(() => props.saved);
  const [rating, setRating] = createSignal(before?.rating ?? 0);
  const [comment, setComment] = createSignal(before?.comment ?? '');
  const [questions, setQuestions] = createSignal(before?.questions ?? '');
  const [rubric, setRubric] = createSignal<Record<string, number>>(before?.rubric ?? {});
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const send = useAction(saveFeedback);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await send(props.lessonId, {
        rating: rating(),
        comment: comment(),
        questions: questions(),
        ...(props.observer ? { rubric: rubric() as never } : {}),
      });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack" onSubmit={save}>
      <ErrorNotice error={error()} />
      <Show when={saved()}>
        <OkNotice>{t('lessons.feedbackSaved')}</OkNotice>
      </Show>
      <Stars value={rating()} onPick={setRating} label={t('lessons.rating')} />
      <Show when={props.observer}>
        <For each={rubricCriteria}>
          {(k) => (
            <div class="spread">
              <span>{t(`lessons.rubric.${k}` as 'lessons.rubric.goals')}</span>
              <Stars
                value={rubric()[k] ?? 0}
                onPick={(n) => setRubric((r) => ({ ...r, [k]: n }))}
                label={t(`lessons.rubric.${k}` as 'lessons.rubric.goals')}
              />
            </div>
          )}
        </For>
      </Show>
      <label>
        {props.observer ? t('lessons.evaluationComment') : t('lessons.howItWent')}
        <textarea rows={3} maxLength={2000} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <Show when={!props.observer}>
        <label>
          {t('lessons.questionsLabel')}
          <textarea
            rows={3}
            maxLength={2000}
            value={questions()}
            onInput={(e) => setQuestions(e.currentTarget.value)}
          />
        </label>
      </Show>
      <button type="submit" class="primary">
        {t('common.save')}
      </button>
    </form>
  );
}
