// The master teacher's console (JOURNEYS 4): preview with device choice → live; every invited classroom in a
// fixed order (by name) with a state light; a raised hand floats a notice and one click lets that classroom
// speak; one click stops it; screen share is one button; ending asks once, then shows attendance.
import { A, createAsync, revalidate, useAction, useNavigate, useParams } from '@solidjs/router';
import {
  createLocalTracks,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
  Room,
  Track,
} from 'livekit-client';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { ChatPanel } from './chat-panel';
import {
  allowSpeaking,
  endLesson,
  fileRecording as fileRecordingAction,
  muteClassroom,
  startServerRecording,
  stopServerRecording,
} from './lessons.actions';
import { getAttendance, getLesson } from './lessons.queries';
import { cameraOf, createLiveRoom, micOf, type Peer } from './live-room';
import { SoundMeter, VideoView } from './media';
import { canRecord, type Recording, startRecording } from './recorder';

export function ConsolePage() {
  const { t } = useI18n();
  const params = useParams();
  const navigate = useNavigate();
  const lesson = createAsync(() => getLesson(params.id!));
  const setSpeak = useAction(allowSpeaking);
  const mute = useAction(muteClassroom);
  const closeLesson = useAction(endLesson);
  const startOnServer = useAction(startServerRecording);
  const stopOnServer = useAction(stopServerRecording);
  const fileOne = useAction(fileRecordingAction);
  const [notices, setNotices] = createSignal<{ id: number; identity: string; name: string }[]>([]);
  let noticeSeq = 0;
  const live = createLiveRoom(params.id!, {
    onHand: (p) =>
      setNotices((n) => [
        ...n.filter((x) => x.identity !== p.identity),
        { id: ++noticeSeq, identity: p.identity, name: p.name },
      ]),
    // On every connect, the first and any after a dropped connection: publish camera and microphone again.
    keepLocalTracks: true,
    onConnected: async () => {
      // A screen share does not survive a dropped connection: its capture stops; the teacher shares again with one
      // click.
      shared?.stop();
      shared = undefined;
      setSharing(false);
      const me = live.room.localParticipant;
      for (const t of local()) if (!me.getTrackPublication(t.source)) await me.publishTrack(t, { simulcast: true });
      if (record() && !recording() && !serverRecording()) void startRecordingSomewhere();
    },
  });
  const [local, setLocal] = createSignal<LocalTrack[]>([]);
  const [cams, setCams] = createSignal<MediaDeviceInfo[]>([]);
  const [mics, setMics] = createSignal<MediaDeviceInfo[]>([]);
  const [sharing, setSharing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  // Without LiveKit Egress here, the browser records what it publishes and files it in the library at the end.
  const [record, setRecord] = createSignal(canRecord());
  const [recording, setRecording] = createSignal<Recording | null>(null);
  const [serverRecording, setServerRecording] = createSignal(false);
  const [upload, setUpload] = createSignal<{ fraction: number; failed?: unknown; file?: File } | null>(null);
  const video = () => local().find((x) => x.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
  const audio = () => local().find((x) => x.kind === Track.Kind.Audio) as LocalAudioTrack | undefined;

  let gone = false;
  onMount(async () => {
    try {
      const tracks = await createLocalTracks({
        audio: true,
        video: { resolution: { width: 1280, height: 720, frameRate: 25 } },
      });
      if (gone) return tracks.forEach((x) => x.stop());
      setLocal(tracks);
      setCams(await Room.getLocalDevices('videoinput', false));
      setMics(await Room.getLocalDevices('audioinput', false));
    } catch (err) {
      setError(err);
    }
  });
  // Leaving the page mid-lesson: the camera goes off and a browser recording stops (the tab's close is guarded below).
  onCleanup(() => {
    gone = true;
    local().forEach((x) => x.stop());
    shared?.stop();
    void recording()?.stop();
  });
  const guard = (e: BeforeUnloadEvent) => {
    if (recording() || live.phase() === 'connected') e.preventDefault();
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
  let shared: { stop(): void } | undefined;
  const screenTrack = () => live.room.localParticipant.getTrackPublication(Track.Source.ScreenShare)?.track;
  const toggleShare = async () => {
    try {
      // Local tracks outlive an unpublish here (keepLocalTracks), so the capture is stopped by hand.
      const before = screenTrack();
      await live.room.localParticipant.setScreenShareEnabled(!sharing(), { audio: false, contentHint: 'detail' });
      if (sharing()) before?.stop();
      shared = sharing() ? undefined : screenTrack();
      setSharing(!sharing());
    } catch (err) {
      setError(new Error(t('lessons.shareFailed', { message: (err as Error).message })));
    }
  };
  const speak = async (p: { identity: string }, allowed: boolean) => {
    try {
      await setSpeak(params.id!, p.identity, allowed);
      if (allowed) {
        live.clearHand(p.identity);
        setNotices((n) => n.filter((x) => x.identity !== p.identity));
      }
    } catch (err) {
      setError(err);
    }
  };
  const end = async () => {
    if (!confirm(t('lessons.endConfirm'))) return;
    try {
      if (serverRecording()) await stopOnServer(params.id!).catch(() => {});
      await closeLesson(params.id!);
      await live.leave();
      const rec = recording();
      if (rec) {
        setRecording(null);
        const l = lesson()!.lesson;
        const file = new File([await rec.stop()], `${l.title}-课堂实录.webm`, { type: 'video/webm' });
        if (!(await fileRecording(file))) return;
      }
      await revalidate([getLesson.key, getAttendance.key]);
      navigate(`/lessons/${params.id}`);
    } catch (err) {
      setError(err);
    }
  };

  /**
   * LiveKit Egress records on the server where it is configured; otherwise (503) this browser records what it
   * publishes.
   */
  const startRecordingSomewhere = async () => {
    try {
      await startOnServer(params.id!);
      setServerRecording(true);
    } catch {
      const screen = () =>
        live.room.localParticipant.getTrackPublication(Track.Source.ScreenShare)?.track?.mediaStreamTrack;
      setRecording(
        startRecording(() => ({ camera: video()?.mediaStreamTrack, mic: audio()?.mediaStreamTrack, screen: screen() })),
      );
    }
  };

  /** Uploads the recording with a progress bar and files it with the lesson; on failure, offers to retry or save it. */
  const fileRecording = async (file: File): Promise<boolean> => {
    const l = lesson()!.lesson;
    setUpload({ fraction: 0, file });
    try {
      const meta = {
        title: `${l.title}（${t('lessons.recordingSuffix')}）`,
        subject: l.subject,
        grade: l.grade,
        kind: 'video' as const,
        visibility: 'group' as const,
      };
      await fileOne(l.id, file, meta, (fraction) => setUpload({ fraction, file }));
      setUpload(null);
      return true;
    } catch (err) {
      setUpload({ fraction: 0, failed: err, file });
      return false;
    }
  };
  // One object URL per recording file, released when it is no longer offered.
  const savedUrl = createMemo(() => {
    const file = upload()?.file;
    if (!file) return undefined;
    const url = URL.createObjectURL(file);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });
  const finish = async () => {
    const file = upload()?.file;
    if (file && !(await fileRecording(file))) return;
    await revalidate([getLesson.key, getAttendance.key]);
    navigate(`/lessons/${params.id}`);
  };

  const isLive = () => live.phase() === 'connected' || live.phase() === 'reconnecting';
  // Rows are the invited classrooms (stable objects, a fixed order by name); each reads its live state itself, so
  // a peer update (several a second while anyone speaks) re-renders a light, not the row with its video.
  const roster = createMemo(() =>
    (lesson()?.lesson.classrooms ?? [])
      .map((c) => ({ id: c.id, identity: `classroom:${c.id}`, label: `${c.schoolName} ${c.name}` }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
  );
  const peerOf = (identity: string) => live.peers().find((p) => p.identity === identity);
  const stateText = (p: Peer | undefined) =>
    !p
      ? t('lessons.notJoined')
      : p.hand
        ? t('lessons.handUp')
        : p.canPublish
          ? t('lessons.speaking')
          : p.quality === 'weak'
            ? t('lessons.weak')
            : t('lessons.connected');
  const light = (p: Peer | undefined) => (!p ? 'off' : p.hand ? 'hand' : p.quality === 'weak' ? 'weak' : 'on');

  return (
    <Show when={lesson()}>
      {(l) => (
        <div class="console">
          <div class="spread">
            <h1>{l().lesson.title}</h1>
            <span class="row">
              <Show when={recording() || serverRecording()}>
                <span class="badge live" title={serverRecording() ? t('lessons.recordingOnServer') : undefined}>
                  ● {t('lessons.recordingNow')}
                </span>
              </Show>
              <Show when={isLive()}>
                <span class="badge live" role="status">
                  {t('lessons.live')}
                </span>
              </Show>
            </span>
          </div>
          <ErrorNotice error={error() ?? live.error()} />
          <Show when={upload()}>
            {(u) => (
              <div class="card stack" role="status">
                <Show
                  when={!u().failed}
                  fallback={
                    <>
                      <ErrorNotice error={u().failed} />
                      <div class="row">
                        <button class="primary" onClick={finish}>
                          {t('lessons.retryUpload')}
                        </button>
                        <a class="button" href={savedUrl()} download={u().file!.name}>
                          {t('lessons.saveRecording')}
                        </a>
                      </div>
                    </>
                  }
                >
                  <label>
                    {t('lessons.uploadingRecording', { percent: String(Math.round(u().fraction * 100)) })}
                    <progress max={1} value={u().fraction} />
                  </label>
                </Show>
              </div>
            )}
          </Show>
          <Show when={live.phase() === 'reconnecting'}>
            <div class="notice info" role="status">
              {t('lessons.reconnecting')}
            </div>
          </Show>
          <Show when={live.phase() === 'retrying'}>
            <div class="notice info" role="status">
              {t('lessons.unavailable', { seconds: String(live.retryIn()) })}
            </div>
          </Show>
          <div class="hand-notices" aria-live="assertive">
            <For each={notices()}>
              {(n) => (
                <div class="hand-notice">
                  <span>
                    <span class="light hand" aria-hidden="true" /> {t('lessons.handNotice', { name: n.name })}
                  </span>
                  <button class="primary" onClick={() => speak(n, true)}>
                    {t('lessons.letSpeak')}
                  </button>
                  <button
                    class="link"
                    aria-label={t('common.close')}
                    onClick={() => setNotices((x) => x.filter((y) => y.id !== n.id))}
                  >
                    ×
                  </button>
                </div>
              )}
            </For>
          </div>
          <div class="console-layout">
            <section class="card">
              <Show when={!isLive()} fallback={<h2>{t('lessons.camera')}</h2>}>
                <h2>{t('lessons.preview')}</h2>
              </Show>
              <VideoView track={video()} class="self-view" label={t('lessons.camera')} mirror />
              <SoundMeter track={audio()} label={t('lessons.microphone')} />
              <Show when={!isLive()}>
                <div class="row">
                  <label>
                    {t('lessons.camera')}
                    <select onChange={(e) => video()?.restartTrack({ deviceId: e.currentTarget.value })}>
                      <For each={cams()}>{(d) => <option value={d.deviceId}>{d.label || d.deviceId}</option>}</For>
                    </select>
                  </label>
                  <label>
                    {t('lessons.microphone')}
                    <select onChange={(e) => audio()?.restartTrack({ deviceId: e.currentTarget.value })}>
                      <For each={mics()}>{(d) => <option value={d.deviceId}>{d.label || d.deviceId}</option>}</For>
                    </select>
                  </label>
                </div>
                <Show when={canRecord()}>
                  <label class="check">
                    <input type="checkbox" checked={record()} onChange={(e) => setRecord(e.currentTarget.checked)} />{' '}
                    {t('lessons.recordLesson')}
                  </label>
                </Show>
                <button class="primary big" disabled={busy() || !local().length} onClick={goLive}>
                  {busy() ? t('lessons.going') : t('lessons.goLive')}
                </button>
              </Show>
              <Show when={isLive()}>
                <div class="row">
                  <button onClick={toggleShare}>{sharing() ? t('lessons.stopShare') : t('lessons.shareScreen')}</button>
                  <button class="danger" onClick={end}>
                    {t('lessons.end')}
                  </button>
                </div>
              </Show>
            </section>
            <section class="card" aria-labelledby="roster-title">
              <h2 id="roster-title">
                {t('lessons.roster', {
                  joined: String(roster().filter((r) => peerOf(r.identity)).length),
                  total: String(roster().length),
                })}
              </h2>
              <ul class="plain roster">
                <For each={roster()}>
                  {(r) => (
                    <li data-identity={r.identity} data-state={light(peerOf(r.identity))}>
                      <div class="spread">
                        <span>
                          <span class={`light ${light(peerOf(r.identity))}`} aria-hidden="true" /> {r.label}
                        </span>
                        <span class="muted">{stateText(peerOf(r.identity))}</span>
                      </div>
                      <Show when={peerOf(r.identity)}>
                        {(p) => (
                          <div class="row">
                            <Show
                              when={p().canPublish}
                              fallback={
                                <button class="primary" onClick={() => speak(p(), true)}>
                                  {t('lessons.letSpeak')}
                                </button>
                              }
                            >
                              <button onClick={() => speak(p(), false)}>{t('lessons.stopSpeak')}</button>
                              <button onClick={() => mute(params.id!, p().identity).catch(setError)}>
                                {t('lessons.mute')}
                              </button>
                              <SoundMeter track={micOf(live, p().identity)} label={t('lessons.speaking')} />
                            </Show>
                          </div>
                        )}
                      </Show>
                      <Show when={cameraOf(live, r.identity)}>
                        {(cam) => <VideoView track={cam()} class="classroom-view" label={r.label} />}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <Show when={isLive()}>
              <ChatPanel live={live} />
            </Show>
          </div>
          <Show when={!isLive()}>
            <p>
              <A href={`/lessons/${params.id}`}>{t('lessons.back')}</A>
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
