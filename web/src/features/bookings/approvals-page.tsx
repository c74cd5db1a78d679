import { createAsync, useAction } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Booking } from '../../../../shared/schemas/bookings';
import { EmptyState } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { ApprovalRow } from './approval-row';
import { type Decision, type DecisionResult, decideBookings } from './approvals.actions';
import { getApprovalQueue } from './bookings.queries';
import { BulkBar } from './bulk-bar';
import { DecisionOutcome, type Outcome } from './decision-outcome';
import { termSpan } from './quota';

/** The approval queue (JOURNEYS 2): each booking approved in one action or declined in two; several at once. */
export function ApprovalsPage() {
  const { t, errorText } = useI18n();
  const queue = createAsync(() => getApprovalQueue());
  const decide = useAction(decideBookings);
  const [selected, setSelected] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal<string[]>([]);
  const [outcome, setOutcome] = createSignal<Outcome>();
  let outcomeEl: HTMLDivElement | undefined;

  const items = () => queue()?.items ?? [];
  const byId = createMemo(() => new Map(items().map((b) => [b.id, b])));
  const chosen = () => items().filter((b) => selected().includes(b.id));
  // One term span per facility, so every row of a facility shares one listing of its bookings.
  const spans = createMemo(() => {
    const groups = new Map<string, Booking[]>();
    for (const b of items()) groups.set(b.facilityId, [...(groups.get(b.facilityId) ?? []), b]);
    return new Map([...groups].map(([id, list]) => [id, termSpan(list)]));
  });
  const owners = () => new Set(items().map((b) => b.schoolId)).size;

  const failureText = (e: DecisionResult['error']) => {
    if (e?.code === 'invalid_state') return t('approvals.invalidState');
    // The only conflict an approval meets: the day was closed after the booking was asked for.
    if (e?.code === 'conflict') return t('approvals.closedDay');
    if (e?.code === 'not_found') return t('approvals.notFound');
    return errorText(new ApiError(0, (e?.code ?? 'internal_error') as ApiError['code'], e?.message ?? ''));
  };

  async function run(decision: Decision, list: Booking[], reason?: string) {
    if (!list.length) return;
    const ids = list.map((b) => b.id);
    setBusy(ids);
    setOutcome(undefined);
    try {
      const results = await decide(decision, ids, reason);
      const failed = results.filter((r) => !r.ok);
      setOutcome({
        decision,
        done: results.length - failed.length,
        failures: failed.flatMap((r) => {
          const booking = list.find((b) => b.id === r.id);
          return booking ? [{ booking, message: failureText(r.error) }] : [];
        }),
      });
      const settled = new Set(results.filter((r) => r.ok || r.error?.code === 'invalid_state').map((r) => r.id));
      setSelected((s) => s.filter((id) => !settled.has(id)));
    } catch (err) {
      // Nothing was decided (the connection dropped): rows, selection and typed reasons stay as they were.
      setOutcome({ decision, done: 0, failures: list.map((b) => ({ booking: b, message: errorText(err) })) });
    } finally {
      setBusy([]);
      // The decided rows leave; focus goes to what happened instead of being lost with them.
      outcomeEl?.focus();
    }
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const allSelected = () => items().length > 0 && chosen().length === items().length;

  return (
    <>
      <h1>{t('approvals.title')}</h1>
      <p class="muted">{t('approvals.intro')}</p>
      <Show when={outcome()}>{(o) => <DecisionOutcome outcome={o()} ref={(el) => (outcomeEl = el)} />}</Show>
      <Show
        when={items().length}
        fallback={
          <div class="card">
            <EmptyState title={t('approvals.empty')} hint={t('approvals.emptyHint')} />
          </div>
        }
      >
        <section class="card queue" aria-labelledby="queue-title">
          <h2 id="queue-title" class="sr-only">
            {t('approvals.waiting', { count: String(items().length) })}
          </h2>
          <BulkBar
            count={chosen().length}
            total={items().length}
            busy={busy().length > 0}
            allSelected={allSelected()}
            onSelectAll={(on) => setSelected(on ? items().map((b) => b.id) : [])}
            onApprove={() => run('approve', chosen())}
            onDecline={(reason) => run('decline', chosen(), reason)}
          />
          <table class="queue-table">
            <thead>
              <tr>
                <th scope="col" class="pick">
                  <span class="sr-only">{t('approvals.pick')}</span>
                </th>
                <th scope="col">{t('approvals.who')}</th>
                <th scope="col">{t('approvals.what')}</th>
                <th scope="col">{t('approvals.attendees')}</th>
                <th scope="col">{t('approvals.purpose')}</th>
                <th scope="col">{t('approvals.quota')}</th>
                <th scope="col">
                  <span class="sr-only">{t('approvals.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {/* Keyed by id: a refresh of the queue keeps each remaining row, its open reason list and typed text. */}
              <For each={items().map((b) => b.id)}>
                {(id) => (
                  <Show when={byId().get(id)}>
                    {(b) => (
                      <ApprovalRow
                        booking={b()}
                        span={spans().get(b().facilityId) ?? termSpan([b()])}
                        showOwner={owners() > 1}
                        selected={selected().includes(id)}
                        busy={busy().includes(id)}
                        onSelect={(on) => toggle(id, on)}
                        onApprove={() => run('approve', [b()])}
                        onDecline={(reason) => run('decline', [b()], reason)}
                      />
                    )}
                  </Show>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </>
  );
}
