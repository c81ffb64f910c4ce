import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COEP_PAGE_PATH, CSP_PAGE_PATH } from '../server/routes/hidden.ts';
import { expect, test } from './fixtures.ts';
import { clickScenario, readRows, waitForRow } from './helpers.ts';
import { importHarFile } from './support/har.ts';
import { isRequestRow, scenarioRequest, selectRow, setFilter, waitForTopCause } from './support/panel.ts';
import { makeHar } from '../support/har.ts';

// Issue 13 in real DevTools (Chromium): refusals no status code shows.

async function causeIds(panel: import('@playwright/test').Frame, index: number): Promise<string[]> {
  const detail = await selectRow(panel, index);
  const causes = detail.locator('[data-testid="cause"]');
  await expect(causes.first()).toBeVisible();
  return causes.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.causeId ?? ''));
}

test('gRPC-web 16 and 7 over HTTP 200 are flagged with auth and permission causes; status 0 stays quiet', async ({
  session,
}) => {
  const { page, panel, server } = session;
  expect((await clickScenario(page, 'grpc-unauthenticated')).status).toBe(200);
  expect((await clickScenario(page, 'grpc-permission-denied')).status).toBe(200);
  const r16 = await waitForTopCause(
    panel,
    isRequestRow(scenarioRequest(server, 'grpc-unauthenticated')),
    'auth.missing',
  );
  expect(r16.status).toBe(200);
  const detail = await selectRow(panel, r16.index);
  await expect(detail.locator('[data-testid="evidence"]').filter({ hasText: 'grpc-status: 16' })).toHaveCount(1);
  // 7 sits in the trailer frame of the body: the panel must read the body to see it.
  const r7 = await waitForTopCause(
    panel,
    isRequestRow(scenarioRequest(server, 'grpc-permission-denied')),
    'permission.denied',
  );
  expect(r7.status).toBe(200);

  // The same calls made correctly end with grpc-status 0: listed, not flagged.
  await clickScenario(page, 'success-grpc-unauthenticated');
  await clickScenario(page, 'success-grpc-permission-denied');
  await setFilter(panel, 'all');
  for (const id of ['grpc-unauthenticated', 'grpc-permission-denied']) {
    const spec = scenarioRequest(server, id, 'success');
    const rows = (await readRows(panel)).filter((r) => isRequestRow(spec)(r));
    expect(rows.length).toBe(2);
  }
  // Bodies of the OK calls are read too (paced, in arrival order, panel/capture/bodies.ts) and
  // must stay quiet. A later call whose refusal sits in its body is read after them: once it is
  // flagged, the OK calls' bodies have been read.
  const seen = new Set((await readRows(panel)).map((r) => r.index));
  await clickScenario(page, 'grpc-permission-denied');
  await waitForTopCause(
    panel,
    (r) => isRequestRow(scenarioRequest(server, 'grpc-permission-denied'))(r) && !seen.has(r.index),
    'permission.denied',
  );
  const ok = (await readRows(panel)).filter((r) => r.url.includes('/grpc/') && !r.flagged);
  expect(ok.length).toBe(2);
});

test('the sixth rapid call to a 429 with Retry-After: 30 carries client.retry_storm; the first does not', async ({
  session,
}) => {
  const { page, panel, server } = session;
  for (let i = 0; i < 6; i++) expect((await clickScenario(page, 'rate-limit-retry-after')).status).toBe(429);
  const spec = scenarioRequest(server, 'rate-limit-retry-after');
  await waitForRow(panel, (r) => isRequestRow(spec)(r) && r.flagged);
  let rows: Awaited<ReturnType<typeof readRows>> = [];
  await expect.poll(async () => (rows = (await readRows(panel)).filter(isRequestRow(spec))).length).toBe(6);
  rows.sort((a, b) => a.index - b.index);
  expect(await causeIds(panel, rows[5]!.index)).toEqual(
    expect.arrayContaining(['rate_limit.exceeded', 'client.retry_storm']),
  );
  expect(await causeIds(panel, rows[0]!.index)).not.toContain('client.retry_storm');
});

test('a retry that waited as Retry-After asked is not a storm (times from an imported HAR)', async ({ session }) => {
  const { panel } = session;
  // Waiting 30 s in a test is impractical: the same endpoint, recorded with real-looking times.
  const t0 = Date.parse('2026-11-29T12:00:00Z');
  const call = (ms: number) => ({
    url: 'https://api.example.com/v1/search?q=shoes',
    status: 429,
    statusText: 'Too Many Requests',
    startedDateTime: new Date(t0 + ms).toISOString(),
    responseHeaders: { Date: new Date(t0 + ms).toUTCString(), 'Retry-After': '30', 'Content-Type': 'application/json' },
    body: '{"error":"too_many_requests"}',
  });
  const path = join(tmpdir(), `why403-retry-${process.pid}.har`);
  await writeFile(path, JSON.stringify(makeHar([call(0), call(200), call(31_000)])));
  await importHarFile(panel, path, 'info');
  await expect.poll(async () => (await readRows(panel)).length).toBe(3);
  expect(await causeIds(panel, 1)).toContain('client.retry_storm');
  expect(await causeIds(panel, 2)).not.toContain('client.retry_storm');
  expect(await causeIds(panel, 2)).toContain('rate_limit.exceeded');
});

test('a CORP-blocked no-cors response is browser.corp_blocked, quoting the header', async ({ session }) => {
  const { page, panel, server } = session;
  expect((await clickScenario(page, 'corp-same-origin')).status).toBe(0);
  const row = await waitForTopCause(
    panel,
    isRequestRow(scenarioRequest(server, 'corp-same-origin')),
    'browser.corp_blocked',
  );
  expect(row.status).toBe(200);
  const detail = await selectRow(panel, row.index);
  await expect(
    detail.locator('[data-testid="evidence"]').filter({ hasText: 'Cross-Origin-Resource-Policy: same-origin' }),
  ).toHaveCount(1);
});

test("a page's COEP require-corp withholding an asset without CORP is browser.corp_blocked", async ({ session }) => {
  const { page, panel, server } = session;
  await page.goto(`${server.originA}${COEP_PAGE_PATH}`);
  await page.locator('#run').click();
  await expect(page.locator('#result')).toHaveAttribute('data-status', '0');
  const row = await waitForTopCause(panel, (r) => r.url.endsWith('/coep/logo.png'), 'browser.corp_blocked');
  const detail = await selectRow(panel, row.index);
  await expect(
    detail.locator('[data-testid="evidence"]').filter({ hasText: 'Cross-Origin-Embedder-Policy: require-corp' }),
  ).toHaveCount(1);
});

test("a call blocked by the page's connect-src shows as a row with browser.csp_blocked", async ({ session }) => {
  const { page, panel, server } = session;
  // A navigation: the page-side listener must be re-armed in the new document.
  await page.goto(`${server.originA}${CSP_PAGE_PATH}`);
  await page.locator('#run').click();
  await expect(page.locator('#result')).toHaveAttribute('data-status', '0');
  const blocked = `${server.originB}/api/public/ping?from=csp-page`;
  const row = await waitForTopCause(panel, (r) => r.url === blocked, 'browser.csp_blocked');
  expect(row.status).toBe(0);
  expect(row.cors).toBe(true);
  const detail = await selectRow(panel, row.index);
  const evidence = detail.locator('[data-testid="evidence"]');
  await expect(evidence.filter({ hasText: 'violated directive: connect-src' })).toHaveCount(1);
  await expect(evidence.filter({ hasText: "connect-src 'self'" })).toHaveCount(1);
  await expect(evidence.filter({ hasText: "synthesized from the page's CSP violation report" })).toHaveCount(1);
  // The server never saw it.
  expect(server.received('csp-connect-src').filter((r) => r.url.includes('from=csp-page'))).toEqual([]);
});

test('the session view tells when refusals started and that the client did not honour Retry-After', async ({
  session,
}) => {
  const { page, panel, server } = session;
  await clickScenario(page, 'success-expired-jwt');
  for (let i = 0; i < 3; i++) await clickScenario(page, 'rate-limit-retry-after');
  const view = panel.locator('[data-testid="session-view"]');
  await expect(view).toBeVisible();
  // Issue 18: one line at a glance, closed so the list keeps its room.
  await expect(view).not.toHaveAttribute('open', /.*/);
  await expect(view.locator('[data-testid="session-headline"]')).toHaveText(
    /^\d origins? refused calls · .*rate limit not honoured/,
  );
  await view.locator('[data-testid="session-headline"]').click();
  const origin = view.locator(`[data-testid="session-origin"][data-origin="${server.originA}"]`);
  await expect(origin.locator('summary')).toContainText(/\d+ of \d+ calls refused, the first at \+\d/);
  await expect(origin.locator('summary')).toBeVisible();
  await origin.locator('summary').click();
  const first = origin.locator('[data-testid="session-line"]').first();
  await expect(first).toBeVisible();
  await expect(first).toContainText(/^Refusals started at \+\d[\d.]* (s|min)/);
  await expect(first).toContainText(`GET /api/throttled/search → 429 (rate_limit.exceeded); 3 of `);
  // The absolute time is on hover.
  await expect(first.locator('time').first()).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  await expect(origin).toContainText(
    'asked to wait (up to Retry-After: 30); the client did not honour it: 2 retries came sooner than asked',
  );
  await expect(origin).toContainText('The last success before that was #');
});
