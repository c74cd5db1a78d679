import { createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type HonourLevel, type HonourYears, honourLevels } from '../../../../shared/exchanges';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { resetHonourSettings, saveHonourSettings } from './views.actions';
import { getHonourSettings } from './views.queries';

/** A number field's value as years, or null when left empty (the honour is not given). */
const yearsOf = (form: FormData, level: HonourLevel) => {
  const v = String(form.get(level) ?? '').trim();
  return v === '' ? null : Number(v);
};

/**
 * The years each honour asks where the list is counted (issue 12: the policy's facts are settings), where they come
 * from, and for a group's or district's admin a form to set its own or go back to the published ones.
 */
export function HonourSettings(props: { orgId: string }) {
  const { t, locale } = useI18n();
  const settings = createAsync(() => getHonourSettings(props.orgId));
  const save = useAction(saveHonourSettings);
  const reset = useAction(resetHonourSettings);
  const { busy, error, run } = usePending();
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const levelName = (level: HonourLevel) => t(`exchanges.honours.settings.levels.${level}`);
  const yearsText = (years: number | null) =>
    years === null
      ? t('exchanges.honours.settings.notGiven')
      : t('exchanges.honours.settings.years', { years: String(years) });
  const labels = Object.fromEntries(
    honourLevels.map((l) => [l, t('exchanges.honours.settings.yearsLabel', { level: levelName(l) })]),
  );
  const done = async (work: () => Promise<unknown>) => {
    setSaved(false);
    if ((await run(work)) !== undefined) {
      setEditing(false);
      setSaved(true);
    }
  };
  return (
    <Show when={settings()}>
      {(s) => (
        <section class="card honour-settings" aria-labelledby="honour-settings" data-testid="honour-settings">
          <div class="spread">
            <h2 id="honour-settings">{t('exchanges.honours.settings.title')}</h2>
            <Show when={s().mayEdit && !editing()}>
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('exchanges.honours.settings.edit')}
              </button>
            </Show>
          </div>
          <ul class="plain compact honour-years">
            <For each={[...honourLevels].reverse()}>
              {(level) => (
                <li data-testid={`honour-years-${level}`}>
                  {levelName(level)}
                  {t('common.colon')}
                  <strong>{yearsText(s().years[level])}</strong>
                </li>
              )}
            </For>
          </ul>
          <p class="muted" data-testid="honour-source">
            {t(`exchanges.honours.settings.sources.${s().source}`, {
              org: s().from?.name ?? '',
              who: s().updatedBy?.name ?? '',
              date: s().updatedAt ? formatPlainDate(s().updatedAt?.slice(0, 10) ?? '', locale()) : '',
            })}
          </p>
          <Show when={saved()}>
            <OkNotice>{t('exchanges.honours.settings.saved')}</OkNotice>
          </Show>
          <Show when={editing()}>
            <form
              class="honour-settings-form"
              onSubmit={(e) => {
                e.preventDefault();
                const form = new FormData(e.currentTarget);
                const years = Object.fromEntries(honourLevels.map((l) => [l, yearsOf(form, l)])) as HonourYears;
                void done(() => save(props.orgId, years));
              }}
            >
              <p class="muted">{t('exchanges.honours.settings.hint')}</p>
              <div class="row">
                <For each={honourLevels}>
                  {(level) => (
                    <Field label={labels[level] ?? level} name={level} error={error()}>
                      {(a) => (
                        <input
                          {...a}
                          type="number"
                          inputmode="numeric"
                          min="1"
                          max="60"
                          value={s().years[level] ?? ''}
                        />
                      )}
                    </Field>
                  )}
                </For>
              </div>
              <ErrorNotice error={error()} fields={labels} />
              <div class="row">
                <button type="submit" class="primary" disabled={busy()}>
                  {t('exchanges.honours.settings.save')}
                </button>
                <Show when={s().source === 'own'}>
                  <button type="button" disabled={busy()} onClick={() => void done(() => reset(props.orgId))}>
                    {t('exchanges.honours.settings.reset')}
                  </button>
                </Show>
                <button type="button" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          </Show>
        </section>
      )}
    </Show>
  );
}
