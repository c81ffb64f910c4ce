#!/usr/bin/env node
// `npm run store:screenshots`: the store listing's screenshots, taken from the real panel in real
// DevTools (the e2e harness, test/e2e/harness.ts) at the size both stores take: 1280×800 (Chrome
// Web Store: 1280×800 or 640×400; Firefox Add-ons: any size, 1280×800 shown well). Light and dark
// DevTools. Writes store/screenshots/*.png; needs a build (`npx wxt build`).
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (path) => tsImport(path, import.meta.url);
const { launchWithPanel } = await load('../test/e2e/harness.ts');
const { clickScenario } = await load('../test/e2e/helpers.ts');
const { isRequestRow, scenarioRequest, selectRow, waitForTopCause, SCREENSHOT_BACKDROP } =
  await load('../test/e2e/support/panel.ts');

const SIZE = { width: 1280, height: 800 };
const out = join(root, 'store', 'screenshots');
await mkdir(out, { recursive: true });

/** One screenshot per theme of the panel explaining `target` among other refusals. */
async function shoot(name, target, cause, theme) {
  const session = await launchWithPanel({ windowSize: SIZE });
  try {
    const { page, panel, server, devtools } = session;
    // DevTools follows the system colour scheme by default; the panel follows DevTools.
    await devtools.emulateMedia({ colorScheme: theme });
    for (const id of [...SCREENSHOT_BACKDROP, target]) await clickScenario(page, id);
    const row = await waitForTopCause(panel, isRequestRow(scenarioRequest(server, target)), cause);
    await selectRow(panel, row.index);
    // eslint-disable-next-line no-undef -- runs in the panel
    await panel.waitForFunction((t) => (document.documentElement.dataset.theme || 'light') === t, theme, {
      timeout: 10_000,
    });
    await panel.locator('[data-testid="request-list"]').focus();
    const path = join(out, `${name}-${theme}-1280x800.png`);
    await devtools.screenshot({ path });
    console.log(`store screenshot: ${path}`);
  } finally {
    await session.close();
  }
}

for (const theme of ['light', 'dark']) {
  await shoot('expired-token', 'expired-jwt', 'auth.token_expired', theme);
  await shoot('cors-preflight', 'cors-preflight-acah', 'cors.header_not_allowed', theme);
}
