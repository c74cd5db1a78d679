// Views of live tracks: a video element a track is attached to (with a size, so adaptive stream keeps it
// flowing), and a sound meter that proves a classroom's voice arrives.
import { createAudioAnalyser, type Track } from 'livekit-client';
import { createEffect, createSignal, onCleanup } from 'solid-js';

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
  const [level, setLevel] = createSignal(0);
  createEffect(() => {
    const t = props.track;
    if (t?.kind !== 'audio') return setLevel(0);
    const { calculateVolume, cleanup } = createAudioAnalyser(t as never, { cloneTrack: true });
    const timer = setInterval(() => setLevel(Math.round(calculateVolume() * 100)), 150);
    onCleanup(() => {
      clearInterval(timer);
      void cleanup();
    });
  });
  return <meter class="sound" min={0} max={100} value={level()} aria-label={props.label} data-level={level()} />;
}
