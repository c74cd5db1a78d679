// The teacher's own camera and microphone for the console: captured when the page opens (the preview), with the
// devices to choose from; stopped when the page goes away.
import {
  createLocalTracks,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
  Room,
  Track,
} from 'livekit-client';
import { createSignal, onCleanup, onMount } from 'solid-js';

export function createLocalMedia(onError: (err: unknown) => void) {
  const [tracks, setTracks] = createSignal<LocalTrack[]>([]);
  const [cams, setCams] = createSignal<MediaDeviceInfo[]>([]);
  const [mics, setMics] = createSignal<MediaDeviceInfo[]>([]);
  let gone = false;
  onMount(async () => {
    try {
      const captured = await createLocalTracks({
        audio: true,
        video: { resolution: { width: 1280, height: 720, frameRate: 25 } },
      });
      if (gone) {
        for (const x of captured) x.stop();
        return;
      }
      setTracks(captured);
      setCams(await Room.getLocalDevices('videoinput', false));
      setMics(await Room.getLocalDevices('audioinput', false));
    } catch (err) {
      onError(err);
    }
  });
  // Leaving the page mid-lesson: the camera goes off.
  onCleanup(() => {
    gone = true;
    for (const x of tracks()) x.stop();
  });
  return {
    tracks,
    cams,
    mics,
    video: () => tracks().find((x) => x.kind === Track.Kind.Video) as LocalVideoTrack | undefined,
    audio: () => tracks().find((x) => x.kind === Track.Kind.Audio) as LocalAudioTrack | undefined,
  };
}

export type LocalMedia = ReturnType<typeof createLocalMedia>;
