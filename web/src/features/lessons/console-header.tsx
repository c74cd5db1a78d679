import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { ConsoleRecording } from './console-recording';
import type { LiveRoom } from './live-room';

/** The lesson's title with what is on: recording (in the browser or on the server) and live. */
export function ConsoleHeader(props: { title: string; recording: ConsoleRecording; isLive: boolean }) {
  const { t } = useI18n();
  return (
    <div class="spread">
      <h1>{props.title}</h1>
      <span class="row">
        <Show when={props.recording.running()}>
          <span class="badge live" title={props.recording.onServer() ? t('lessons.recordingOnServer') : undefined}>
            ● {t('lessons.recordingNow')}
          </span>
        </Show>
        <Show when={props.isLive}>
          <span class="badge live" role="status">
            {t('lessons.live')}
          </span>
        </Show>
      </span>
    </div>
  );
}

/** The console's link to the live server when it is not simply up: reconnecting, or unreachable and retrying. */
export function ConnectionNotices(props: { live: LiveRoom }) {
  const { t } = useI18n();
  return (
    <>
      <Show when={props.live.phase() === 'reconnecting'}>
        <div class="notice info" role="status">
          {t('lessons.reconnecting')}
        </div>
      </Show>
      <Show when={props.live.phase() === 'retrying'}>
        <div class="notice info" role="status">
          {t(props.live.preparing() ? 'lessons.preparing' : 'lessons.unavailable', {
            seconds: String(props.live.retryIn()),
          })}
        </div>
      </Show>
    </>
  );
}

/** The lesson is over (ended here or elsewhere): where next, instead of buttons that would do nothing now. */
export function ConsoleEnded(props: { lessonId: string }) {
  const { t } = useI18n();
  return (
    <section class="card stack console-ended">
      <p>{t('lessons.ended')}</p>
      <p class="row">
        <A class="button primary" href={`/lessons/${props.lessonId}`}>
          {t('lessons.seeAttendance')}
        </A>
        <A class="button" href="/">
          {t('lessons.backHome')}
        </A>
      </p>
    </section>
  );
}
