import { VALID_JWT } from '../server/credentials.ts';
import { expect, test } from './fixtures.ts';
import { grantHostAccess, hook, openReplayFor, resultCount, sendReplay } from './replay-support/replay.ts';

// Issue 5: a request whose preflight lacks `authorization` in Access-Control-Allow-Headers.
// As the page it still fails with CORS; sent directly from Why403 it reaches the server, which
// shows the token was fine all along: a CORS problem, not an auth problem.

test('preflight without authorization in ACAH: the page replay fails with CORS, the direct one reaches the server', async ({
  session,
}) => {
  const { panel, server } = session;
  const url = `${server.originB}/api/cors/profile`;
  await openReplayFor(session, 'cors-preflight-acah', { url, status: 0 });
  await expect(hook(panel, 'replay-auth-type')).toHaveValue('bearer');
  await expect(hook(panel, 'replay-mode')).toHaveValue('page');

  server.reset();
  const asPage = await sendReplay(panel);
  expect(asPage).toMatchObject({ status: 0, mode: 'page' });
  expect(asPage.topCause).toMatch(/^cors\./);
  await expect(asPage.locator).toContainText('CORS');
  await expect(asPage.locator).toContainText('net::ERR_FAILED');
  // Only the preflight got there; the call itself was never sent.
  expect(server.received('cors-preflight-acah').map((r) => r.method)).toEqual(['OPTIONS']);

  await grantHostAccess(session, `${server.originB}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  server.reset();
  const direct = await sendReplay(panel);
  expect(direct, direct.text).toMatchObject({ status: 200, topCause: '', mode: 'direct' });
  const received = server.received('cors-preflight-acah');
  expect(received.map((r) => r.method)).toEqual(['GET']);
  expect(received[0]!.headers.authorization).toBe(`Bearer ${VALID_JWT}`);
  // The captured Referer went out too, through the one-request rule (fetch may not set it).
  // (Chrome's record of a request blocked at the preflight has no Origin to carry over.)
  expect(received[0]!.headers.referer).toBe(`${server.originA}/`);
  await expect(direct.locator).toContainText(/network rule[^\n]*Referer/);
  await expect(direct.locator).toContainText('user-42');
});

// The real refusal is a click on "Deny" in Chrome's permission prompt, which Playwright cannot
// reach (headless, the prompt just waits). A send without a user gesture is refused by
// permissions.request() the same way, and must end in a clear result, not a spinner.
test('direct replay without host access ends in a clear refusal, nothing sent', async ({ session }) => {
  const { panel, server } = session;
  const url = `${server.originB}/api/cors/profile`;
  await openReplayFor(session, 'cors-preflight-acah', { url, status: 0 });
  await hook(panel, 'replay-mode').selectOption('direct');
  server.reset();
  const before = await resultCount(panel);
  // Submit once the transient activation of the last input (5 s) has lapsed: the panel watches
  // navigator.userActivation itself and the evaluate returns when it has submitted. Hands off
  // meanwhile: Playwright's evaluate (and so every locator query) counts as a user gesture,
  // which would renew the activation and let the prompt open.
  await panel.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const tick = () => {
          if (navigator.userActivation.isActive) return void setTimeout(tick, 100);
          (document.querySelector('[data-testid="replay-editor"]') as HTMLFormElement).requestSubmit();
          resolve();
        };
        tick();
      }),
  );
  await expect.poll(() => resultCount(panel), { timeout: 10_000 }).toBe(before + 1);
  const result = panel.locator('[data-testid="replay-result"]').first();
  await expect(result).toHaveAttribute('data-mode', 'direct');
  await expect(result).toHaveAttribute('data-status', '0');
  await expect(result).toContainText(`Host access to ${server.originB} was not granted`);
  await expect(hook(panel, 'replay-send')).toBeEnabled();
  expect(server.received('cors-preflight-acah')).toEqual([]);
});
