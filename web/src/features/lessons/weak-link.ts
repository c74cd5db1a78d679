// A classroom on a weak link: LiveKit keeps the largest layer the element asks for and, when the link cannot
// carry it, drops frames (temporal layers) first — a 720p picture at 10 fps. For a lesson, motion matters more
// than pixels, so when the teacher's video decodes too few frames per second this asks for the next smaller
// simulcast layer (360p, then 180p); below that LiveKit pauses video and sound goes on. After a while of good
// frame rates it tries one layer up again. A picture that stands still while the room reconnects is an outage, not
// a weak link: the caller gives nothing to watch then. (Also used by bench/live.bench.ts.)
import type { RemoteTrackPublication, RemoteVideoTrack } from 'livekit-client';

export type LinkLevel = 'full' | 'lower' | 'lowest';

const LAYERS = [720, 360, 180];

export function watchWeakLink(
  pick: () => RemoteTrackPublication | undefined,
  onLevel: (level: LinkLevel) => void,
  opts: { minFps?: number; everyMs?: number } = {},
) {
  const minFps = opts.minFps ?? 15;
  const every = opts.everyMs ?? 2000;
  let step = 0;
  /** The publication `step` is about: a new one (published again after a reconnect) starts at the full layer. */
  let watched: string | undefined;
  let last: { frames: number; at: number } | undefined;
  let low = 0;
  let good = 0;
  const apply = (pub: RemoteTrackPublication) => {
    const h = LAYERS[step] ?? 180; // step stays within LAYERS
    pub.setVideoDimensions({ width: Math.round((h * 16) / 9), height: h });
    onLevel(step === 0 ? 'full' : step === 1 ? 'lower' : 'lowest');
  };
  const timer = setInterval(async () => {
    const pub = pick();
    const track = pub?.videoTrack as RemoteVideoTrack | undefined;
    if (!pub || !track || pub.isMuted) {
      // Nothing to watch now (or the room is reconnecting): the next reading starts afresh.
      last = undefined;
      return;
    }
    if (pub.trackSid !== watched) {
      // Received at the size its element asks for, until its own frame rates say otherwise.
      watched = pub.trackSid;
      last = undefined;
      low = 0;
      good = 0;
      if (step > 0) {
        step = 0;
        onLevel('full');
      }
    }
    const stats = await track.getReceiverStats().catch(() => undefined);
    if (!stats) return;
    const now = performance.now();
    const prev = last;
    last = { frames: stats.framesDecoded, at: now };
    if (!prev) return;
    const fps = ((stats.framesDecoded - prev.frames) * 1000) / (now - prev.at);
    if (fps < minFps) {
      good = 0;
      // Two low readings in a row, so a single hiccup does not cost the picture.
      if (++low >= 2 && step < LAYERS.length - 1) {
        step++;
        low = 0;
        apply(pub);
      }
    } else {
      low = 0;
      // A minute of good frame rates: try one layer up.
      if (step > 0 && ++good >= 60_000 / every) {
        step--;
        good = 0;
        apply(pub);
      }
    }
  }, every);
  return () => clearInterval(timer);
}
