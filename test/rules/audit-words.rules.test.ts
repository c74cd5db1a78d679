// Every action the server writes to the audit trail has its own sentence in both languages: the activity log never
// falls back to a generic sentence for an action that exists today. The actions are read from every audit() call
// in server/modules/**/*.service.ts; an action computed in a way this test does not know fails it, so that a new
// kind of action is not missed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedFrom } from '../../server/modules/bookings/bookings.rules';
import { applicationActions } from '../../shared/schemas/exchanges';
import { auditEn } from '../../web/src/i18n/en/audit';
import { auditZh } from '../../web/src/i18n/zh/audit';

const MODULES = join(import.meta.dirname, '../../server/modules');

/** Actions built from a template (`booking.${action}`): the values each template's part takes. */
const TEMPLATES: Record<string, string[]> = {
  'booking.${action}': Object.keys(allowedFrom),
  'resource.${decision}': ['publish', 'return'],
  'exchange.application.${action}': [...applicationActions],
  // A rural-service record approved or rejected (exchanges/honours.service.ts).
  'exchange.service.${params.decision}': ['approve', 'reject'],
};

function auditedActions(): { file: string; actions: string[] }[] {
  const files = readdirSync(MODULES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.service.ts'));
  return files.flatMap((file) => {
    const source = readFileSync(join(MODULES, file), 'utf8');
    // From each audit( to its `action: …`, up to the comma that ends it.
    return [...source.matchAll(/\baudit\((?:(?!\baudit\()[\s\S])*?\baction: ([^,\n]+)/g)].map((m) => {
      const expr = (m[1] ?? '').trim();
      const template = /^`([a-z_.]+)\.\$\{([\w.]+)\}`$/.exec(expr);
      if (template) {
        const values = TEMPLATES[`${template[1]}.\${${template[2]}}`] ?? [`<unknown ${expr}>`];
        return { file, actions: values.map((v) => `${template[1]}.${v}`) };
      }
      const literals = [...expr.matchAll(/'([^']+)'/g)].map((x) => x[1] ?? '');
      return { file, actions: literals.length ? literals : [`<unknown ${expr}>`] };
    });
  });
}

describe('audit: every action has a sentence', () => {
  const found = auditedActions();

  it('finds the audit() calls of every domain', () => {
    const actions = found.flatMap((f) => f.actions);
    expect(actions.length).toBeGreaterThanOrEqual(39);
    expect(actions).toEqual(
      expect.arrayContaining(['lesson.end', 'booking.approve', 'resource.return', 'exchange.application.defer']),
    );
  });

  it('in Chinese and in English', () => {
    const missing = found.flatMap((f) =>
      f.actions.filter((a) => !auditZh.actions[a] || !auditEn.actions[a]).map((a) => `${f.file}: ${a}`),
    );
    expect(missing).toEqual([]);
  });
});
