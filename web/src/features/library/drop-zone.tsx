import { createSignal, createUniqueId } from 'solid-js';
import { useI18n } from '../../lib/i18n';

/** What the picker offers; the server judges by the bytes whatever the name says. */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp,.mp4,.webm,.mp3,.zip';

/** Drop several files here, or pick them with an ordinary file input (reachable by Tab, opened by Enter or Space). */
export function DropZone(props: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [over, setOver] = createSignal(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file input inside is the keyboard's way
    <div
      class="drop-zone"
      classList={{ over: over() }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        props.onFiles([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <svg
        aria-hidden="true"
        width="40"
        height="40"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      >
        <path d="M12 15V3" />
        <path d="m7 8 5-5 5 5" />
        <path d="M20 15v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-4" />
      </svg>
      <p>
        <strong>{t('library.drop')}</strong> <span class="muted">{t('library.dropOr')}</span>
      </p>
      {/* The input stays in the tab order (only visually hidden); its label is the button people see. */}
      <input
        id={id}
        class="sr-only"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          props.onFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
      <label for={id} class="button primary">
        {t('library.pick')}
      </label>
      <p id={`${id}-hint`} class="muted small">
        {t('library.accepted')}
      </p>
    </div>
  );
}
