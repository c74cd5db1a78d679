import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { PillarFigures } from '../../../../shared/schemas/reports';
import { useI18n } from '../../lib/i18n';

/** One decimal at most: hours come as 12.5, counts as 12. */
export const shown = (n: number) => String(Math.round(n * 10) / 10);

/** Where a school's figure is explained month by month on the term report (its row's id). */
export const figureAnchor = (schoolId: string, figure: keyof PillarFigures) => `s-${schoolId}-${figure}`;

/** A change against the same point of last term: the arrow for the eye, the sentence for a screen reader. */
export function Change(props: { now: number; before: number }) {
  const { t } = useI18n();
  const d = () => Math.round((props.now - props.before) * 10) / 10;
  return (
    <>
      <span class={`chg ${d() > 0 ? 'up' : d() < 0 ? 'down' : 'same'}`} aria-hidden="true">
        {d() > 0 ? t('reports.upShort', { n: shown(d()) }) : d() < 0 ? t('reports.downShort', { n: shown(-d()) }) : '='}
      </span>
      <span class="sr-only">
        {d() > 0
          ? t('reports.upLong', { n: shown(d()) })
          : d() < 0
            ? t('reports.downLong', { n: shown(-d()) })
            : t('reports.sameLong')}
      </span>
    </>
  );
}

/**
 * A figure and its change (colour is never the only signal), last term's figure on hover. With `href` the figure
 * opens its report.
 */
export function FigureCell(props: { now: number; before: number; href?: string }) {
  const { t } = useI18n();
  const body = () => (
    <>
      <span class="fig">{shown(props.now)}</span> <Change now={props.now} before={props.before} />
    </>
  );
  return (
    <td class="fig-cell" title={t('reports.beforeWas', { n: shown(props.before) })}>
      <Show when={props.href} fallback={body()}>
        {(href) => <A href={href()}>{body()}</A>}
      </Show>
    </td>
  );
}
