import { For } from 'solid-js';
import type { z } from 'zod';
import type { resourceVersion } from '../../../../shared/schemas/resources';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { downloadUrl, formatSize } from './library-labels';

type Version = z.infer<typeof resourceVersion>;

/** Every version of the file, newest first, each downloadable. */
export function VersionsList(props: { resourceId: string; versions: Version[] }) {
  const { t, locale } = useI18n();
  return (
    <ul class="plain versions">
      <For each={props.versions}>
        {(v, i) => (
          <li class="spread">
            <span>
              <strong>{t('library.versionLine', { n: String(v.number) })}</strong>
              {i() === 0 ? (
                <>
                  {' '}
                  <span class="badge lead">{t('library.current')}</span>
                </>
              ) : null}
              <br />
              <span class="muted small">
                {v.fileName} · {formatSize(v.size, locale())} · {formatDateTime(v.createdAt, locale())}
              </span>
            </span>
            <a
              href={downloadUrl(props.resourceId, { version: v.number })}
              download=""
              aria-label={t('library.downloadVersion', { n: String(v.number) })}
            >
              {t('library.download')}
            </a>
          </li>
        )}
      </For>
    </ul>
  );
}
