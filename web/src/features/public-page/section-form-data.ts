// A section's form as the API takes it. Its fields are named by their place in the request
// (`sections.fees.items.0.amount`), so that a problem the server names is shown at the field it is about.
import type { PublicSection } from '../../../../shared/enums';

/** Fields that hold numbers: left empty, they are null (the server says so when one is required). */
const NUMBERS = new Set(['founded', 'students', 'classes', 'staff', 'amount']);

/** The field's name in the form: `field('fees', 'items', 0, 'amount')`. */
export const fieldName = (section: PublicSection, ...path: (string | number)[]) =>
  ['sections', section, ...path].join('.');

type Node = Record<string, unknown> | unknown[];

export function readSectionForm(form: FormData, section: PublicSection): Record<string, unknown> {
  const prefix = `sections.${section}.`;
  const out: Record<string, unknown> = {};
  for (const [name, raw] of form.entries()) {
    if (!name.startsWith(prefix) || typeof raw !== 'string') continue;
    const keys = name.slice(prefix.length).split('.');
    const last = keys[keys.length - 1] ?? '';
    const value = NUMBERS.has(last) ? (raw.trim() === '' ? null : Number(raw)) : raw;
    let node: Node = out;
    keys.forEach((key, i) => {
      const into = node as Record<string, unknown>;
      if (i === keys.length - 1) into[key] = value;
      else {
        into[key] ??= /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
        node = into[key] as Node;
      }
    });
  }
  if (section === 'basic' && out.phone === '') out.phone = null;
  return out;
}
