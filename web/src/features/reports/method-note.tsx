import { For } from 'solid-js';
import { useI18n } from '../../lib/i18n';

const PARTS = [
  'methodWindow',
  'methodFacilities',
  'methodResources',
  'methodLessons',
  'methodExchanges',
  'methodOrder',
] as const;

/** What each figure counts, exactly, so a reader at a district meeting can check it. */
export function MethodNote() {
  const { t } = useI18n();
  return (
    <section class="card report-section method" aria-labelledby="method-title">
      <h2 id="method-title">{t('reports.termReport.method')}</h2>
      <ul>
        <For each={PARTS}>{(p) => <li>{t(`reports.termReport.${p}`)}</li>}</For>
      </ul>
    </section>
  );
}
