import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';

/**
 * axe-core through its Playwright integration, aimed at the panel. AxeBuilder audits a Page;
 * the panel is a frame inside DevTools' own page (whose UI is not ours to audit), so the
 * builder gets a view of that page whose main frame is the panel. Everything else (injection,
 * runPartial, finishRun in a blank page of the same browser) is AxeBuilder's own code path.
 */
export function axeForPanel(panel: Frame, devtools: Page): AxeBuilder {
  const view = {
    evaluate: panel.evaluate.bind(panel),
    mainFrame: () => panel,
    context: () => devtools.context(),
  } as unknown as Page;
  return new AxeBuilder({ page: view }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical violations, shaped for a readable failure message. */
export async function seriousViolations(panel: Frame, devtools: Page): Promise<Violation[]> {
  const results = await axeForPanel(panel, devtools).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
