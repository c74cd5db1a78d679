// A sound meter for any audio track (the classroom PC's microphone in the device check, a remote classroom's voice on
// the console), with the browser's own Web Audio: no livekit-client, so the home page can show it.
import { createEffect, createSignal, onCleanup } from 'solid-js';

type AudioContextClass = typeof AudioContext;

/** 0–100, from the track's decoded audio (a copy of it, so stopping the meter never stops the track). */
export function LevelMeter(props: { track: MediaStreamTrack | undefined; label: string }) {
  const [level, setLevel] = createSignal(0);
  createEffect(() => {
    const track = props.track;
    const Context: AudioContextClass | undefined =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    if (track?.kind !== 'audio' || !Context) return setLevel(0);
    const ctx = new Context();
    // Started by a click (the device check) or on a page a click opened: allowed to run.
    void ctx.resume().catch(() => {});
    const copy = track.clone();
    const source = ctx.createMediaStreamSource(new MediaStream([copy]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    analyser.smoothingTimeConstant = 0.8;
    analyser.minDecibels = -100;
    analyser.maxDecibels = -80;
    source.connect(analyser);
    const data = new Uint8Array(analyser.frequencyBinCount);
    const timer = setInterval(() => {
      analyser.getByteFrequencyData(data);
      let sum = 0;
      for (const a of data) sum += (a / 255) ** 2;
      setLevel(Math.round(Math.sqrt(sum / data.length) * 100));
    }, 150);
    onCleanup(() => {
      clearInterval(timer);
      source.disconnect();
      copy.stop();
      void ctx.close().catch(() => {});
    });
  });
  return <meter class="sound" min={0} max={100} value={level()} aria-label={props.label} data-level={level()} />;
}
