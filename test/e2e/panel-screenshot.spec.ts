import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchWithPanel, ROOT } from './harness.ts';
import { clickScenario } from './helpers.ts';
import { isRequestRow, scenarioRequest, SCREENSHOT_BACKDROP, selectRow, waitForTopCause } from './support/panel.ts';

// The README's screenshot: the panel (DevTools undocked, so it has the whole window)
// diagnosing an expired token among other refusals. Every run takes it; it replaces
// docs/screenshot.png only with WHY403_UPDATE_SCREENSHOT=1, so test runs leave the tree clean.
const TARGET =
  process.env.WHY403_UPDATE_SCREENSHOT === '1'
    ? join(ROOT, 'docs', 'screenshot.png')
    : join(ROOT, 'test-results', 'screenshot.png');

base('screenshot of the panel diagnosing a failure', async () => {
  const session = await launchWithPanel({ windowSize: { width: 1280, height: 800 } });
  try {
    const { page, panel, server, devtools } = session;
    for (const id of [...SCREENSHOT_BACKDROP, 'expired-jwt']) await clickScenario(page, id);
    const row = await waitForTopCause(
      panel,
      isRequestRow(scenarioRequest(server, 'expired-jwt')),
      'auth.token_expired',
    );
    const detail = await selectRow(panel, row.index);
    await expect(detail.locator('[data-testid="jwt-claims"]')).toBeVisible();
    await panel.locator('[data-testid="request-list"]').focus();
    await devtools.screenshot({ path: TARGET });
  } finally {
    await session.close();
  }
});
