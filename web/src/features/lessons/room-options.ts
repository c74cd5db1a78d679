// How every lesson page opens its LiveKit room (also used by bench/live.bench.ts, so the bench measures the same
// settings).
import { type RoomOptions, ScreenSharePresets, VideoPresets } from 'livekit-client';

export const roomOptions: RoomOptions = {
  adaptiveStream: true,
  dynacast: true,
  publishDefaults: {
    simulcast: true,
    // Layers chosen for weak links: 180p and 360p under the 720p camera; the screen at a few frames per second.
    videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
    screenShareEncoding: ScreenSharePresets.h1080fps15.encoding,
    screenShareSimulcastLayers: [ScreenSharePresets.h360fps3],
    dtx: true,
    red: true,
  },
  videoCaptureDefaults: { resolution: VideoPresets.h720.resolution },
};

/** A LiveKit server on this machine hands out public STUN servers that an offline classroom cannot reach. */
export const rtcConfigFor = (url: string): RTCConfiguration | undefined =>
  /^wss?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) ? { iceServers: [] } : undefined;
