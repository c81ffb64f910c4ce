import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readRows, waitForRow } from './helpers.ts';
import { BIG_HEADER_BYTES, BROKEN_JWT, startBadServer, type BadServer } from './support/bad-server.ts';
import { expectPanelAlive, search, selectRow } from './support/panel.ts';

// Issue 3, bad input: a 5 MB binary body, a 100 KB header, malformed JSON and a broken JWT,
// fired by the inspected page. The panel keeps list and detail usable and says what it could
// not read. (The HAR that is not HAR is in panel-import.spec.ts.)

let bad: BadServer;
test.beforeAll(async () => {
  bad = await startBadServer();
});
test.afterAll(async () => {
  await bad.stop();
});

/** Fires one fetch from the page and waits until the panel lists it, flagged. */
async function fire(page: Page, panel: Frame, path: string, headers: Record<string, string> = {}) {
  const url = `${bad.origin}${path}`;
  const status = await page.evaluate(
    async ([u, h]) => {
      try {
        const r = await fetch(u, { headers: h, cache: 'no-store' });
        await r.arrayBuffer();
        return r.status;
      } catch (e) {
        return String(e);
      }
    },
    [url, headers] as const,
  );
  const row = await waitForRow(panel, (r) => r.url === url && r.method === 'GET' && r.flagged);
  return { status, row };
}

test('a 5 MB binary body: the detail says it is binary and stays responsive', async ({ session }) => {
  const { page, panel } = session;
  const { status, row } = await fire(page, panel, '/bad/binary');
  expect(status).toBe(403);
  const detail = await selectRow(panel, row.index);
  await expect(detail.locator('[data-testid="cause"]').first()).toBeVisible();
  // The body preview names it binary and does not dump it (the URL also says "binary").
  await expect(detail.getByText(/binary.*not shown/i)).toBeVisible();
  expect((await detail.innerText()).length).toBeLessThan(100_000);
  await expectPanelAlive(panel);
});

test('a 100 KB header value is cut for display with its length', async ({ session }) => {
  const { page, panel } = session;
  const { status, row } = await fire(page, panel, '/bad/big-header', { 'X-Big': 'y'.repeat(BIG_HEADER_BYTES) });
  expect(status).toBe(401);
  const detail = await selectRow(panel, row.index);
  await expect(detail.locator('[data-testid="cause"]').first()).toBeVisible();
  // Both the request's X-Big and the response's challenge are shown cut, with their size.
  await expect(detail.getByText(/characters\)/)).toHaveCount(2);
  const shown = await detail.innerText();
  expect(shown.length).toBeLessThan(BIG_HEADER_BYTES);
  await expectPanelAlive(panel);
});

test('a malformed JSON body is shown as it came', async ({ session }) => {
  const { page, panel } = session;
  const { status, row } = await fire(page, panel, '/bad/malformed-json');
  expect(status).toBe(401);
  const detail = await selectRow(panel, row.index);
  await expect(detail.locator('[data-testid="cause"]').first()).toBeVisible();
  await expect(detail).toContainText('The access token is inval');
  await expectPanelAlive(panel);
});

test('a broken JWT is called out as unreadable, not decoded', async ({ session }) => {
  const { page, panel } = session;
  const { status, row } = await fire(page, panel, '/bad/broken-jwt', { Authorization: `Bearer ${BROKEN_JWT}` });
  expect(status).toBe(401);
  const detail = await selectRow(panel, row.index);
  await expect(detail.locator('[data-testid="cause"]').first()).toBeVisible();
  await expect(detail).toContainText(/cannot be decoded/i);
  await expect(detail.locator('[data-testid="jwt-claims"]')).toHaveCount(0);
  await expectPanelAlive(panel);
});

test('all four together: every row opens, search still answers', async ({ session }) => {
  const { page, panel } = session;
  await fire(page, panel, '/bad/binary');
  await fire(page, panel, '/bad/big-header', { 'X-Big': 'y'.repeat(BIG_HEADER_BYTES) });
  await fire(page, panel, '/bad/malformed-json');
  await fire(page, panel, '/bad/broken-jwt', { Authorization: `Bearer ${BROKEN_JWT}` });
  const rows = (await readRows(panel)).filter((r) => r.url.startsWith(bad.origin));
  expect(rows.length).toBeGreaterThanOrEqual(4);
  for (const r of rows) {
    await selectRow(panel, r.index);
    await expect(panel.locator('[data-testid="cause"]').first()).toBeVisible();
  }
  await search(panel, 'malformed-json');
  await expect
    .poll(async () => (await readRows(panel)).map((r) => new URL(r.url).pathname))
    .toEqual(['/bad/malformed-json']);
  await expectPanelAlive(panel);
});
