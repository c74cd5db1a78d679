import { A } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';

/**
 * What went wrong with one upload and what to do: the existing copy, the size limit, the accepted types, the fields to
 * fix.
 */
export function UploadError(props: { error: unknown }) {
  const { t, errorText, locale } = useI18n();
  const quoted = (title: string) => (locale() === 'zh' ? `《${title}》` : `“${title}”`);
  const api = () => (props.error instanceof ApiError ? props.error : undefined);
  const fieldNames = () => {
    const names: Record<string, string> = {
      title: t('library.titleLabel'),
      subject: t('library.subjectLabel'),
      grade: t('library.gradeLabel'),
      kind: t('library.kindLabel'),
      visibility: t('library.visibilityLabel'),
      edition: t('library.editionLabel'),
      volume: t('library.volumeLabel'),
      unit: t('library.unitLabel'),
      tags: t('library.tagsLabel'),
      summary: t('library.summaryLabel'),
    };
    return Object.keys(api()?.fields ?? {})
      .map((k) => names[k] ?? k)
      .join(t('common.separator'));
  };
  return (
    <Show when={props.error}>
      <div class="notice error upload-error" role="alert">
        <Switch fallback={errorText(props.error)}>
          <Match when={api()?.code === 'already_exists' && api()?.details?.resourceId ? api()?.details : undefined}>
            {(d) => (
              <>
                {t('library.alreadyExists')}{' '}
                <A href={`/library/${String(d().resourceId)}`}>{quoted(String(d().title ?? ''))}</A>
              </>
            )}
          </Match>
          <Match when={api()?.code === 'payload_too_large'}>{t('library.tooLarge')}</Match>
          <Match when={api()?.code === 'unsupported_type'}>{t('library.wrongType')}</Match>
          <Match when={api()?.code === 'validation_failed' && fieldNames()}>
            {t('library.fixFields', { fields: fieldNames() })}
          </Match>
        </Switch>
      </div>
    </Show>
  );
}
