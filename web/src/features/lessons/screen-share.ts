// The console's one-button screen share. Local tracks outlive an unpublish here (keepLocalTracks), so the capture
// is stopped by hand: when sharing stops, when a dropped connection ends it, and when the page goes away.
import { Track } from 'livekit-client';
import { createSignal, onCleanup } from 'solid-js';
import type { LiveRoom } from './live-room';
import { SCREEN_SHARE } from './room-options';

export function createScreenShare(live: LiveRoom, onError: (err: unknown) => void) {
  const [sharing, setSharing] = createSignal(false);
  let shared: { stop(): void } | undefined;
  const screenTrack = () => live.room.localParticipant.getTrackPublication(Track.Source.ScreenShare)?.track;
  const toggle = async () => {
    try {
      const before = screenTrack();
      await live.room.localParticipant.setScreenShareEnabled(!sharing(), {
        audio: false,
        contentHint: 'detail',
        resolution: SCREEN_SHARE.resolution,
      });
      if (sharing()) before?.stop();
      shared = sharing() ? undefined : screenTrack();
      setSharing(!sharing());
    } catch (err) {
      onError(err);
    }
  };
  /** A screen share does not survive a dropped connection: its capture stops; the teacher shares again in one click. */
  const reset = () => {
    shared?.stop();
    shared = undefined;
    setSharing(false);
  };
  onCleanup(() => shared?.stop());
  return { sharing, toggle, reset };
}
