// One lesson's live room in the browser, as Solid signals. Imported only by the console and big-screen pages,
// so livekit-client loads on those pages alone. Adaptive stream and dynacast are on; the teacher publishes
// simulcast layers small enough for rural links; a dropped connection comes back by itself (LiveKit's own
// reconnect first, then a fresh token from the app), and the page says what is happening.
import {
  ConnectionQuality,
  DisconnectReason,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { batch, createMemo, createSignal, onCleanup } from 'solid-js';
import type { LessonRole } from '../../../../shared/enums';
import { ApiError } from '../../lib/api';
import type { DeviceProblem } from './devices';
import { lessonOver, takeJoinAnswer } from './lessons.queries';
import { type LinkMode, type Transport, watchLinkMode } from './link-mode';
import { goOffAir, goOnAir } from './on-air';
import { roomOptions, rtcConfigFor } from './room-options';
import { type LinkLevel, watchWeakLink } from './weak-link';

export type Phase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'retrying' | 'ended' | 'closed' | 'replaced';

export interface Peer {
  identity: string;
  name: string;
  role: LessonRole | null;
  quality: 'good' | 'weak' | 'unknown';
  hand: boolean;
  canPublish: boolean;
  speaking: boolean;
  /** Allowed to speak, but its camera and microphone could not go on (what the classroom's page said why). */
  devices: DeviceProblem | null;
}

export interface ChatLine {
  id: number;
  from: string;
  text: string;
  mine: boolean;
}

/** Message kinds on the room's data channel. */
type Signal =
  | { type: 'hand'; up: boolean }
  | { type: 'chat'; text: string }
  /** A classroom tells the teacher why it is not on air though allowed (null: it is). */
  | { type: 'devices'; problem: DeviceProblem | null }
  /** The teacher tells everyone whether the lesson is being recorded. */
  | { type: 'recording'; on: boolean };

/** A participant's part in the lesson, from the metadata its token carries. */
export const roleOf = (p: Participant): LessonRole | null => {
  try {
    return (JSON.parse(p.metadata || '{}').role as LessonRole) ?? null;
  } catch {
    return null;
  }
};

const qualityOf = (q: ConnectionQuality): Peer['quality'] =>
  q === ConnectionQuality.Excellent || q === ConnectionQuality.Good
    ? 'good'
    : q === ConnectionQuality.Poor || q === ConnectionQuality.Lost
      ? 'weak'
      : 'unknown';

export interface LiveRoomOptions {
  onHand?: (peer: Peer) => void;
  /** After every successful connect (also after the page reconnected by itself): the teacher publishes here. */
  onConnected?: () => Promise<void> | void;
  /** Keep local tracks alive when a dropped connection unpublishes them, so they can be published again. */
  keepLocalTracks?: boolean;
}

export function createLiveRoom(lessonId: string, opts: LiveRoomOptions = {}) {
  const room = new Room({ ...roomOptions, ...(opts.keepLocalTracks ? { stopLocalTrackOnUnpublish: false } : {}) });
  const [rawPhase, setPhase] = createSignal<Phase>('idle');
  // The browser knows at once when the network goes; LiveKit notices seconds later. Until then it is reconnecting.
  const [offline, setOffline] = createSignal(!navigator.onLine);
  const phase = createMemo<Phase>(() => (offline() && rawPhase() === 'connected' ? 'reconnecting' : rawPhase()));
  const [role, setRole] = createSignal<LessonRole | null>(null);
  const [peers, setPeers] = createSignal<Peer[]>([]);
  const [chat, setChat] = createSignal<ChatLine[]>([]);
  const [audioBlocked, setAudioBlocked] = createSignal(false);
  const [onAir, setOnAir] = createSignal(false);
  const [handUp, setHandUp] = createSignal(false);
  const [deviceProblem, setDeviceProblem] = createSignal<DeviceProblem | null>(null);
  const [recording, setRecording] = createSignal(false);
  const [videoPaused, setVideoPaused] = createSignal(false);
  const [linkLevel, setLinkLevel] = createSignal<LinkLevel>('full');
  const [linkMode, setLinkMode] = createSignal<LinkMode>('full');
  const [transport, setTransport] = createSignal<Transport | null>(null);
  const [retryIn, setRetryIn] = createSignal(0);
  const [error, setError] = createSignal<unknown>(null);
  // Bumped whenever a track comes or goes, so views re-read the publications.
  const [tracks, setTracks] = createSignal(0);
  const hands = new Set<string>();
  const deviceProblems = new Map<string, DeviceProblem>();
  const speakingNow = new Set<string>();
  let chatSeq = 0;
  let wanted = true;
  // Set when the page goes away: a connect still under way must not leave a hidden participant behind.
  let disposed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let countdown: ReturnType<typeof setInterval> | undefined;
  let attempt = 0;
  const audioSink = document.createElement('div');
  audioSink.hidden = true;
  document.body.appendChild(audioSink);

  const refreshPeers = () =>
    setPeers(
      [...room.remoteParticipants.values()].map((p: RemoteParticipant) => ({
        identity: p.identity,
        name: p.name || p.identity,
        role: roleOf(p),
        quality: qualityOf(p.connectionQuality),
        hand: hands.has(p.identity),
        canPublish: !!p.permissions?.canPublish,
        speaking: speakingNow.has(p.identity),
        devices: deviceProblems.get(p.identity) ?? null,
      })),
    );

  const send = (msg: Signal, to?: string[]) =>
    room.localParticipant.publishData(new TextEncoder().encode(JSON.stringify(msg)), {
      reliable: true,
      topic: msg.type,
      ...(to ? { destinationIdentities: to } : {}),
    });

  const teacherIds = () =>
    [...room.remoteParticipants.values()].filter((p) => roleOf(p) === 'teacher').map((p) => p.identity);

  room
    .on(RoomEvent.ParticipantConnected, (p) => {
      refreshPeers();
      // A teacher who (re)joins learns of a hand that is still up; whoever joins learns of a recording.
      if (handUp() && roleOf(p) === 'teacher') void send({ type: 'hand', up: true }, [p.identity]);
      if (recording() && role() === 'teacher') void send({ type: 'recording', on: true }, [p.identity]);
    })
    .on(RoomEvent.ParticipantDisconnected, (p) => {
      hands.delete(p.identity);
      deviceProblems.delete(p.identity);
      refreshPeers();
      if (roleOf(p) === 'teacher') void endedMeanwhile();
    })
    .on(RoomEvent.ConnectionQualityChanged, (_q, p) => {
      if (p !== room.localParticipant) refreshPeers();
    })
    .on(RoomEvent.ParticipantPermissionsChanged, (_prev, p) => {
      if (p === room.localParticipant) void followPermission();
      else refreshPeers();
    })
    .on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      speakingNow.clear();
      for (const s of speakers) speakingNow.add(s.identity);
      refreshPeers();
    })
    .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video) performance.mark('tz:video-subscribed');
      if (track.kind === Track.Kind.Audio) audioSink.appendChild(track.attach());
      setTracks((n) => n + 1);
    })
    .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
      for (const el of track.detach()) el.remove();
      setTracks((n) => n + 1);
    })
    .on(RoomEvent.TrackPublished, () => setTracks((n) => n + 1))
    .on(RoomEvent.TrackUnpublished, () => setTracks((n) => n + 1))
    .on(RoomEvent.TrackMuted, () => setTracks((n) => n + 1))
    .on(RoomEvent.TrackUnmuted, () => setTracks((n) => n + 1))
    .on(RoomEvent.LocalTrackPublished, () => setTracks((n) => n + 1))
    .on(RoomEvent.LocalTrackUnpublished, () => setTracks((n) => n + 1))
    .on(RoomEvent.TrackStreamStateChanged, (pub, state) => {
      // The server pauses video the link cannot carry: sound goes on and the last picture stays.
      if (pub.kind === Track.Kind.Video) setVideoPaused(state === Track.StreamState.Paused);
    })
    .on(RoomEvent.AudioPlaybackStatusChanged, () => setAudioBlocked(!room.canPlaybackAudio))
    .on(RoomEvent.DataReceived, (payload, participant) => {
      if (!participant) return;
      let msg: Signal;
      try {
        msg = JSON.parse(new TextDecoder().decode(payload));
      } catch {
        return;
      }
      if (msg.type === 'hand') {
        if (msg.up) hands.add(participant.identity);
        else hands.delete(participant.identity);
        refreshPeers();
        const peer = peers().find((x) => x.identity === participant.identity);
        if (msg.up && peer) opts.onHand?.(peer);
      } else if (msg.type === 'devices') {
        if (msg.problem) deviceProblems.set(participant.identity, msg.problem);
        else deviceProblems.delete(participant.identity);
        refreshPeers();
      } else if (msg.type === 'recording' && roleOf(participant) === 'teacher') {
        setRecording(!!msg.on);
      } else if (msg.type === 'chat' && typeof msg.text === 'string') {
        setChat((c) => [
          ...c.slice(-99),
          { id: ++chatSeq, from: participant.name || participant.identity, text: msg.text.slice(0, 500), mine: false },
        ]);
      }
    })
    .on(RoomEvent.Reconnecting, () => setPhase('reconnecting'))
    .on(RoomEvent.SignalReconnecting, () => setPhase('reconnecting'))
    .on(RoomEvent.Reconnected, () => {
      setPhase('connected');
      void endedMeanwhile();
    })
    .on(RoomEvent.Disconnected, (reason) => {
      setOnAir(false);
      setDeviceProblem(null);
      if (reason === DisconnectReason.ROOM_DELETED) {
        wanted = false;
        setPhase('ended');
      } else if (reason === DisconnectReason.DUPLICATE_IDENTITY) {
        // The same classroom joined from another computer: that one keeps the lesson; retrying would take it back.
        wanted = false;
        setPhase('replaced');
      } else if (!wanted || reason === DisconnectReason.CLIENT_INITIATED) {
        setPhase('closed');
      } else {
        scheduleRetry();
      }
    });

  /**
   * The lesson may have ended where this page could not hear it: the room's closing is said once, to whoever is
   * connected then, and a page reconnecting at that moment would miss it (and its reconnect may even find a room of
   * the same name made afresh). So when the teacher leaves or the connection comes back, the app is asked — within two
   * seconds, at random, so that a district's classrooms do not all ask at once.
   */
  async function endedMeanwhile() {
    if (!wanted || role() === 'teacher') return;
    await new Promise((r) => setTimeout(r, Math.random() * 2000));
    const over = await lessonOver(lessonId).catch(() => false);
    if (!over || !wanted) return;
    wanted = false;
    await room.disconnect();
    setPhase('ended');
  }

  /** When the teacher lets this classroom speak, its camera and microphone go live; when stopped, they go off. */
  async function followPermission() {
    const allowed = !!room.localParticipant.permissions?.canPublish;
    if (allowed === onAir()) return;
    setOnAir(allowed);
    if (allowed && handUp()) {
      setHandUp(false);
      void send({ type: 'hand', up: false });
    }
    if (allowed) await publishOwn(false);
    else {
      if (deviceProblem()) void send({ type: 'devices', problem: null }, teacherIds());
      setDeviceProblem(null);
      await goOffAir(room).catch(setError);
    }
  }

  /** Camera and microphone on air; `asked` from a click, when a permission prompt may appear. */
  async function publishOwn(asked: boolean) {
    try {
      const problem = await goOnAir(room, asked);
      if (problem !== deviceProblem()) void send({ type: 'devices', problem }, teacherIds());
      setDeviceProblem(problem);
    } catch (err) {
      setError(err);
    }
  }

  function scheduleRetry() {
    if (!wanted) return;
    clearTimeout(retryTimer);
    clearInterval(countdown);
    const seconds = Math.min(15, 3 * 2 ** Math.min(attempt, 3));
    attempt++;
    setPhase('retrying');
    setRetryIn(seconds);
    countdown = setInterval(() => setRetryIn((s) => Math.max(0, s - 1)), 1000);
    retryTimer = setTimeout(() => void connect(), seconds * 1000);
  }

  /** Asks the app for a token and connects; on failure (LiveKit down, network) tries again with a growing pause. */
  async function connect(): Promise<boolean> {
    if (disposed) return false;
    clearTimeout(retryTimer);
    clearInterval(countdown);
    wanted = true;
    setPhase('connecting');
    try {
      // Marks for bench/live.bench.ts (and anyone profiling a slow join in DevTools).
      performance.mark('tz:join-request');
      const join = await takeJoinAnswer(lessonId);
      performance.mark('tz:join-answer');
      setRole(join.role);
      if (disposed) return false;
      await room.connect(join.url, join.token, { rtcConfig: rtcConfigFor(join.url) });
      performance.mark('tz:connected');
      if (disposed) {
        await room.disconnect();
        return false;
      }
      attempt = 0;
      batch(() => {
        setError(null);
        setPhase('connected');
        setAudioBlocked(!room.canPlaybackAudio);
        refreshPeers();
        setTracks((n) => n + 1);
      });
      if (recording() && join.role === 'teacher') void send({ type: 'recording', on: true });
      await opts.onConnected?.();
      return true;
    } catch (err) {
      setError(err);
      // Not open (before the window, ended, cancelled) or not allowed: retrying would not help.
      if (err instanceof ApiError && (err.status === 409 || err.status === 403 || err.status === 404)) {
        wanted = false;
        setPhase(err.status === 409 && /ended|cancel/i.test(err.message) ? 'ended' : 'closed');
        return false;
      }
      scheduleRetry();
      return false;
    }
  }

  function sendChat(text: string) {
    const clean = text.trim().slice(0, 500);
    if (!clean) return;
    void send({ type: 'chat', text: clean });
    setChat((c) => [
      ...c.slice(-99),
      { id: ++chatSeq, from: room.localParticipant.name || '', text: clean, mine: true },
    ]);
  }

  function raiseHand(up: boolean) {
    setHandUp(up);
    const to = teacherIds();
    if (to.length) void send({ type: 'hand', up }, to);
  }

  /** The teacher lowers a hand once it has been answered. */
  function clearHand(identity: string) {
    hands.delete(identity);
    refreshPeers();
  }

  async function leave() {
    wanted = false;
    clearTimeout(retryTimer);
    clearInterval(countdown);
    await room.disconnect();
  }

  // The big screen watches the teacher's camera (the main picture when nothing is shared) for too few frames, only
  // while connected: the picture stands still while the room reconnects, and that says nothing about the link.
  /** The teacher as a watched page sees them: never the teacher's own console, and only while connected. */
  const watchedTeacher = () =>
    role() === 'teacher' || phase() !== 'connected'
      ? undefined
      : [...room.remoteParticipants.values()].find((p) => roleOf(p) === 'teacher');
  const stopWatch = watchWeakLink(() => {
    const teacher = watchedTeacher();
    if (!teacher || teacher.getTrackPublication(Track.Source.ScreenShare)) return undefined;
    return teacher.getTrackPublication(Track.Source.Camera);
  }, setLinkLevel);
  // …and, while the teacher shares a screen, gives the sound and the shared screen the link first (link-mode.ts).
  const stopMode = watchLinkMode(
    room,
    () => {
      const teacher = watchedTeacher();
      return (
        teacher && {
          mic: teacher.getTrackPublication(Track.Source.Microphone),
          camera: teacher.getTrackPublication(Track.Source.Camera),
          screen: teacher.getTrackPublication(Track.Source.ScreenShare),
        }
      );
    },
    { mode: setLinkMode, transport: setTransport },
  );

  const goneOffline = () => setOffline(true);
  const backOnline = () => setOffline(false);
  window.addEventListener('offline', goneOffline);
  window.addEventListener('online', backOnline);

  onCleanup(() => {
    window.removeEventListener('offline', goneOffline);
    window.removeEventListener('online', backOnline);
    disposed = true;
    stopWatch();
    stopMode();
    void leave();
    audioSink.remove();
  });

  return {
    room,
    phase,
    role,
    peers,
    chat,
    audioBlocked,
    onAir,
    handUp,
    deviceProblem,
    recording,
    videoPaused,
    linkLevel,
    linkMode,
    transport,
    retryIn,
    /** The live server is still being prepared (npm start builds it on a first run): said apart from an outage. */
    preparing: () => {
      const err = error();
      return err instanceof ApiError && err.details?.reason === 'starting';
    },
    error,
    tracks,
    connect,
    sendChat,
    raiseHand,
    clearHand,
    leave,
    /** A person clicked to fix what kept the camera and microphone off: try again (the browser may ask now). */
    retryDevices: () => (onAir() ? publishOwn(true) : Promise.resolve()),
    /** The teacher says whether the lesson is recorded (to everyone now, and to whoever joins later). */
    announceRecording: (on: boolean) => {
      if (on === recording()) return;
      setRecording(on);
      if (rawPhase() === 'connected') void send({ type: 'recording', on });
    },
    startAudio: async () => {
      await room.startAudio();
      setAudioBlocked(!room.canPlaybackAudio);
    },
  };
}

export type LiveRoom = ReturnType<typeof createLiveRoom>;
