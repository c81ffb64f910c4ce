import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { VALID_JWT } from '../server/credentials.ts';
import { expect, test } from './fixtures.ts';
import { grantHostAccess, hook, openReplayFor, resultCount, sendReplay } from './replay-support/replay.ts';

// Issue 5: every replay of a request stays listed next to the original, and a replay that gets
// no answer (nothing listening, or a server that never responds) ends in a clear result.

test('a history of replays for one request, newest first, each diagnosed', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  server.reset();
  const expired = await sendReplay(panel);
  expect(expired).toMatchObject({ status: 401, topCause: 'auth.token_expired' });
  await hook(panel, 'replay-token').fill(VALID_JWT);
  expect(await sendReplay(panel)).toMatchObject({ status: 200, topCause: '' });
  await hook(panel, 'replay-remove-credential').click();
  const without = await sendReplay(panel);
  expect(without.status).toBe(401);
  expect(without.topCause).not.toBe('auth.token_expired');

  expect(await resultCount(panel)).toBe(3);
  const shown = await panel
    .locator('[data-testid="replay-result"]')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.status)));
  expect(shown).toEqual([401, 200, 401]);
  const auth = server.received('expired-jwt').map((r) => r.headers.authorization);
  expect(auth).toHaveLength(3);
  expect(auth[1]).toBe(`Bearer ${VALID_JWT}`);
  expect(auth[2]).toBeUndefined();
});

/** A port with nothing listening: listen, note the port, close. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('nothing listening: a clear network error as the page and directly, not a spinner', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  const port = await closedPort();
  const target = `http://127.0.0.1:${port}/api/orders`;
  await hook(panel, 'replay-url').fill(target);

  const asPage = await sendReplay(panel);
  expect(asPage, asPage.text).toMatchObject({ status: 0, mode: 'page' });
  await expect(asPage.locator).toContainText(/network error/i);
  // The page only gets "Failed to fetch", as for CORS; DevTools' record names the real cause.
  await expect(asPage.locator).toContainText('net::ERR_CONNECTION_REFUSED');
  await expect(asPage.locator).not.toContainText('CORS');
  expect(asPage.topCause).not.toMatch(/^cors\./);
  await expect(hook(panel, 'replay-send')).toBeEnabled();

  await grantHostAccess(session, `http://127.0.0.1:${port}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  const direct = await sendReplay(panel);
  expect(direct, direct.text).toMatchObject({ status: 0, mode: 'direct' });
  await expect(direct.locator).toContainText(/network error/i);
  await expect(direct.locator).not.toContainText('CORS');
  expect(direct.topCause).not.toMatch(/^cors\./);
  await expect(hook(panel, 'replay-send')).toBeEnabled();
});

test('a server that never answers: the replay times out with a clear result', async ({ session }) => {
  test.setTimeout(90_000);
  const { panel, server } = session;
  const sockets = new Set<Socket>();
  const silent: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  try {
    await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
    await hook(panel, 'replay-url').fill(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/orders`);
    const result = await sendReplay(panel, 30_000);
    expect(result, result.text).toMatchObject({ status: 0, mode: 'page' });
    await expect(result.locator).toContainText(/timed out/i);
    await expect(result.locator).toContainText(/No answer within \d+ s/);
    expect(sockets.size).toBeGreaterThan(0);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});
