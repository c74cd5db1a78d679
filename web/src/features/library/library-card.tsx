import { A } from '@solidjs/router';
import { useI18n } from '../../lib/i18n';

/** The home page's way into the library (journey 5): find a lesson plan, or share one. */
export function LibraryCard() {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="library-card-title">
      <h2 id="library-card-title">{t('library.homeCard')}</h2>
      <p class="muted">{t('library.homeCardHint')}</p>
      <div class="row">
        <A class="button primary" href="/library">
          {t('library.findLessonPlan')}
        </A>
        <A class="button" href="/library/upload">
          {t('library.shareOne')}
        </A>
      </div>
    </section>
  );
}
