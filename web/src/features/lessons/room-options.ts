// How every lesson page opens its LiveKit room (also used by bench/live.bench.ts, so the bench measures the same
// settings).
import { AudioPresets, type RoomOptions, ScreenSharePresets, VideoPreset, VideoPresets } from 'livekit-client';

/**
 * The shared screen as it is sent: at most 720p (legible on a classroom's projector; a key frame of it crosses a
 * village link without holding up the sound for long), 15 frames a second.
 */
export const SCREEN_SHARE = ScreenSharePresets.h720fps15;

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
