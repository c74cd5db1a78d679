// What an edit changed, field by field, in words: "人数：48 → 40", "需要审批：否 → 是".
import type { AuditEvent } from '../../../../shared/schemas/audit';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
/** Fields the sentence already says (a booking's new status, a decline's reason) or that are not worth a line. */
const SAID = new Set(['status', 'reason', 'comment', 'id', 'userId', 'orgId', 'createdAt', 'updatedAt']);

/** The changes of an edit (an event with a before and an after), each as a line; nothing for other events. */
export function useAuditChanges() {
  const { t, locale } = useI18n();
  const enums: Record<string, () => Record<string, string>> = {
    role: () => t('roles'),
    kind: () => t('facilities.kinds'),
    scope: () => t('facilities.scope'),
    locale: () => t('audit.languages'),
    grade: () => t('library.grades'),
  };

  const value = (e: AuditEvent, field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return t('audit.noValue');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return enums[field]?.()[String(v)] ?? String(v);
    if (typeof v === 'string') {
      if (e.names[v]) return e.names[v];
      if (enums[field]) return enums[field]()[v] ?? null;
      return ISO_TIME.test(v) ? formatDateTime(v, locale()) : v;
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      return v.length ? v.join(t('common.separator')) : t('audit.noValue');
    return null; // an object (opening hours): said as "changed"
  };

  return (e: AuditEvent): string[] => {
    if (!e.before || !e.after || typeof e.before !== 'object' || typeof e.after !== 'object') return [];
    const before = e.before as Record<string, unknown>;
    const after = e.after as Record<string, unknown>;
    const keys = Object.keys(after).filter(
      (k) => !SAID.has(k) && k in before && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    const lines: string[] = [];
    let unknown = 0;
    for (const k of keys) {
      const field = t('audit.fields')[k];
      if (!field) {
        unknown++;
        continue;
      }
      const from = value(e, k, before[k]);
      const to = value(e, k, after[k]);
      lines.push(from !== null && to !== null ? t('audit.change', { field, from, to }) : t('audit.changed', { field }));
    }
    if (unknown) lines.push(t('audit.moreChanges', { n: String(unknown) }));
    return lines;
  };
}
