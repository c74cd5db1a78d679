// While the teacher shares a screen, the shared screen is the lesson and the teacher's face is not: on a link too
// short for both, the big screen gives the sound and the shared screen the link first. It reads, every two seconds,
// how much of the teacher's sound had to be made up (concealed: packets late or lost), LiveKit's verdict on this
// connection, and the size of the shared screen arriving; two short readings of three take one step down, half a
// minute of good ones one step up:
//   full    — everything;
//   content — the teacher's camera paused: its share of the link goes to the sound and the shared screen (taken when
//             the sound suffers, LiveKit calls the link poor, or the shared screen arrives too small to read);
//   stills  — the shared screen as slides, full size at 2 frames a second: the sound first (taken only when the
//             sound still suffers).
// A step up that fails within seconds waits twice as long before the next try (up to eight times): each try costs
// a village link seconds of sound, since the server sends all it is asked for until it has measured the link again.
// Without a shared screen the camera is the lesson, and weak-link.ts steps its size down instead. (bench:network
// measures both, issue 16.)
import { ConnectionQuality, type RemoteAudioTrack, type RemoteTrackPublication, type Room } from 'livekit-client';

export type LinkMode = 'full' | 'content' | 'stills';
const MODES: LinkMode[] = ['full', 'content', 'stills'];

/** How the media reaches this computer: UDP (as meant), TCP (UDP blocked), or through a TURN relay. */
export type Transport = 'udp' | 'tcp' | 'relay';

export interface ModeReading {
  /** Share of the sound made up rather than heard, 0–1, between two readings (silence the sender chose excluded). */
  concealed: number;
  /** LiveKit's verdict on this connection. */
  poor: boolean;
  /** Height of the shared screen arriving (0: nothing yet). */
  shareHeight: number;
}

/** From this share of made-up sound (0.6 s a minute) the sound suffers; below the lower one it is clean. */
export const SOUND_SUFFERS = 0.01;
const SOUND_CLEAN = 0.003;
/** A shared screen smaller than this is no longer legible on a projector. */
export const LEGIBLE_HEIGHT = 540;

export interface ModeState {
  mode: LinkMode;
  /** The last three readings, short or not: two short among them take a step down. */
  recent: boolean[];
  /** Good readings in a row. */
  good: number;
  /** Just stepped down: the next reading measures the queue the last mode left, not this one, and is not counted. */
  settling: boolean;
  /** Readings since the last step up (none since the last step down: Infinity). */
  sinceUp: number;
  /** The wait before a step up, in multiples of the usual half minute: doubled by each step up that fails at once. */
  backoff: number;
}

export const startMode = (): ModeState => ({
  mode: 'full',
  recent: [],
  good: 0,
  settling: false,
  sinceUp: Number.POSITIVE_INFINITY,
  backoff: 1,
});

/**
 * Whether one reading says the link is short for what it carries, clean, or neither. With the camera paused
 * (`content`), only the sound suffering takes the next step: a small or slow shared screen is what stills would give.
 */
export function judgeReading(r: ModeReading, mode: LinkMode = 'full'): 'short' | 'good' | 'fair' {
  const shareSmall = r.shareHeight > 0 && r.shareHeight < LEGIBLE_HEIGHT;
  if (r.concealed >= SOUND_SUFFERS || (mode === 'full' && (r.poor || shareSmall))) return 'short';
  if (r.concealed < SOUND_CLEAN) return 'good';
  return 'fair';
}

/**
 * The next state: two short readings among the last three go a step down (the one just after a step down not counted:
 * it measures what the link still held of the last mode), `upAfter` good ones in a row (times the backoff) a step up.
 * A step down within a third of `upAfter` readings of a step up doubles the backoff; a step up that holds for
 * `upAfter` readings clears it.
 */
export function nextMode(state: ModeState, verdict: 'short' | 'good' | 'fair', upAfter: number): ModeState {
  const at = MODES.indexOf(state.mode);
  const sinceUp = state.sinceUp + 1;
  const held = Number.isFinite(sinceUp) && sinceUp >= upAfter;
  const backoff = held ? 1 : state.backoff;
  if (state.settling) return { ...state, settling: false, sinceUp, backoff };
  const recent = [...state.recent, verdict === 'short'].slice(-3);
  if (verdict === 'short') {
    const lower = MODES[at + 1];
    if (recent.filter(Boolean).length >= 2 && lower) {
      const failed = sinceUp <= Math.ceil(upAfter / 3);
      const next = failed ? Math.min(8, backoff * 2) : backoff;
      return { mode: lower, recent: [], good: 0, settling: true, sinceUp: Number.POSITIVE_INFINITY, backoff: next };
    }
    return { ...state, recent, good: 0, sinceUp, backoff };
  }
  if (verdict === 'good') {
    const higher = at > 0 ? MODES[at - 1] : undefined;
    if (state.good + 1 >= upAfter * backoff && higher)
      return { mode: higher, recent: [], good: 0, settling: false, sinceUp: 0, backoff };
    return { ...state, recent, good: state.good + 1, sinceUp, backoff };
  }
  return { ...state, recent, good: 0, sinceUp, backoff };
}

/** The teacher's publications this watcher acts on. */
export interface TeacherMedia {
  mic?: RemoteTrackPublication;
  camera?: RemoteTrackPublication;
  screen?: RemoteTrackPublication;
}

/** What each mode asks of the server for the teacher's camera and shared screen. */
function apply(mode: LinkMode, m: TeacherMedia) {
  m.camera?.setEnabled(mode === 'full');
  // Stills: the screen at 2 frames a second (its slides layer, room-options.ts, or the full one's fewest frames),
  // never a smaller picture.
  m.screen?.setVideoFPS(mode === 'stills' ? 2 : 30);
}

/** The transport of the connection a receiver's stats name (its selected candidate pair's local end). */
export function transportOf(report: RTCStatsReport): Transport | null {
  const all = new Map<string, Record<string, unknown>>();
  report.forEach((r: Record<string, unknown>) => {
    all.set(r.id as string, r);
  });
  for (const r of all.values()) {
    if (r.type !== 'transport' || !r.selectedCandidatePairId) continue;
    const pair = all.get(r.selectedCandidatePairId as string);
    const local = pair && all.get(pair.localCandidateId as string);
    if (!local) continue;
    if (local.candidateType === 'relay') return 'relay';
    return local.protocol === 'tcp' ? 'tcp' : 'udp';
  }
  return null;
}

export function watchLinkMode(
  room: Room,
  media: () => TeacherMedia | undefined,
  on: { mode: (m: LinkMode) => void; transport: (t: Transport | null) => void },
  opts: { everyMs?: number } = {},
) {
  const every = opts.everyMs ?? 2000;
  const upAfter = Math.round(30_000 / every);
  let state = startMode();
  let last: { concealed: number; silent: number; seconds: number } | undefined;
  let sharing = false;
  const timer = setInterval(async () => {
    const m = media();
    const mic = m?.mic?.audioTrack as RemoteAudioTrack | undefined;
    const report = await mic?.receiver?.getStats().catch(() => undefined);
    on.transport(report ? transportOf(report) : null);
    if (!m?.screen?.videoTrack) {
      // Nothing shared (or no longer): the camera is the lesson again, in full.
      if (sharing && m) apply('full', m);
      if (sharing || state.mode !== 'full') on.mode('full');
      sharing = false;
      state = startMode();
      return;
    }
    sharing = true;
    const stats = await mic?.getReceiverStats().catch(() => undefined);
    const screen = await m.screen.videoTrack.getRTCStatsReport?.().catch(() => undefined);
    let shareHeight = 0;
    screen?.forEach((r: Record<string, unknown>) => {
      if (r.type === 'inbound-rtp') shareHeight = Number(r.frameHeight ?? 0);
    });
    const now = {
      concealed: stats?.concealedSamples ?? 0,
      silent: stats?.silentConcealedSamples ?? 0,
      seconds: stats?.totalSamplesDuration ?? 0,
    };
    const prev = last;
    last = now;
    if (!prev || now.seconds <= prev.seconds) return;
    const heard = (now.concealed - prev.concealed - (now.silent - prev.silent)) / 48_000;
    const verdict = judgeReading(
      {
        concealed: Math.max(0, heard) / (now.seconds - prev.seconds),
        poor:
          room.localParticipant.connectionQuality === ConnectionQuality.Poor ||
          room.localParticipant.connectionQuality === ConnectionQuality.Lost,
        shareHeight,
      },
      state.mode,
    );
    const next = nextMode(state, verdict, upAfter);
    if (next.mode !== state.mode) {
      apply(next.mode, m);
      on.mode(next.mode);
    }
    state = next;
  }, every);
  return () => clearInterval(timer);
}
