// How every lesson page opens its LiveKit room (also used by bench/live.bench.ts, so the bench measures the same
// settings).
import { AudioPresets, type RoomOptions, VideoPreset, VideoPresets } from 'livekit-client';

/**
 * The shared screen as it is sent: at most 720p (legible on a classroom's projector; a key frame of it crosses a
 * village link without holding up the sound for long), 15 frames a second, at most 600 kbit/s (LiveKit's preset
 * allows 1.5 Mbit/s: slides with a moving pointer took 250–600 of it, in bursts as each slide came, which a 500 kbit/s
 * link could carry only at half the frames; held lower, a new slide sharpens over a few frames instead).
 */
export const SCREEN_SHARE = new VideoPreset(1280, 720, 600_000, 15, 'medium');

/**
 * The shared screen's lighter layer: the same size (a preset larger than any screen scales nothing) at 2 frames a
 * second, so that on a short link the server sends fewer pictures of the slides, never smaller ones. Of the same size
 * as the full layer, it is never chosen for a small window (the server picks layers by size), only when the link
 * cannot carry more. Text that does not move costs little: most of its ceiling goes unspent.
 */
export const SLIDES_LAYER = new VideoPreset(7680, 4320, 80_000, 2, 'medium');

export const roomOptions: RoomOptions = {
  adaptiveStream: true,
  dynacast: true,
  publishDefaults: {
    simulcast: true,
    // Layers chosen for weak links: 180p and 360p under the 720p camera; the screen as slides under its full rate.
    videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
    screenShareEncoding: SCREEN_SHARE.encoding,
    screenShareSimulcastLayers: [SLIDES_LAYER],
    dtx: true,
    red: true,
  },
  videoCaptureDefaults: { resolution: VideoPresets.h720.resolution },
};

/**
 * The teacher's microphone: a voice needs half music's rate (Opus at 24 kbit/s, twice that with RED's redundancy),
 * which leaves a 150 kbit/s village link room for the slides; a music lesson keeps music's.
 */
export const teacherAudioPreset = (subject: string | undefined) =>
  subject === 'music' ? AudioPresets.music : AudioPresets.speech;

/** A LiveKit server on this machine hands out public STUN servers that an offline classroom cannot reach. */
export const rtcConfigFor = (url: string): RTCConfiguration | undefined =>
  /^wss?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) ? { iceServers: [] } : undefined;
