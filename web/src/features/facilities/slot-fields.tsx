import { createEffect, createSignal, on, Show } from 'solid-js';
import { isoOf, wall } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import type { Pick } from './booking-panel';

/**
 * The slot typed instead of dragged (keyboard, screen reader, a phone's date and time pickers): the same pick as the
 * calendar's, both ways. The inputs belong to the booking form (`form`), so Enter in any of them books.
 */
export function SlotFields(props: { pick: Pick | null; onPick: (p: Pick) => void; form: string }) {
  const { t } = useI18n();
  const [date, setDate] = createSignal('');
  const [start, setStart] = createSignal('');
  const [end, setEnd] = createSignal('');
  // A slot picked on the calendar (or offered after a clash) shows here.
  createEffect(
    on(
      () => props.pick,
      (p) => {
        if (!p) return;
        setDate(wall(p.startsAt).slice(0, 10));
        setStart(wall(p.startsAt).slice(11, 16));
        setEnd(wall(p.endsAt).slice(11, 16));
      },
    ),
  );
  const backwards = () => !!start() && !!end() && end() <= start();
  // Complete and in order: that is the pick (an unfinished time reads as empty, and changes nothing yet).
  const typed = () => {
    if (!date() || !start() || !end() || backwards()) return;
    const p = { startsAt: isoOf(date(), start()), endsAt: isoOf(date(), end()) };
    if (p.startsAt !== props.pick?.startsAt || p.endsAt !== props.pick?.endsAt) props.onPick(p);
  };
  const field = (id: string, label: string, input: HTMLInputElement['type'], value: () => string, set: Setter) => (
    <div class={`field ${input}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type={input}
        form={props.form}
        required
        value={value()}
        min={id === 'slot-end' ? start() : undefined}
        aria-invalid={id === 'slot-end' && backwards()}
        aria-describedby={id === 'slot-end' && backwards() ? 'slot-end-err' : undefined}
        onInput={(e) => {
          set(e.currentTarget.value);
          typed();
        }}
      />
    </div>
  );
  return (
    <fieldset class="slot-fields">
      <legend>{t('facilities.slotLegend')}</legend>
      <div class="slot-grid">
        {field('slot-date', t('facilities.slotDate'), 'date', date, setDate)}
        {field('slot-start', t('facilities.slotStart'), 'time', start, setStart)}
        {field('slot-end', t('facilities.slotEnd'), 'time', end, setEnd)}
      </div>
      <Show when={backwards()}>
        <span class="field-error" id="slot-end-err">
          {t('facilities.slotEndAfterStart')}
        </span>
      </Show>
    </fieldset>
  );
}

type Setter = (v: string) => void;
