// A classroom on a weak link: LiveKit keeps the largest layer the element asks for and, when the link cannot
// carry it, holds back frames (temporal layers) first — a 720p picture at 10 fps. For a lesson, motion matters more
// than pixels, so when the network delivers too few of the teacher's frames this asks for the next smaller simulcast
// layer (360p, then 180p); below that LiveKit pauses video and sound goes on. After a minute of good readings it
// tries one layer up again. (Also used by bench/live.bench.ts.)
//
// Only what the network shows counts (judgeLink): frames arriving, the bitrate, packet loss and jitter. A busy
// classroom PC whose decoder drops frames that arrived whole, a teacher's PC that sends few frames at its full
// bitrate, and a picture that stands still because nothing arrives at all (the room is reconnecting) are not a weak
// link: a smaller layer would not help them, and the big screen must not say so.
import type { RemoteTrackPublication, RemoteVideoTrack } from 'livekit-client';

export type LinkLevel = 'full' | 'lower' | 'lowest';

/** One reading of the teacher's video as this computer receives it (RemoteVideoTrack.getReceiverStats). */
export interface LinkSample {
  /** When it was read, in milliseconds. */
  at: number;
  framesDecoded: number;
  /** Frames that arrived whole from the network (not given by old engines). */
  framesReceived?: number;
  bytesReceived?: number;
  packetsReceived?: number;
  packetsLost?: number;
  /** Seconds, as the stats give it. */
  jitter?: number;
  frameHeight?: number;
}

/** What happened between two readings, per second. */
export interface LinkFigures {
  /** Frames decoded per second: what the screen can show. */
  fps: number;
  /** Frames arriving per second, when the engine counts them. */
  receivedFps?: number;
  kbps: number;
  packets: number;
  /** Packets lost / packets sent, 0–1. */
  loss: number;
  jitterMs: number;
  /** The height of the picture arriving now. */
  height?: number;
}

export function linkFigures(prev: LinkSample, next: LinkSample): LinkFigures {
  const seconds = Math.max(0.001, (next.at - prev.at) / 1000);
  const d = (k: 'framesReceived' | 'bytesReceived' | 'packetsReceived' | 'packetsLost') =>
    Math.max(0, (next[k] ?? 0) - (prev[k] ?? 0));
  const packets = d('packetsReceived');
  const lost = d('packetsLost');
  return {
    fps: Math.max(0, next.framesDecoded - prev.framesDecoded) / seconds,
    ...(next.framesReceived !== undefined && prev.framesReceived !== undefined
      ? { receivedFps: d('framesReceived') / seconds }
      : {}),
    kbps: (d('bytesReceived') * 8) / seconds / 1000,
    packets,
    loss: packets + lost ? lost / (packets + lost) : 0,
    jitterMs: (next.jitter ?? 0) * 1000,
    ...(next.frameHeight ? { height: next.frameHeight } : {}),
  };
}

export type LinkVerdict =
  /** Enough frames decoded. */
  | 'good'
  /** Too few frames, and the network is why: packets lost, late, or frames and bitrate both held back. */
  | 'weak'
  /**
   * Too few frames decoded, but not for want of this link: the network delivers them (this computer is slow), the
   * teacher's computer sends fewer, or a smaller picture than asked already arrives.
   */
  | 'busy'
  /** Nothing arrived: an outage, which the room's reconnecting says; not a quality. */
  | 'stalled';

/**
 * Lost packets from this share on (3 %) are a troubled network; so is jitter from this many milliseconds on with
 * some loss (1 %). Jitter alone is also what a starved processor does to packets it reads late.
 */
export const LOSSY = 0.03;
export const JITTERY_MS = 30;
const SOME_LOSS = 0.01;
/** Frames held back by the server take their bits with them: below this share of the usual bitrate. */
const STARVED = 0.7;

/**
 * Weak link or not, from two readings' figures. `askedHeight` is the layer asked for; `fullKbps` the bitrate it
 * arrived at while the picture was good (unknown until a good reading): a slow sender keeps its bitrate, a held-back
 * link loses it.
 */
export function judgeLink(
  f: LinkFigures,
  opts: { minFps?: number; fullKbps?: number; askedHeight?: number } = {},
): LinkVerdict {
  const minFps = opts.minFps ?? 15;
  if (f.packets === 0) return 'stalled';
  if (f.fps >= minFps) return 'good';
  if (f.loss >= LOSSY || (f.jitterMs >= JITTERY_MS && f.loss >= SOME_LOSS)) return 'weak';
  // The frames arrive at full rate and the decoder drops them: the computer is busy, the network is fine.
  if (f.receivedFps !== undefined && f.receivedFps >= minFps) return 'busy';
  // A smaller picture than asked arrives already (the teacher's computer sends no larger one, or LiveKit chose it):
  // asking for a smaller one would change nothing.
  if (opts.askedHeight && f.height && f.height < opts.askedHeight) return 'busy';
  // Fewer frames arrive, at the bitrate they had when all arrived: the sender sends fewer.
  if (opts.fullKbps !== undefined && f.kbps >= opts.fullKbps * STARVED) return 'busy';
  return 'weak';
}

/** The guard's memory between readings: the layer asked for, the readings in a row, the usual bitrate there. */
export interface LinkState {
  /** 0 = full (720p), 1 = lower (360p), 2 = lowest (180p). */
  step: number;
  low: number;
  good: number;
  fullKbps?: number;
  /** After nothing arrived: the next reading holds the outage's lost packets and the picture coming back. */
  settling?: boolean;
}

const LAYERS = [720, 360, 180];
export const startLink = (): LinkState => ({ step: 0, low: 0, good: 0 });
export const levelOf = (step: number): LinkLevel => (step === 0 ? 'full' : step === 1 ? 'lower' : 'lowest');

/**
 * The next state after one verdict: two weak readings in a row go one layer down (a single hiccup does not cost the
 * picture); `upAfter` good readings in a row go one layer up. Busy and stalled readings change nothing but the counts,
 * and the reading after a stall is the outage's, not the link's: it is not counted.
 */
export function nextLink(state: LinkState, verdict: LinkVerdict, kbps: number, upAfter: number): LinkState {
  if (verdict === 'stalled') return { ...state, low: 0, good: 0, settling: true };
  if (state.settling) return { ...state, settling: false };
  if (verdict === 'weak') {
    if (state.low + 1 >= 2 && state.step < LAYERS.length - 1) return { step: state.step + 1, low: 0, good: 0 };
    return { ...state, low: state.low + 1, good: 0 };
  }
  if (verdict === 'good') {
    // The usual bitrate of this layer, smoothed: a key frame's burst does not set it.
    const fullKbps = state.fullKbps === undefined ? kbps : state.fullKbps * 0.7 + kbps * 0.3;
    if (state.step > 0 && state.good + 1 >= upAfter) return { step: state.step - 1, low: 0, good: 0 };
    return { ...state, low: 0, good: state.good + 1, fullKbps };
  }
  return { ...state, low: 0, good: 0 };
}

export function watchWeakLink(
  pick: () => RemoteTrackPublication | undefined,
  onLevel: (level: LinkLevel) => void,
  opts: { minFps?: number; everyMs?: number } = {},
) {
  const every = opts.everyMs ?? 2000;
  const upAfter = 60_000 / every;
  let state = startLink();
  /** The publication `state` is about: a new one (published again after a reconnect) starts at the full layer. */
  let watched: string | undefined;
  let last: LinkSample | undefined;
  const timer = setInterval(async () => {
    const pub = pick();
    const track = pub?.videoTrack as RemoteVideoTrack | undefined;
    if (!pub || !track || pub.isMuted) {
      // Nothing to watch now (or the room is reconnecting): the next reading starts afresh, and the one after it
      // still holds the picture coming back.
      last = undefined;
      state = { ...state, low: 0, good: 0, settling: true };
      return;
    }
    if (pub.trackSid !== watched) {
      // Received at the size its element asks for, until its own readings say otherwise.
      watched = pub.trackSid;
      last = undefined;
      if (state.step > 0) onLevel('full');
      state = startLink();
    }
    const stats = await track.getReceiverStats().catch(() => undefined);
    if (!stats) return;
    const sample: LinkSample = { ...stats, at: performance.now() };
    const prev = last;
    last = sample;
    if (!prev) return;
    // Another picture size (adaptive stream follows the element): its bitrate is another.
    if (prev.frameHeight !== sample.frameHeight) state = { ...state, fullKbps: undefined };
    const figures = linkFigures(prev, sample);
    const verdict = judgeLink(figures, {
      minFps: opts.minFps,
      fullKbps: state.fullKbps,
      askedHeight: LAYERS[state.step],
    });
    const next = nextLink(state, verdict, figures.kbps, upAfter);
    const moved = next.step !== state.step;
    state = next;
    if (moved) {
      const h = LAYERS[state.step] ?? 180;
      pub.setVideoDimensions({ width: Math.round((h * 16) / 9), height: h });
      onLevel(levelOf(state.step));
    }
  }, every);
  return () => clearInterval(timer);
}
