// The classroom's big screen (JOURNEYS 3) and the observer's view: joins at once (the click was on the home
// page), full screen, the teacher's screen share large with the camera inset (camera large when nothing is
// shared), sound on or one "start sound" button, raise hand, an on-air sign while allowed to speak, a recording
// sign while the teacher records. It says when it reconnects, when the link is weak, and when the live server cannot
// be reached (and retries by itself). Once the lesson is over only what to do next remains.
import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { ChatPanel } from './chat-panel';
import { getLesson } from './lessons.queries';
import { createLiveRoom } from './live-room';
import { VideoView } from './media';
import { myCamera, teacherTracks } from './room-tracks';
import { StageBottom } from './stage-bottom';
import { StageMessages, StageStatus } from './stage-status';

/** While these last the lesson is on for this page (or coming back); otherwise its buttons would do nothing. */
const IN_LESSON = new Set(['connecting', 'connected', 'reconnecting', 'retrying']);

export function LivePage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const lesson = createAsync(() => getLesson(params.id));
  const live = createLiveRoom(params.id);
  const [full, setFull] = createSignal(!!document.fullscreenElement);
  const [chatOpen, setChatOpen] = createSignal(false);
  let stage!: HTMLDivElement;

  const enterFull = () => stage.requestFullscreen?.().catch(() => {});
  const onFull = () => setFull(!!document.fullscreenElement);
  onMount(() => {
    document.addEventListener('fullscreenchange', onFull);
    // The click that opened this page still counts as the person's gesture: full screen and sound can start.
    void enterFull();
    void live.connect();
  });
  onCleanup(() => {
    document.removeEventListener('fullscreenchange', onFull);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  });

  const media = () => teacherTracks(live);
  const main = () => media().screen ?? media().camera;
  // While the link keeps the camera paused for the sound and the shared screen (link-mode.ts), no frozen face is shown.
  const inset = () => (media().screen && live.linkMode() === 'full' ? media().camera : undefined);
  const isClassroom = () => live.role() === 'classroom';
  const inLesson = () => IN_LESSON.has(live.phase());

  return (
    <div class="stage" ref={stage} data-phase={live.phase()}>
      <div class="stage-top">
        {/* Its own boundary: the room connects while the title is still on its way. */}
        <Suspense>
          <strong>{lesson()?.lesson.title}</strong>
          <span class="muted">{lesson()?.lesson.teacherName}</span>
        </Suspense>
        <Show when={inLesson() && live.recording()}>
          <span class="badge live stage-recording" role="status">
            ● {t('lessons.recordingNow')}
          </span>
        </Show>
        <span class="stage-actions">
          <Show when={inLesson() && live.audioBlocked()}>
            <button type="button" class="primary big" onClick={() => live.startAudio()}>
              {t('lessons.startSound')}
            </button>
          </Show>
          <button type="button" onClick={() => (full() ? document.exitFullscreen() : enterFull())}>
            {full() ? t('lessons.exitFullscreen') : t('lessons.fullscreen')}
          </button>
          <Show when={inLesson()}>
            <button type="button" onClick={() => setChatOpen(!chatOpen())} aria-pressed={chatOpen()}>
              {t('lessons.chat')}
            </button>
            <A class="button" href="/" onClick={() => void live.leave()}>
              {t('lessons.leave')}
            </A>
          </Show>
        </span>
      </div>
      <StageStatus live={live} />
      <StageMessages live={live} lessonId={params.id} />
      <div class="stage-main">
        <Show
          when={main()}
          fallback={
            <Show when={live.phase() === 'connected'}>
              <p class="stage-waiting">{t('lessons.waitingTeacher')}</p>
            </Show>
          }
        >
          <VideoView track={main()} class="teacher-main" label={t('lessons.roles.teacher')} />
        </Show>
        <Show when={inset()}>
          <VideoView track={inset()} class="teacher-inset" label={t('lessons.camera')} />
        </Show>
        {/* While on air the classroom sees itself, as the others see it. */}
        <Show when={live.onAir() && myCamera(live)}>
          <VideoView track={myCamera(live)} class="self-inset" label={t('lessons.onAir')} mirror />
        </Show>
        <Show when={inLesson() && chatOpen()}>
          <div class="stage-chat">
            <ChatPanel live={live} readOnly={!isClassroom()} />
          </div>
        </Show>
      </div>
      <Show when={isClassroom() && inLesson()}>
        <StageBottom live={live} />
      </Show>
      <ErrorNotice error={live.phase() === 'connected' ? live.error() : null} />
    </div>
  );
}
