import { A, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { LessonOffer } from '../../../../shared/schemas/exchanges';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { logLesson } from './placements.actions';

/**
 * The live lessons the teacher gave rural classrooms while in post, not yet logged: each with its hours and every
 * classroom's minutes as LiveKit recorded them, and one button that logs it (nothing to type).
 */
export function LessonOffers(props: { placementId: string; offers: LessonOffer[] }) {
  const { t, locale } = useI18n();
  const log = useAction(logLesson);
  const [busy, setBusy] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal('');

  async function logOne(offer: LessonOffer) {
    setBusy(offer.lessonId);
    setError(undefined);
    setDone('');
    try {
      await log(props.placementId, offer.lessonId);
      setDone(t('exchanges.post.offerLogged', { title: offer.title }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  }

  return (
    <Show when={props.offers.length || done() || error()}>
      <section class="card" id="offers" aria-labelledby="offers-title" data-testid="lesson-offers">
        <h2 id="offers-title">{t('exchanges.post.offersTitle')}</h2>
        <p class="muted">{t('exchanges.post.offersHint')}</p>
        <ErrorNotice error={error()} />
        <Show when={done()}>
          <OkNotice>{done()}</OkNotice>
        </Show>
        <ul class="plain">
          <For each={props.offers}>
            {(o) => (
              <li class="offer" data-testid="lesson-offer">
                <div class="spread">
                  <div>
                    <A href={`/lessons/${o.lessonId}`} id={`offer-${o.lessonId}`}>
                      {o.title}
                    </A>
                    <br />
                    <span class="muted">
                      {formatDateTime(o.startsAt, locale())} ·{' '}
                      {t('exchanges.post.hoursValue', { hours: String(o.hours) })}
                    </span>
                  </div>
                  <button
                    type="button"
                    class="primary"
                    aria-describedby={`offer-${o.lessonId}`}
                    disabled={!!busy()}
                    onClick={() => logOne(o)}
                  >
                    {t('exchanges.post.logOffer')}
                  </button>
                </div>
                <ul class="attendance">
                  <For each={o.classrooms}>
                    {(c) => (
                      <li>
                        {t('exchanges.post.offerAttendance', {
                          school: c.schoolName,
                          classroom: c.name,
                          minutes: String(c.minutes),
                        })}
                      </li>
                    )}
                  </For>
                </ul>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
