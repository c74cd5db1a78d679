import { useI18n } from '../../lib/i18n';

/** A progress bar with its percentage in words, for screen readers and for the back of the room. */
export function UploadProgress(props: { fraction: number; label?: string }) {
  const { t } = useI18n();
  const percent = () => Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <span class="upload-progress">
      <progress max={100} value={percent()} aria-label={props.label ?? t('library.progress')} />
      <span class="percent" data-testid="upload-percent">
        {percent()}%
      </span>
    </span>
  );
}
