import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { ConsoleRecording } from './console-recording';
import { DeviceSelect } from './device-select';
import type { LocalMedia } from './local-media';
import { SoundMeter, VideoView } from './media';
import { canRecord } from './recorder';

/**
 * The teacher's own picture: before going live a preview with the choice of camera and microphone (and whether to
 * record); once live, screen share and ending the lesson.
 */
export function ConsoleCamera(props: {
  media: LocalMedia;
  recording: ConsoleRecording;
  isLive: boolean;
  busy: boolean;
  sharing: boolean;
  onGoLive: () => void;
  onToggleShare: () => void;
  onEnd: () => void;
}) {
  const { t } = useI18n();
  return (
    <section class="card stack">
      <Show when={!props.isLive} fallback={<h2>{t('lessons.camera')}</h2>}>
        <h2>{t('lessons.preview')}</h2>
      </Show>
      <VideoView track={props.media.video()} class="self-view" label={t('lessons.camera')} mirror />
      <SoundMeter track={props.media.audio()} label={t('lessons.microphone')} />
      <Show when={!props.isLive}>
        <div class="row device-choice">
          <DeviceSelect
            label={t('lessons.camera')}
            devices={props.media.cams()}
            onPick={(id) => props.media.video()?.restartTrack({ deviceId: id })}
          />
          <DeviceSelect
            label={t('lessons.microphone')}
            devices={props.media.mics()}
            onPick={(id) => props.media.audio()?.restartTrack({ deviceId: id })}
          />
        </div>
        <Show when={canRecord()}>
          <label class="check">
            <input
              type="checkbox"
              checked={props.recording.wanted()}
              onChange={(e) => props.recording.setWanted(e.currentTarget.checked)}
            />{' '}
            {t('lessons.recordLesson')} <span class="hint">{t('lessons.recordHint')}</span>
          </label>
        </Show>
        <button
          type="button"
          class="primary big"
          disabled={props.busy || !props.media.tracks().length}
          onClick={() => props.onGoLive()}
        >
          {props.busy ? t('lessons.going') : t('lessons.goLive')}
        </button>
      </Show>
      <Show when={props.isLive}>
        <div class="row">
          <button type="button" onClick={() => props.onToggleShare()}>
            {props.sharing ? t('lessons.stopShare') : t('lessons.shareScreen')}
          </button>
          <button type="button" class="danger" onClick={() => props.onEnd()}>
            {t('lessons.end')}
          </button>
        </div>
      </Show>
    </section>
  );
}
