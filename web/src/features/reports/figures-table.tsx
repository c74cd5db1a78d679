import { For, type JSX, Show } from 'solid-js';
import { type Pillar, pillars } from '../../../../shared/pillars';
import type { PillarFigures } from '../../../../shared/schemas/reports';
import { useI18n } from '../../lib/i18n';
import { FigureCell } from './figure-cell';
import { SchoolRowHead } from './school-row-head';

export interface FiguresRow {
  id: string;
  name: JSX.Element;
  rural?: boolean;
  supported?: boolean;
  now: PillarFigures;
  before: PillarFigures;
  /** Where each figure opens its report (none: plain figures). */
  href?: (figure: keyof PillarFigures) => string;
}

/** The figures of `show` (each pillar's, or some of them) as columns under their pillar's heading. */
export type Columns = Partial<Record<Pillar, readonly (keyof PillarFigures)[]>>;

/**
 * Schools as rows, in the order given (by name: never ranked), figures as columns grouped by pillar, each with its
 * change against the same point of last term; `foot` rows (the organisation's total) come last.
 */
export function FiguresTable(props: { columns: Columns; rows: FiguresRow[]; foot?: FiguresRow[]; label: string }) {
  const { t } = useI18n();
  const groups = () =>
    (Object.keys(pillars) as Pillar[]).flatMap((p) => {
      const figures = props.columns[p];
      return figures?.length ? [{ pillar: p, figures }] : [];
    });
  const row = (r: FiguresRow, head: 'row' | 'foot') => (
    <tr class={head === 'foot' ? 'total' : undefined}>
      <SchoolRowHead name={r.name} rural={!!r.rural} supported={!!r.supported} short />
      <For each={groups()}>
        {(g) => (
          <For each={g.figures}>{(f) => <FigureCell now={r.now[f]} before={r.before[f]} href={r.href?.(f)} />}</For>
        )}
      </For>
    </tr>
  );
  return (
    <table class="figures" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('reports.school')}
          </th>
          <For each={groups()}>
            {(g) => (
              <th scope="colgroup" colSpan={g.figures.length} class="pillar">
                {t(`reports.pillars.${g.pillar}`)}
              </th>
            )}
          </For>
        </tr>
        <tr>
          <For each={groups()}>
            {(g) => (
              <For each={g.figures}>
                {(f) => (
                  <th scope="col" title={t(`reports.figures.${f}`)}>
                    {t(`reports.short.${f}`)}
                  </th>
                )}
              </For>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>{(r) => row(r, 'row')}</For>
      </tbody>
      <Show when={props.foot?.length}>
        <tfoot>
          <For each={props.foot}>{(r) => row(r, 'foot')}</For>
        </tfoot>
      </Show>
    </table>
  );
}
