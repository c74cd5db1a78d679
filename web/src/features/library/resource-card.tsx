import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { Icon } from '../../components/icon';
import { useI18n } from '../../lib/i18n';
import { useBookNames } from './book-names';
import { downloadUrl, fileType, formatSize } from './library-labels';
import { Highlight } from './search-box';
import { StatusBadge } from './status-badge';

/**
 * One search result: what it is, where it sits in the curriculum, who made it, how many used it; download in one click.
 */
export function ResourceCard(props: { resource: Resource; highlight?: string }) {
  const { t, locale } = useI18n();
  const books = useBookNames();
  const r = () => props.resource;
  return (
    <article class="card resource-card" data-testid="resource-card">
      <div class="spread resource-card-head">
        <h2>
          <A href={`/library/${r().id}`}>
            <Highlight text={r().title} term={props.highlight ?? ''} />
          </A>
        </h2>
        <span class="badge kind">{t('library.kinds')[r().kind]}</span>
      </div>
      <p class="resource-place">
        {t('library.subjects')[r().subject]} · {t('library.grades')[String(r().grade) as '1']}
        <Show when={books.place(r())}>{(place) => <> · {place()}</>}</Show>
      </p>
      <p class="muted">{t('library.by', { school: r().schoolName, author: r().authorName })}</p>
      <p class="row resource-facts">
        <span>{r().users ? t('library.usedBy', { n: String(r().users) }) : t('library.usedByNone')}</span>
        <StatusBadge status={r().status} />
      </p>
      <div class="spread resource-card-foot">
        <Show when={r().file}>
          {(f) => (
            <span class="muted small">
              {fileType(f().contentType, f().fileName)} · {formatSize(f().size, locale())}
            </span>
          )}
        </Show>
        <a
          class="button"
          href={downloadUrl(r().id)}
          download=""
          aria-label={t('library.downloadTitle', { title: r().title })}
        >
          <DownloadIcon /> {t('library.download')}
        </a>
      </div>
    </article>
  );
}

export function DownloadIcon() {
  return (
    <Icon>
      <path d="M12 3v12" />
      <path d="m7 10 5 5 5-5" />
      <path d="M5 21h14" />
    </Icon>
  );
}
