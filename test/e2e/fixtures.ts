import { test as base } from '@playwright/test';
import { launchWithPanel, type PanelSession } from './harness.ts';

/** `session`: a fresh browser, scenario server and shown Why403 panel per test. */
export const test = base.extend<{ session: PanelSession }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture deps from this pattern.
  session: async ({}, provide) => {
    const session = await launchWithPanel();
    await provide(session);
    await session.close();
  },
});

export { expect } from '@playwright/test';
