import { Match, Switch } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { useI18n } from '../../lib/i18n';
import { downloadUrl, fileType, previewKind } from './library-labels';

/** The file shown in the page where the browser can (PDF, image, video, audio); otherwise a word on how to open it. */
export function ResourcePreview(props: { resource: Resource }) {
  const { t } = useI18n();
  const file = () => props.resource.file;
  // The version in the address: a new version changes it, so the frame does not keep showing the old file.
  const src = () => downloadUrl(props.resource.id, { inline: true, version: props.resource.file?.number });
  const kind = () => {
    const f = file();
    return f ? previewKind(f.contentType) : null;
  };
  const typeName = () => {
    const f = file();
    return f ? fileType(f.contentType, f.fileName) : '';
  };
  return (
    <section class="card preview" aria-labelledby="preview-title">
      <div class="spread">
        <h2 id="preview-title">{t('library.preview')}</h2>
        <Switch>
          <Match when={kind() === 'pdf'}>
            <a href={src()} target="_blank" rel="noopener">
              {t('library.openFull')}
            </a>
          </Match>
        </Switch>
      </div>
      <Switch fallback={<p class="muted">{t('library.noPreview', { type: typeName() })}</p>}>
        <Match when={kind() === 'pdf'}>
          <iframe class="preview-pdf" src={src()} title={t('library.previewFrame', { title: props.resource.title })} />
        </Match>
        <Match when={kind() === 'image'}>
          <img class="preview-media" src={src()} alt={t('library.previewFrame', { title: props.resource.title })} />
        </Match>
        <Match when={kind() === 'video'}>
          {/* biome-ignore lint/a11y/useMediaCaption: teachers' uploaded videos come without caption files */}
          <video
            class="preview-media"
            src={src()}
            controls
            preload="metadata"
            aria-label={t('library.previewFrame', { title: props.resource.title })}
          />
        </Match>
        <Match when={kind() === 'audio'}>
          {/* biome-ignore lint/a11y/useMediaCaption: teachers' uploaded recordings come without caption files */}
          <audio
            src={src()}
            controls
            preload="metadata"
            aria-label={t('library.previewFrame', { title: props.resource.title })}
          />
        </Match>
      </Switch>
    </section>
  );
}
