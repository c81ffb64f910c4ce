import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { grantHostAccess, hook, openReplayFor, sendReplay } from './replay-support/replay.ts';

// Issue 10, replay hygiene: no header rule outlives its replay or its panel, each replay has
// its own rule, the host access a direct replay asked for can be given back, and a typed
// secret is not sent through the page's scripts without a warning.

type Chrome = {
  declarativeNetRequest: {
    getSessionRules(): Promise<{ id: number }[]>;
    updateSessionRules(u: { addRules?: unknown[] }): Promise<void>;
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

/** Session rules the extension holds (read in its own panel page). */
const sessionRules = (panel: Frame) =>
  panel.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: Chrome }).chrome.declarativeNetRequest.getSessionRules()).length,
  );

test('a rule left behind by an earlier panel is gone once the panel opens again', async ({ session }) => {
  const { panel, server } = session;
  await panel.evaluate(async (url) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    await chrome.declarativeNetRequest.updateSessionRules({
      addRules: [
        {
          id: 4242,
          priority: 1,
          action: {
            type: 'modifyHeaders',
            requestHeaders: [{ header: 'cookie', operation: 'set', value: 'sid=stale' }],
          },
          condition: { urlFilter: url, resourceTypes: ['xmlhttprequest'] },
        },
      ],
    });
  }, `${server.originA}/`);
  expect(await sessionRules(panel)).toBe(1);
  // The panel opens again (what closing and reopening DevTools does to it).
  await panel.evaluate(() => location.reload());
  await panel.waitForSelector('html[data-rules-cleared]', { timeout: 20_000 });
  expect(await sessionRules(panel)).toBe(0);
  expect(await panel.locator('html').getAttribute('data-rules-cleared')).toBe('1');
});

test('direct replays in a row with different cookies: each request carries only its own', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  await grantHostAccess(session, `${server.originA}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  await hook(panel, 'replay-auth-type').selectOption('cookie');
  server.reset();
  await hook(panel, 'replay-cookie').fill('sid=first-replay');
  await sendReplay(panel);
  await hook(panel, 'replay-cookie').fill('sid=second-replay');
  await sendReplay(panel);
  const cookies = server.received('expired-jwt').map((r) => r.headers.cookie ?? '');
  expect(cookies).toEqual(['sid=first-replay', 'sid=second-replay']);
  expect(await sessionRules(panel)).toBe(0);
});

test('after a direct replay, one click gives back the host access it asked for', async ({ session }) => {
  const { panel, server } = session;
  const origins = [`${server.originA}/*`];
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  await grantHostAccess(session, origins[0]!);
  await hook(panel, 'replay-mode').selectOption('direct');
  const result = await sendReplay(panel);
  expect(result.mode).toBe('direct');
  const contains = () =>
    panel.evaluate(
      (o) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: o }),
      origins,
    );
  expect(await contains()).toBe(true);
  await expect(hook(panel, 'replay-drop-access')).toHaveAttribute('data-origin', server.originA);
  await hook(panel, 'replay-drop-access').click();
  await expect(hook(panel, 'replay-access-dropped')).toBeVisible();
  expect(await contains()).toBe(false);
});

test('a typed secret about to be sent as the page is flagged, with a switch to direct', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  // The captured token is what the page already sent: no warning for it.
  await expect(hook(panel, 'replay-mode')).toHaveValue('page');
  await expect(hook(panel, 'replay-page-secret-warning')).toHaveCount(0);
  await hook(panel, 'replay-token').fill('typed-secret-123456');
  await expect(hook(panel, 'replay-page-secret-warning')).toBeVisible();
  await hook(panel, 'replay-use-direct').click();
  await expect(hook(panel, 'replay-mode')).toHaveValue('direct');
  await expect(hook(panel, 'replay-page-secret-warning')).toHaveCount(0);
});
