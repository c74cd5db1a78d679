import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { LiveRoom } from './live-room';

/**
 * What the big screen is doing, in words: connecting, reconnecting (also the moment the browser goes offline),
 * unreachable (retrying), a weak link — only as the network's own figures show it (weak-link.ts) — the sound and the
 * shared screen put first on a short link (link-mode.ts), and a connection over TCP or a relay when UDP is blocked.
 */
export function StageStatus(props: { live: LiveRoom }) {
  const { t } = useI18n();
  return (
    <div class="stage-status" role="status">
      <Show when={props.live.phase() === 'connecting'}>
        <span class="notice info">{t('lessons.connecting')}</span>
      </Show>
      <Show when={props.live.phase() === 'reconnecting'}>
        <span class="notice info">{t('lessons.reconnecting')}</span>
      </Show>
      <Show when={props.live.phase() === 'retrying'}>
        {/* Being prepared (a first start) is expected, not a fault: said calmly, not in red. */}
        <span class={props.live.preparing() ? 'notice info' : 'notice error'}>
          {t(props.live.preparing() ? 'lessons.preparing' : 'lessons.unavailable', {
            seconds: String(props.live.retryIn()),
          })}{' '}
          <button type="button" onClick={() => props.live.connect()}>
            {t('lessons.retryNow')}
          </button>
        </span>
      </Show>
      <Show when={props.live.phase() === 'connected' && props.live.videoPaused()}>
        <span class="notice info">{t('lessons.audioOnly')}</span>
      </Show>
      <Show when={props.live.phase() === 'connected' && !props.live.videoPaused() && props.live.linkLevel() !== 'full'}>
        <span class="notice info">{t('lessons.lowerQuality')}</span>
      </Show>
      <Show when={props.live.phase() === 'connected' && props.live.linkMode() !== 'full'}>
        <span class="notice info" data-mode={props.live.linkMode()}>
          {t(props.live.linkMode() === 'stills' ? 'lessons.slidesStill' : 'lessons.contentFirst')}
        </span>
      </Show>
      <Show when={props.live.phase() === 'connected' && props.live.transport() && props.live.transport() !== 'udp'}>
        <span class="notice info" data-transport={props.live.transport()}>
          {t(props.live.transport() === 'relay' ? 'lessons.overRelay' : 'lessons.overTcp')}
        </span>
      </Show>
      <Show when={props.live.role() === 'observer'}>
        <span class="notice info">{t('lessons.observerNote')}</span>
      </Show>
    </div>
  );
}

/**
 * When the lesson is over, taken over by another computer, or cannot be joined: what happened and where next — after
 * the lesson, the feedback (the assistant's) or the evaluation (an observer's), and the home page.
 */
export function StageMessages(props: { live: LiveRoom; lessonId: string }) {
  const { t, errorText } = useI18n();
  return (
    <>
      <Show when={props.live.phase() === 'ended'}>
        <div class="stage-message">
          <p>{t('lessons.ended')}</p>
          <p class="row stage-next">
            <A class="button primary big" href={`/lessons/${props.lessonId}#feedback`}>
              {props.live.role() === 'observer' ? t('lessons.evaluate') : t('lessons.giveFeedback')}
            </A>
            <A class="button big" href="/">
              {t('lessons.backHome')}
            </A>
          </p>
        </div>
      </Show>
      <Show when={props.live.phase() === 'replaced'}>
        <div class="stage-message">
          <p>{t('lessons.replaced')}</p>
          <button type="button" class="primary" onClick={() => props.live.connect()}>
            {t('lessons.takeBack')}
          </button>
        </div>
      </Show>
      <Show when={props.live.phase() === 'closed' && props.live.error()}>
        <div class="stage-message">
          <p>{errorText(props.live.error())}</p>
          <A class="button primary" href="/">
            {t('nav.home')}
          </A>
        </div>
      </Show>
    </>
  );
}
