import { Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { LiveRoom } from './live-room';

/**
 * The classroom's part at the foot of the big screen: raise hand (and that it is up), or on air while the teacher
 * lets the class speak — or, when the camera and microphone could not go on, why and how to fix it.
 */
export function StageBottom(props: { live: LiveRoom }) {
  const { t } = useI18n();
  return (
    <div class="stage-bottom">
      <Switch>
        <Match when={props.live.onAir() && props.live.deviceProblem()}>
          {(problem) => (
            <div class="notice error stage-devices" role="alert">
              <p>{t(`lessons.devices.${problem()}`)}</p>
              <button type="button" class="primary big" onClick={() => void props.live.retryDevices()}>
                {problem() === 'prompt' ? t('lessons.devices.allow') : t('lessons.devices.retry')}
              </button>
            </div>
          )}
        </Match>
        <Match when={props.live.onAir()}>
          <span class="on-air" role="status">
            ● {t('lessons.onAir')}
          </span>
        </Match>
        <Match when={!props.live.onAir()}>
          <button
            type="button"
            class="primary big hand"
            aria-pressed={props.live.handUp()}
            disabled={props.live.phase() !== 'connected'}
            onClick={() => props.live.raiseHand(!props.live.handUp())}
          >
            {props.live.handUp() ? t('lessons.lowerHand') : t('lessons.raiseHand')}
          </button>
          <Show when={props.live.handUp()}>
            <span class="hand-raised" role="status">
              {t('lessons.handRaised')}
            </span>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
