// Views of live tracks: a video element a track is attached to (with a size, so adaptive stream keeps it
// flowing), and a sound meter that proves a classroom's voice arrives.
import type { Track } from 'livekit-client';
import { createEffect, onCleanup } from 'solid-js';
import { LevelMeter } from './sound-meter';

export function VideoView(props: { track: Track | undefined; class?: string; label: string; mirror?: boolean }) {
  let el!: HTMLVideoElement;
  createEffect(() => {
    const t = props.track;
    if (!t) return;
    t.attach(el);
    onCleanup(() => void t.detach(el));
  });
  return (
    <video
      ref={el}
      class={props.class}
      classList={{ mirror: !!props.mirror }}
      aria-label={props.label}
      autoplay
      playsinline
      muted
    />
  );
}

/** 0–100, from the decoded audio of a (remote or local) track. */
export function SoundMeter(props: { track: Track | undefined; label: string }) {
  return (
    <LevelMeter track={props.track?.kind === 'audio' ? props.track.mediaStreamTrack : undefined} label={props.label} />
  );
}
