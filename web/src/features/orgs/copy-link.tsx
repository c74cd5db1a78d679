import { createSignal } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** An invitation link in full, with a copy button (the clipboard may be refused on plain http). */
export function CopyLink(props: { path: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = createSignal(false);
  const url = () => `${location.origin}${props.path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url());
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span class="row" style={{ gap: '.5rem' }}>
      <code data-testid="invite-link">{url()}</code>
      <button type="button" onClick={copy}>
        {copied() ? t('common.copied') : t('common.copy')}
      </button>
    </span>
  );
}
