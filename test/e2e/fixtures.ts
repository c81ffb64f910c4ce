import { test as base } from '@playwright/test';
import { launchWithPanel, type PanelSession } from './harness.ts';

/**
 * `session`: a fresh browser, scenario server and shown Why403 panel per test.
 * `chromiumPath`: the browser binary, set per Playwright project (playwright.config.ts); unset,
 * the harness takes $WHY403_CHROMIUM or /usr/bin/chromium.
 */
export const test = base.extend<{ session: PanelSession; chromiumPath: string | undefined }>({
  chromiumPath: [undefined, { option: true }],
  session: async ({ chromiumPath }, provide) => {
    const session = await launchWithPanel({ executablePath: chromiumPath });
    await provide(session);
    await session.close();
  },
});

export { expect } from '@playwright/test';
