import { createSignal, For } from 'solid-js';
import { useI18n } from '../../lib/i18n';

export interface HandNotice {
  id: number;
  identity: string;
  name: string;
}

/** The raised hands the console shows: one per classroom, the latest last. */
export function createHandNotices() {
  const [notices, setNotices] = createSignal<HandNotice[]>([]);
  let seq = 0;
  return {
    all: notices,
    raised: (p: { identity: string; name: string }) =>
      setNotices((n) => [
        ...n.filter((x) => x.identity !== p.identity),
        { id: ++seq, identity: p.identity, name: p.name },
      ]),
    /** The classroom was let speak: its hand is answered. */
    answered: (identity: string) => setNotices((n) => n.filter((x) => x.identity !== identity)),
    dismiss: (notice: HandNotice) => setNotices((n) => n.filter((x) => x.id !== notice.id)),
  };
}

/** A raised hand floats a notice on the console: one click lets that classroom speak, or dismisses it. */
export function HandNotices(props: {
  notices: HandNotice[];
  onLetSpeak: (n: HandNotice) => void;
  onDismiss: (n: HandNotice) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="hand-notices" aria-live="assertive">
      <For each={props.notices}>
        {(n) => (
          <div class="hand-notice">
            <span>
              <span class="light hand" aria-hidden="true" /> {t('lessons.handNotice', { name: n.name })}
            </span>
            <button type="button" class="primary" onClick={() => props.onLetSpeak(n)}>
              {t('lessons.letSpeak')}
            </button>
            <button type="button" class="link" aria-label={t('common.close')} onClick={() => props.onDismiss(n)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
