// The teacher's own camera and microphone for the console: captured when the page opens (the preview) for a lesson
// not yet over, with the devices to choose from; stopped when the page goes away.
import {
  createLocalTracks,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
  Room,
  Track,
} from 'livekit-client';
import { createEffect, createSignal, onCleanup } from 'solid-js';

export function createLocalMedia(onError: (err: unknown) => void, wanted: () => boolean) {
  const [tracks, setTracks] = createSignal<LocalTrack[]>([]);
  const [cams, setCams] = createSignal<MediaDeviceInfo[]>([]);
  const [mics, setMics] = createSignal<MediaDeviceInfo[]>([]);
  let gone = false;
  let started = false;
  // Once it is wanted (not for a lesson that is over): the camera comes on for the preview.
  createEffect(async () => {
    if (started || !wanted()) return;
    started = true;
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
