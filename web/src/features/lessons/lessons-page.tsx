// Live lessons: one's own (teaching or attending) and those one may observe; master teachers schedule here.
import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { LessonAction, LessonWhen } from './lesson-action';
import { getLessonDefaults, getLessons } from './lessons.queries';
import { ScheduleForm } from './schedule-form';

export function LessonsPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [scope, setScope] = createSignal<'mine' | 'upcoming' | 'past'>('mine');
  const lessons = createAsync(() => getLessons(scope()));
  const [scheduling, setScheduling] = createSignal(false);
  const isMaster = () => {
    const m = me();
    return !!m && rolesOf(m).isMaster;
  };
  // Asked for as the page opens, so the form opens filled in.
  const defaults = createAsync(() => (isMaster() ? getLessonDefaults() : Promise.resolve(undefined)));
  return (
    <>
      <div class="spread">
        <h1>{t('lessons.title')}</h1>
        <Show when={isMaster() && !scheduling()}>
          <button type="button" class="primary" onClick={() => setScheduling(true)}>
            {t('lessons.schedule')}
          </button>
        </Show>
      </div>
      <Suspense>
        <Show when={scheduling() && defaults()}>
          {(d) => (
            <ScheduleForm defaults={d()} onDone={() => setScheduling(false)} onCancel={() => setScheduling(false)} />
          )}
        </Show>
      </Suspense>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle chips, not a form section (no fieldset border) */}
      <div class="chips" role="group">
        <button type="button" aria-pressed={scope() === 'mine'} onClick={() => setScope('mine')}>
          {t('lessons.mine')}
        </button>
        <button type="button" aria-pressed={scope() === 'upcoming'} onClick={() => setScope('upcoming')}>
          {t('lessons.upcoming')}
        </button>
        <button type="button" aria-pressed={scope() === 'past'} onClick={() => setScope('past')}>
          {t('lessons.past')}
        </button>
      </div>
      <Show when={lessons()}>
        {(list) => (
          <Show
            when={list().items.length}
            fallback={
              <div class="card">
                <EmptyState
                  title={t('lessons.none')}
                  hint={
                    scope() === 'mine'
                      ? t('lessons.noneHint')
                      : scope() === 'past'
                        ? undefined
                        : t('lessons.noneObserve')
                  }
                />
              </div>
            }
          >
            <ul class="plain lesson-list">
              <For each={list().items}>{(l) => <LessonRow lesson={l} />}</For>
            </ul>
          </Show>
        )}
      </Show>
    </>
  );
}

function LessonRow(props: { lesson: Lesson }) {
  const { t } = useI18n();
  const l = () => props.lesson;
  return (
    <li class="card lesson-row" data-status={l().status}>
      <div class="spread">
        <div>
          <h2>
            <A href={`/lessons/${l().id}`}>{l().title}</A>
          </h2>
          <p class="muted">
            <LessonWhen lesson={l()} /> · {t('lessons.by', { teacher: l().teacherName, school: l().schoolName })}
          </p>
          <p>
            {l()
              .classrooms.map((c) => `${c.schoolName} ${c.name}`)
              .join(t('common.separator'))}
          </p>
        </div>
        <div class="stack">
          <span class={`badge status-${l().status}`}>{t(`lessons.status.${l().status}` as 'lessons.status.live')}</span>
          <Show when={l().myRole}>
            {(r) => <span class="badge">{t(`lessons.roles.${r()}` as 'lessons.roles.teacher')}</span>}
          </Show>
        </div>
      </div>
      <LessonAction lesson={l()} />
    </li>
  );
}
