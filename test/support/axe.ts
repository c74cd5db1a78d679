// axe-core in a real page: what it finds, as lines a person can act on ("rule · target · page").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  rule: string;
  impact: string;
  target: string;
  summary: string;
}

/**
 * Runs every rule axe enables by default (WCAG A and AA, best practices) on the page as it is now and answers the
 * critical and serious violations. The page's CSP forbids inline scripts: axe is evaluated through the DevTools
 * protocol instead.
 */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = {
      id: string;
      impact: string | null;
      nodes: { target: unknown[]; failureSummary?: string }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Result[] }> } })
      .axe;
    // Every rule, nothing excluded (the calendar library's markup included).
    const { violations } = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .flatMap((v) =>
        v.nodes.map((n) => ({
          rule: v.id,
          impact: v.impact ?? '',
          target: n.target.join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
        })),
      );
  });
}

/** "[serious] color-contrast · button.primary · /bookings (en): Fix any of the following: …" */
export const describeFinding = (where: string, f: Finding) =>
  `[${f.impact}] ${f.rule} · ${f.target} · ${where}: ${f.summary}`;
