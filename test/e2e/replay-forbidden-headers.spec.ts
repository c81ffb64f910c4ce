import { SESSION_COOKIE, SESSION_ID } from '../server/credentials.ts';
import { expect, test } from './fixtures.ts';
import { grantHostAccess, hook, openReplayFor, sendReplay } from './replay-support/replay.ts';

// Issue 5: a header fetch() may not set (Cookie) is never dropped silently. As the page it is
// named as not sent; directly, a declarativeNetRequest session rule scoped to that one replay
// delivers it, and is gone once the answer is in.

const sessionRules = (session: { panel: import('@playwright/test').Frame }) =>
  session.panel.evaluate(async () => {
    const dnr = (
      globalThis as unknown as { chrome: { declarativeNetRequest: { getSessionRules(): Promise<unknown[]> } } }
    ).chrome.declarativeNetRequest;
    return (await dnr.getSessionRules()).length;
  });

test('Cookie: named as not sent as the page, delivered by a one-request rule directly', async ({ session }) => {
  const { panel, server } = session;
  const url = `${server.crossSiteB}/api/session/me`;
  const cookie = `${SESSION_COOKIE}=${SESSION_ID}`;
  await openReplayFor(session, 'samesite-cookie', { url, status: 403 });
  await hook(panel, 'replay-auth-type').selectOption('cookie');
  await hook(panel, 'replay-cookie').fill(cookie);
  await expect(panel.locator('.kv.blocked [data-testid="replay-header-name"]').first()).toBeVisible();

  server.reset();
  const asPage = await sendReplay(panel);
  expect(asPage, asPage.text).toMatchObject({ status: 403, mode: 'page' });
  expect(asPage.topCause).not.toBe('');
  await expect(asPage.locator).toContainText(/Not sent[^\n]*Cookie/);
  // A simple GET, as the original was: no preflight, and no Cookie at all (cross-site).
  const pageReceived = server.received('samesite-cookie');
  expect(pageReceived.map((r) => r.method)).toEqual(['GET']);
  expect(pageReceived[0]!.headers.cookie).toBeUndefined();

  await grantHostAccess(session, `${server.crossSiteB}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  server.reset();
  const direct = await sendReplay(panel);
  expect(direct, direct.text).toMatchObject({ status: 200, topCause: '', mode: 'direct' });
  await expect(direct.locator).toContainText(/network rule[^\n]*Cookie/);
  await expect(direct.locator).not.toContainText('Not sent');
  const directReceived = server.received('samesite-cookie');
  expect(directReceived).toHaveLength(1);
  expect(directReceived[0]!.headers.cookie).toBe(cookie);
  // The rule lived for that one request only.
  expect(await sessionRules(session)).toBe(0);
});

test('User-Agent: Chromium ignores it from fetch, so as the page it is named, directly it is delivered', async ({
  session,
}) => {
  const { panel, server } = session;
  const url = `${server.originA}/api/orders`;
  await openReplayFor(session, 'expired-jwt', { url, status: 401 });
  const names = await panel
    .locator('[data-testid="replay-header-name"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value.toLowerCase()));
  const row = names.indexOf('user-agent');
  expect(row).toBeGreaterThanOrEqual(0);
  await panel.locator(`[data-testid="replay-header-value"][data-row="${row}"]`).fill('why403-replay-probe/1.0');

  server.reset();
  const asPage = await sendReplay(panel);
  await expect(asPage.locator).toContainText(/Not sent[^\n]*User-Agent/);
  expect(server.received('expired-jwt')[0]!.headers['user-agent']).not.toBe('why403-replay-probe/1.0');

  await grantHostAccess(session, `${server.originA}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  server.reset();
  const direct = await sendReplay(panel);
  expect(direct, direct.text).toMatchObject({ status: 401, mode: 'direct' });
  expect(server.received('expired-jwt')[0]!.headers['user-agent']).toBe('why403-replay-probe/1.0');
});
