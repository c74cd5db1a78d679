import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import type { LiveRoom } from './live-room';

/** Text messages between the teacher and the classrooms, over the room's data channel. */
export function ChatPanel(props: { live: LiveRoom; readOnly?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = createSignal('');
  const submit = (e: Event) => {
    e.preventDefault();
    props.live.sendChat(text());
    setText('');
  };
  return (
    <section class="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('lessons.chat')}</h2>
      <ul class="plain chat-lines" aria-live="polite">
        <Show when={props.live.chat().length} fallback={<li class="muted">{t('lessons.noChat')}</li>}>
          <For each={props.live.chat()}>
            {(m) => (
              <li classList={{ mine: m.mine }}>
                <strong>{m.from}</strong> {m.text}
              </li>
            )}
          </For>
        </Show>
      </ul>
      <Show when={!props.readOnly}>
        <form class="row" onSubmit={submit}>
          <input
            aria-label={t('lessons.chat')}
            placeholder={t('lessons.chatPlaceholder')}
            maxLength={500}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit">{t('lessons.send')}</button>
        </form>
      </Show>
    </section>
  );
}
