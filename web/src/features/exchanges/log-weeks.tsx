import { A, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { LogEntry, Placement } from '../../../../shared/schemas/exchanges';
import { mondayOf } from '../../../../shared/time';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatDay } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { confirmLogs } from './placements.actions';
import { weekRange } from './this-week';

type Week = { monday: string; entries: LogEntry[] };

/** The log by week, newest first; the past weeks in post without an entry (the server names them) are shown too. */
export function weeksOf(logs: LogEntry[], missing: string[]): Week[] {
  const weeks = new Map<string, LogEntry[]>(missing.map((m) => [m, []]));
  for (const l of logs) {
    const monday = mondayOf(l.on);
    weeks.set(monday, [...(weeks.get(monday) ?? []), l]);
  }
  return [...weeks]
    .map(([monday, entries]) => ({ monday, entries }))
    .sort((a, b) => (a.monday < b.monday ? 1 : a.monday > b.monday ? -1 : 0));
}

const hoursOf = (entries: LogEntry[]) => entries.reduce((sum, e) => sum + e.hours, 0);

/**
 * The weekly log: each week's days with what was done, hours and whether the host school confirmed it. The host school
 * (its admins, the mentor) confirms an entry, or a whole week's, in one action.
 */
export function LogWeeks(props: { placement: Placement; logs: LogEntry[] }) {
  const { t, locale } = useI18n();
  const confirm = useAction(confirmLogs);
  const { busy, error, run } = usePending();
  const [done, setDone] = createSignal('');
  const weeks = () => weeksOf(props.logs, props.placement.weeksWithoutEntry);
  const range = (monday: string) => weekRange(monday, locale());

  async function confirmEntries(ids: string[]) {
    await run(async () => {
      setDone('');
      await confirm(props.placement.id, ids);
      setDone(t('exchanges.post.confirmedOutcome', { count: String(ids.length) }));
    });
  }

  return (
    <section class="card" aria-labelledby="log-title" data-testid="log-weeks">
      <h2 id="log-title">{t('exchanges.post.logList')}</h2>
      <ErrorNotice error={error()} />
      <Show when={done()}>
        <OkNotice>{done()}</OkNotice>
      </Show>
      <Show when={weeks().length} fallback={<p class="muted">{t('exchanges.post.noLogs')}</p>}>
        <For each={weeks()}>
          {(w) => {
            const open = () => w.entries.filter((e) => !e.confirmedAt).map((e) => e.id);
            return (
              <section class="log-week" data-testid="log-week" aria-label={range(w.monday)}>
                <div class="spread">
                  <h3 classList={{ missing: !w.entries.length }}>
                    {w.entries.length
                      ? t('exchanges.post.week', { range: range(w.monday), hours: String(hoursOf(w.entries)) })
                      : t('exchanges.post.weekMissing', { range: range(w.monday) })}
                  </h3>
                  <Show when={props.placement.mayConfirm && open().length > 1}>
                    <button type="button" disabled={busy()} onClick={() => confirmEntries(open())}>
                      {t('exchanges.post.confirmWeek', { count: String(open().length) })}
                    </button>
                  </Show>
                </div>
                <ul class="plain log-entries">
                  <For each={w.entries}>
                    {(e) => (
                      <li data-testid="log-entry">
                        <span class="nowrap" id={`log-${e.id}`}>
                          {formatDay(e.on, locale())}
                        </span>
                        <span class="badge kind">{t('exchanges.post.activities')[e.activity]}</span>
                        <span class="nowrap">{t('exchanges.post.hoursValue', { hours: String(e.hours) })}</span>
                        <Show when={e.note}>
                          <span class="log-note">{e.note}</span>
                        </Show>
                        <Show when={e.lesson}>
                          {(l) => <A href={`/lessons/${l().id}`}>{t('exchanges.post.lesson')}</A>}
                        </Show>
                        <Show when={e.resource}>
                          {(r) => (
                            <A
                              href={`/library/${r().id}`}
                            >{`${t('exchanges.post.resource')}${t('common.colon')}${r().title}`}</A>
                          )}
                        </Show>
                        <Show
                          when={e.confirmedBy}
                          fallback={<span class="badge pending">{t('exchanges.post.unconfirmed')}</span>}
                        >
                          {(by) => (
                            <span class="badge approved">✓ {t('exchanges.post.confirmed', { by: by().name })}</span>
                          )}
                        </Show>
                        <Show when={props.placement.mayConfirm && !e.confirmedAt}>
                          <button
                            type="button"
                            aria-describedby={`log-${e.id}`}
                            disabled={busy()}
                            onClick={() => confirmEntries([e.id])}
                          >
                            {t('exchanges.post.confirm')}
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            );
          }}
        </For>
      </Show>
    </section>
  );
}
