// The classroom PC checks its camera and microphone before the lesson, on its home page: the browser asks for
// permission here, from a click, with time to answer; a small preview and a sound meter show both work; the
// devices chosen are remembered in this browser. When the teacher lets the class speak, the big screen goes on air
// with them at once (on-air.ts). Part of the home page's own code (no livekit-client; ~1.7 KB brotli): a chunk of its
// own would make the bundler split the shared chunk every page loads first, which costs as much.
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { DeviceSelect } from './device-select';
import {
  type DeviceProblem,
  exactly,
  mediaPermission,
  presentChoice,
  problemOf,
  type RememberedDevices,
  rememberDevices,
  rememberedDevices,
} from './devices';
import { LevelMeter } from './sound-meter';

type Translate = ReturnType<typeof useI18n>['t'];

export function DeviceCheck() {
  const { t } = useI18n();
  const [saved, setSaved] = createSignal<RememberedDevices | null>(rememberedDevices());
  const [stream, setStream] = createSignal<MediaStream | null>(null);
  const [cams, setCams] = createSignal<MediaDeviceInfo[]>([]);
  const [mics, setMics] = createSignal<MediaDeviceInfo[]>([]);
  const [problem, setProblem] = createSignal<Exclude<DeviceProblem, 'prompt'> | null>(null);
  const [busy, setBusy] = createSignal(false);
  const track = (kind: 'audio' | 'video') =>
    stream()
      ?.getTracks()
      .find((x) => x.kind === kind);
  const stop = () => {
    for (const x of stream()?.getTracks() ?? []) x.stop();
    setStream(null);
  };

  // A choice remembered while the browser since lost (or blocked) the permission is no longer a working check.
  onMount(async () => {
    const state = await mediaPermission();
    if (state === 'denied') setProblem('denied');
    else if (state === 'prompt' && saved()) setSaved(null);
  });
  onCleanup(stop);

  /** The devices this stream uses, remembered for the big screen. */
  const remember = (s: MediaStream) => {
    const pick = (kind: 'audio' | 'video', list: MediaDeviceInfo[]) => {
      const id = s
        .getTracks()
        .find((x) => x.kind === kind)
        ?.getSettings().deviceId;
      const d = list.find((x) => x.deviceId === id);
      return d ? { id: d.deviceId, label: d.label } : undefined;
    };
    const next = {
      camera: pick('video', cams()),
      microphone: pick('audio', mics()),
      checkedAt: new Date().toISOString(),
    };
    rememberDevices(next);
    setSaved(next);
  };

  /** Opens camera and microphone (the browser asks the first time), the remembered ones or those picked now. */
  const open = async (want: { camera?: string; microphone?: string } = {}) => {
    setBusy(true);
    setProblem(null);
    stop();
    try {
      const pick = want.camera || want.microphone ? want : await presentChoice(saved() ?? undefined);
      const s = await navigator.mediaDevices.getUserMedia({
        video: { ...exactly(pick.camera), width: 640, height: 360 },
        audio: exactly(pick.microphone),
      });
      const all = await navigator.mediaDevices.enumerateDevices();
      setCams(all.filter((d) => d.kind === 'videoinput'));
      setMics(all.filter((d) => d.kind === 'audioinput'));
      setStream(s);
      remember(s);
    } catch (err) {
      setProblem(problemOf(err) ?? 'missing');
    } finally {
      setBusy(false);
    }
  };
  const chosen = (kind: 'audio' | 'video') => track(kind)?.getSettings().deviceId ?? '';

  return (
    <section class="device-check" aria-labelledby="device-check-title">
      <h3 id="device-check-title">{t('lessons.check.title')}</h3>
      <Show when={!stream()}>
        <Show
          when={problem()}
          fallback={
            <Show when={saved()} fallback={<p class="muted">{t('lessons.check.intro')}</p>}>
              {(d) => <p class="device-ok">✓ {savedLine(d(), t)}</p>}
            </Show>
          }
        >
          {(p) => (
            <p class="notice error" role="alert">
              {t(`lessons.check.${p()}`)}
            </p>
          )}
        </Show>
        <button type="button" class={saved() ? '' : 'big'} disabled={busy()} onClick={() => void open()}>
          {busy() ? t('lessons.check.opening') : saved() ? t('lessons.check.again') : t('lessons.check.start')}
        </button>
      </Show>
      <Show when={stream()} keyed>
        {(s) => (
          <div class="device-preview">
            <video
              class="mirror"
              aria-label={t('lessons.camera')}
              autoplay
              playsinline
              muted
              ref={(el) => {
                el.srcObject = s;
              }}
            />
            <p>{t('lessons.check.speak')}</p>
            <LevelMeter track={track('audio')} label={t('lessons.check.level')} />
            <DeviceSelect
              label={t('lessons.camera')}
              devices={cams()}
              value={chosen('video')}
              onPick={(id) => void open({ camera: id, microphone: chosen('audio') })}
            />
            <DeviceSelect
              label={t('lessons.microphone')}
              devices={mics()}
              value={chosen('audio')}
              onPick={(id) => void open({ camera: chosen('video'), microphone: id })}
            />
            <p>
              <button type="button" class="primary" onClick={stop}>
                {t('lessons.check.done')}
              </button>
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}

/** "Checked: camera · microphone", after a check worked in this browser. */
function savedLine(saved: RememberedDevices, t: Translate) {
  return t('lessons.check.ok', { camera: saved.camera?.label ?? '—', microphone: saved.microphone?.label ?? '—' });
}
