import { Show } from 'solid-js';
import { useI18n } from '../lib/i18n';

/**
 * A file field in the page's language. A browser's own file input says "Choose File" / "No file chosen" in the
 * browser's language, whatever the page's; here the input stays the control (focusable, named by its field's
 * label, where the file goes) and a label in the page's words opens it.
 */
export function FileInput(props: {
  id: string;
  accept?: string;
  required?: boolean;
  disabled?: boolean;
  /** The chosen file's name, or null for none yet ("未选择文件"); a field that says nothing leaves it out. */
  chosen?: string | null;
  onChange: (input: HTMLInputElement) => void;
}) {
  const { t } = useI18n();
  return (
    <span class="file-input">
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        required={props.required}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget)}
      />
      {/* Hidden from screen readers: they hear the field's own label on the input itself. */}
      <label for={props.id} class="button" aria-hidden="true">
        {t('common.chooseFile')}
      </label>
      <Show when={props.chosen !== undefined}>
        {/* A file's name is the person's, in whatever language they named it. */}
        <span class="muted" translate={props.chosen ? 'no' : undefined}>
          {props.chosen ?? t('common.noFileChosen')}
        </span>
      </Show>
    </span>
  );
}
