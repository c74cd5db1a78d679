// The baseline for bench/live.bench.ts, bundled for the browser: livekit-client with nothing of the app around
// it — connect with a token and subscribe, the teacher's video attached to one visible element. `window.bare`
// also reads receiver stats and asks the server to treat this subscriber's downlink as slow.
import {
  createLocalTracks,
  type RemoteAudioTrack,
  type RemoteTrack,
  type RemoteVideoTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { roomOptions } from '../../web/src/features/lessons/room-options';
import { type LinkLevel, watchWeakLink } from '../../web/src/features/lessons/weak-link';

let room: Room | undefined;
const video = document.getElementById('v') as HTMLVideoElement;

async function join(url: string, token: string, settings: 'bare' | 'app') {
  room = new Room(settings === 'app' ? roomOptions : {});
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
    if (track.kind === Track.Kind.Video && track.source === Track.Source.Camera) track.attach(video);
    if (track.kind === Track.Kind.Audio) document.body.appendChild(track.attach());
  });
  await room.connect(url, token, { rtcConfig: { iceServers: [] } });
  // With the app's settings, also the app's weak-link guard.
  if (settings === 'app') {
    const r = room;
    stopWatch = watchWeakLink(
      () =>
        [...r.remoteParticipants.values()]
          .flatMap((p) => [...p.trackPublications.values()])
          .find((p) => p.source === Track.Source.Camera),
      (l) => (level = l),
    );
  }
}
let stopWatch = () => {};
let level: LinkLevel = 'full';

function tracks() {
  const pubs = [...(room?.remoteParticipants.values() ?? [])].flatMap((p) => [...p.trackPublications.values()]);
  return {
    video: pubs.find((p) => p.source === Track.Source.Camera)?.track as RemoteVideoTrack | undefined,
    audio: pubs.find((p) => p.kind === Track.Kind.Audio)?.track as RemoteAudioTrack | undefined,
  };
}

async function stats() {
  const t = tracks();
  const v = await t.video?.getReceiverStats();
  const a = await t.audio?.getReceiverStats();
  return {
    framesDecoded: v?.framesDecoded ?? 0,
    frameHeight: v?.frameHeight ?? 0,
    videoPacketsLost: v?.packetsLost ?? 0,
    videoBytes: v?.bytesReceived ?? 0,
    level,
    concealed: (a?.concealedSamples ?? 0) - (a?.silentConcealedSamples ?? 0),
    concealmentEvents: a?.concealmentEvents ?? 0,
    audioDuration: a?.totalSamplesDuration ?? 0,
  };
}

async function leave() {
  stopWatch();
  await room?.disconnect();
  room = undefined;
  video.srcObject = null;
}

/** Publishes the fake camera (720p, the app's simulcast layers) and microphone, as the teacher's console does. */
async function publish() {
  const tracks = await createLocalTracks({
    audio: true,
    video: { resolution: { width: 1280, height: 720, frameRate: 25 } },
  });
  for (const t of tracks) await room!.localParticipant.publishTrack(t, { simulcast: true });
  const v = tracks.find((t) => t.kind === Track.Kind.Video)!;
  return { width: v.mediaStreamTrack.getSettings().width, height: v.mediaStreamTrack.getSettings().height };
}

Object.assign(window, {
  bare: { join, stats, leave, publish, simulate: (bps: number) => room?.simulateScenario('subscriber-bandwidth', bps) },
});
