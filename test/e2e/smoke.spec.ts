import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.ts';
import { expect, test } from './fixtures.ts';
import { clickScenario, readCaptureStatus } from './helpers.ts';

interface HarLike {
  entries: Array<{ request: { url: string; method: string }; response: { status: number; _error?: string } }>;
}
type DevtoolsGlobal = { chrome: { devtools: { network: { getHAR(cb: (har: HarLike) => void): void } } } };

test('the Why403 panel is found in real DevTools and renders its capture status', async ({ session }) => {
  const { devtools, panel, extensionId } = session;
  expect(devtools.url()).toMatch(/^devtools:\/\/devtools\//);
  expect(panel.url()).toBe(`chrome-extension://${extensionId}/devtools-panel.html`);
  await expect(panel.locator('[data-testid="capture-status"]')).toBeVisible();
  await expect(panel.locator('[data-testid="capture-status"]')).toHaveAttribute('data-total', /^\d+$/);
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await devtools.screenshot({ path: join(ROOT, 'test-results', 'panel.png') });
});

test('requests fired by the page reach the server and are visible to the extension', async ({ session }) => {
  const { page, panel, server } = session;
  expect(await clickScenario(page, 'expired-jwt')).toEqual({ status: 401 });
  expect(await clickScenario(page, 'success-expired-jwt')).toEqual({ status: 200 });
  const blocked = await clickScenario(page, 'cors-preflight-acah');
  expect(blocked.status).toBe(0);
  expect(blocked.error).toContain('Failed to fetch');

  // The server saw both calls to the endpoint, with their credentials.
  const received = server.received('expired-jwt');
  expect(received.map((r) => r.method)).toEqual(['GET', 'GET']);
  expect(received.every((r) => String(r.headers.authorization).startsWith('Bearer '))).toBe(true);
  // The blocked call's preflight reached B; the call itself never did.
  expect(server.received('cors-preflight-acah').map((r) => r.method)).toEqual(['OPTIONS']);

  // An extension page inside DevTools sees the same traffic through chrome.devtools.network.
  const entries = await panel.evaluate(
    () =>
      new Promise<Array<{ url: string; status: number; error?: string }>>((resolve) => {
        (globalThis as unknown as DevtoolsGlobal).chrome.devtools.network.getHAR((har) =>
          resolve(
            har.entries.map((e) => ({ url: e.request.url, status: e.response.status, error: e.response._error })),
          ),
        );
      }),
  );
  const orders = entries.filter((e) => e.url === `${server.originA}/api/orders`);
  expect(orders.map((e) => e.status).sort()).toEqual([200, 401]);
  expect(entries.some((e) => e.url === `${server.originB}/api/cors/profile` && e.error === 'net::ERR_FAILED')).toBe(
    true,
  );
});

test('the panel counts what the page fired', async ({ session }) => {
  const { page, panel } = session;
  const before = (await readCaptureStatus(panel)).total;
  await clickScenario(page, 'expired-jwt');
  await expect.poll(async () => (await readCaptureStatus(panel)).total).toBeGreaterThan(before);
});
