// The big screen goes on air when the teacher lets the class speak: the microphone and camera chosen in the
// classroom home page's device check, published at once. Where the browser was never allowed to use them it asks
// nothing (a prompt in front of the class, while everyone waits) unless someone clicks to fix it.
import { type Room, VideoPresets } from 'livekit-client';
import { type DeviceProblem, exactly, mediaPermission, presentChoice, problemOf } from './devices';

/**
 * Publishes the remembered microphone and camera. `asked` is true when a person clicked (a prompt may then appear).
 * Answers what stands in the way, or null when on air.
 */
export async function goOnAir(room: Room, asked: boolean): Promise<DeviceProblem | null> {
  const permission = await mediaPermission();
  if (!asked && (permission === 'prompt' || permission === 'denied')) return permission;
  // The ones chosen on the home page, if they are here; else the browser's own.
  const chosen = permission === 'granted' ? await presentChoice() : {};
  const me = room.localParticipant;
  try {
    await me.setMicrophoneEnabled(true, exactly(chosen.microphone));
    await me.setCameraEnabled(true, { resolution: VideoPresets.h360.resolution, ...exactly(chosen.camera) });
    return null;
  } catch (err) {
    const problem = problemOf(err);
    if (!problem) throw err;
    return problem;
  }
}

/** The teacher stopped the class speaking: camera and microphone off. */
export async function goOffAir(room: Room) {
  await room.localParticipant.setMicrophoneEnabled(false);
  await room.localParticipant.setCameraEnabled(false);
}
