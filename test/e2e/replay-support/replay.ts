import type { Frame, Locator } from '@playwright/test';
import type { PanelSession } from '../harness.ts';
import { clickScenario, waitForRow } from '../helpers.ts';

// Drives the replay editor (issue 5) through the hooks in docs/panel-hooks.md.

const RESULT = '[data-testid="replay-result"]';

export interface ReplayResultInfo {
  status: number;
  topCause: string;
  mode: string;
  text: string;
  locator: Locator;
}

/**
 * Presses the scenario's Fail button, selects its row (the first one with `path` and `status`)
 * and opens the replay editor on it.
 */
export async function openReplayFor(
  session: PanelSession,
  scenario: string,
  match: { url: string; status: number },
): Promise<void> {
  const { page, panel } = session;
  await clickScenario(page, scenario);
  const row = await waitForRow(panel, (r) => r.url === match.url && r.status === match.status);
  await row.locator.click();
  await panel.locator(`[data-testid="detail"][data-index="${row.index}"]`).waitFor();
  await panel.locator('[data-testid="replay-open"]').click();
  await panel.locator('[data-testid="replay-editor"]').waitFor();
}

export const hook = (panel: Frame, id: string): Locator => panel.locator(`[data-testid="${id}"]`);

export async function resultCount(panel: Frame): Promise<number> {
  return panel.locator(RESULT).count();
}

/**
 * Clicks Send and waits for a new `replay-result` (the history lists the newest first) and for
 * the editor to be ready again, so a spinner that never ends fails the test.
 */
export async function sendReplay(panel: Frame, timeoutMs = 25_000): Promise<ReplayResultInfo> {
  const before = await resultCount(panel);
  await hook(panel, 'replay-send').click();
  const deadline = Date.now() + timeoutMs;
  while ((await resultCount(panel)) <= before) {
    if (Date.now() > deadline)
      throw new Error(
        `No new replay-result within ${timeoutMs} ms (send button: "${await hook(panel, 'replay-send').textContent()}")`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  const locator = panel.locator(RESULT).first();
  return {
    status: Number(await locator.getAttribute('data-status')),
    topCause: (await locator.getAttribute('data-top-cause')) ?? '',
    mode: (await locator.getAttribute('data-mode')) ?? '',
    text: (await locator.textContent()) ?? '',
    locator,
  };
}

/**
 * Grants the extension host access to `pattern` as a user would in chrome://extensions ("Site
 * access → On specific sites → Add"), through that page's own chrome.developerPrivate API.
 * Playwright cannot answer the permission prompt of permissions.request(); once the user has
 * granted the site here, permissions.request() for it resolves without a prompt.
 */
export async function grantHostAccess(session: PanelSession, pattern: string): Promise<void> {
  const { context, extensionId } = session;
  const settings = await context.newPage();
  try {
    await settings.goto(`chrome://extensions/?id=${extensionId}`);
    await settings.evaluate(
      async ([id, host]) => {
        type DeveloperPrivate = {
          updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
          addHostPermission(extensionId: string, host: string): Promise<void>;
        };
        const dp = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome
          .developerPrivate;
        await dp.updateExtensionConfiguration({ extensionId: id!, hostAccess: 'ON_SPECIFIC_SITES' });
        await dp.addHostPermission(id!, host!);
      },
      [extensionId, pattern],
    );
  } finally {
    await settings.close();
  }
}
