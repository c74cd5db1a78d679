// The master teacher's console (JOURNEYS 4): preview with device choice → live; every invited classroom in a
// fixed order (by name) with a state light; a raised hand floats a notice and one click lets that classroom
// speak; one click stops it; screen share is one button; ending asks once, then shows attendance. The lesson's title,
// what is on (live, recording) and the raised hands stay at the top, the hands under the badges, never over them;
// once the lesson is over only what to do next remains.
import { A, createAsync, revalidate, useAction, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { ChatPanel } from './chat-panel';
import { ClassroomRoster } from './classroom-roster';
import { ConsoleCamera } from './console-camera';
import { ConnectionNotices, ConsoleEnded, ConsoleHeader } from './console-header';
import { createConsoleRecording } from './console-recording';
import { createHandNotices, HandNotices } from './hand-notices';
import { allowSpeaking, endLesson, muteClassroom } from './lessons.actions';
import { getAttendance, getLesson, lessonIsOver } from './lessons.queries';
import { createLiveRoom } from './live-room';
import { createLocalMedia } from './local-media';
import { RecordingUploadCard } from './recording-upload';
import { teacherAudioPreset } from './room-options';
import { createScreenShare } from './screen-share';

export function ConsolePage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const lesson = createAsync(() => getLesson(params.id));
  const setSpeak = useAction(allowSpeaking);
  const mute = useAction(muteClassroom);
  const closeLesson = useAction(endLesson);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const hands = createHandNotices();
  const live = createLiveRoom(params.id, {
    onHand: hands.raised,
    // On every connect, the first and any after a dropped connection: publish camera and microphone again.
    keepLocalTracks: true,
    onConnected: async () => {
      share.reset();
      const me = live.room.localParticipant;
      const audioPreset = teacherAudioPreset(lesson()?.lesson.subject);
      for (const x of media.tracks())
        if (!me.getTrackPublication(x.source)) await me.publishTrack(x, { simulcast: true, audioPreset });
      void recording.startIfWanted();
    },
  });
  const media = createLocalMedia(setError, () => !!lesson() && !over());
  const share = createScreenShare(live, (err) =>
    setError(new Error(t('lessons.shareFailed', { message: (err as Error).message }))),
  );
  const recording = createConsoleRecording({
    lessonId: params.id,
    lesson: () => lesson()?.lesson,
    live,
    media,
    onError: setError,
  });
  // The classrooms' big screens say when they are recorded.
  createEffect(() => live.announceRecording(recording.running()));
  const isLive = () => live.phase() === 'connected' || live.phase() === 'reconnecting';
  const over = () => live.phase() === 'ended' || lessonIsOver(lesson()?.lesson.status);
  // A hand stays up while its classroom is here and the lesson runs.
  const handsUp = () =>
    isLive() ? hands.all().filter((n) => live.peers().some((p) => p.identity === n.identity)) : [];

  // Closing the tab mid-lesson (or with a recording not yet filed) asks first.
  const guard = (e: BeforeUnloadEvent) => {
    if (recording.inBrowser() || live.phase() === 'connected') e.preventDefault();
  };
  window.addEventListener('beforeunload', guard);
  onCleanup(() => window.removeEventListener('beforeunload', guard));

  const goLive = async () => {
    setBusy(true);
    try {
      await live.connect();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const speak = async (identity: string, allowed: boolean) => {
    try {
      await setSpeak(params.id, identity, allowed);
      if (allowed) {
        live.clearHand(identity);
        hands.answered(identity);
      }
    } catch (err) {
      setError(err);
    }
  };
  /** Attendance arrives from LiveKit's webhooks: the lesson page is read afresh when it opens. */
  const toLessonPage = async () => {
    await revalidate([getLesson.key, getAttendance.key]);
    navigate(`/lessons/${params.id}`);
  };
  const end = async () => {
    if (!confirm(t('lessons.endConfirm'))) return;
    try {
      await recording.stopOnServerIfRunning();
      await closeLesson(params.id);
      await live.leave();
      if (await recording.fileInBrowserRecording()) await toLessonPage();
    } catch (err) {
      setError(err);
    }
  };
  const retryUpload = async () => {
    if (await recording.retry()) await toLessonPage();
  };

  return (
    <Show when={lesson()}>
      {(l) => (
        <div class="console">
          <div class="console-top">
            <ConsoleHeader title={l().lesson.title} recording={recording} isLive={isLive()} />
            <HandNotices notices={handsUp()} onLetSpeak={(n) => speak(n.identity, true)} onDismiss={hands.dismiss} />
          </div>
          <ErrorNotice error={error() ?? live.error()} />
          <Show when={recording.upload()}>
            {(u) => <RecordingUploadCard upload={u()} savedUrl={recording.savedUrl()} onRetry={retryUpload} />}
          </Show>
          <ConnectionNotices live={live} />
          <Show when={!over()} fallback={<ConsoleEnded lessonId={params.id} />}>
            <div class="console-layout">
              <ConsoleCamera
                media={media}
                recording={recording}
                isLive={isLive()}
                busy={busy()}
                sharing={share.sharing()}
                onGoLive={goLive}
                onToggleShare={share.toggle}
                onEnd={end}
              />
              <ClassroomRoster
                classrooms={l().lesson.classrooms}
                live={live}
                onSpeak={speak}
                onMute={(identity) => mute(params.id, identity).catch(setError)}
              />
              <Show when={isLive()}>
                <ChatPanel live={live} />
              </Show>
            </div>
            <Show when={!isLive()}>
              <p>
                <A href={`/lessons/${params.id}`}>{t('lessons.back')}</A>
              </p>
            </Show>
          </Show>
        </div>
      )}
    </Show>
  );
}
