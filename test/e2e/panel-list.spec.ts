import { expect, test } from './fixtures.ts';
import { clickScenario, readCaptureStatus, readRows, waitForRow } from './helpers.ts';
import {
  expectConsistentStatus,
  isRequestRow,
  scenarioRequest,
  search,
  selectRow,
  setFilter,
  waitForTopCause,
} from './support/panel.ts';

// Issue 3, the list: filters, search, capture-status and keyboard navigation, inside DevTools.

test('filters, search and capture-status agree with the rows', async ({ session }) => {
  const { page, panel, server } = session;
  for (const id of ['expired-jwt', 'success-expired-jwt', 'waf-block', 'cors-preflight-acah', 'gateway-403-no-cors'])
    await clickScenario(page, id);
  const acah = isRequestRow(scenarioRequest(server, 'cors-preflight-acah'));
  const gateway = isRequestRow(scenarioRequest(server, 'gateway-403-no-cors'));
  await waitForTopCause(panel, gateway, 'cors.missing_allow_origin');
  await waitForTopCause(panel, acah, 'cors.header_not_allowed');

  // Flagged (the default): only refused requests.
  await expect(panel.locator('[data-testid="filter-flagged"]')).toHaveAttribute('aria-pressed', 'true');
  const flagged = await readRows(panel);
  expect(flagged.length).toBeGreaterThanOrEqual(4);
  expect(flagged.every((r) => r.flagged)).toBe(true);
  await expectConsistentStatus(panel);
  expect((await readCaptureStatus(panel)).shown).toBe(flagged.length);

  // CORS: only the browser-blocked ones, both blocked scenarios among them.
  await setFilter(panel, 'cors');
  await expect.poll(async () => (await readRows(panel)).every((r) => r.cors)).toBe(true);
  const cors = await readRows(panel);
  expect(cors.some(acah)).toBe(true);
  expect(cors.some(gateway)).toBe(true);
  expect(cors.some((r) => r.status === 401)).toBe(false);
  await expectConsistentStatus(panel);

  // All: the unflagged ones too (the successful call, the page itself).
  await setFilter(panel, 'all');
  await waitForRow(
    panel,
    (r) => !r.flagged && r.status === 200 && isRequestRow(scenarioRequest(server, 'expired-jwt', 'success'))(r),
  );
  const all = await readRows(panel);
  const status = await readCaptureStatus(panel);
  expect(status.shown).toBe(status.total);
  expect(all.length).toBe(status.total);
  expect(all.filter((r) => r.flagged).length).toBe(status.flagged);
  expect(status.flagged).toBe(flagged.length);
  await expectConsistentStatus(panel);

  // Search narrows the list: by URL, then by cause id; clearing it restores the list.
  await search(panel, '/api/orders');
  await expect.poll(async () => (await readRows(panel)).length).toBe(2);
  expect((await readRows(panel)).every((r) => r.url.includes('/api/orders'))).toBe(true);
  expect((await readCaptureStatus(panel)).shown).toBe(2);
  await search(panel, 'waf.blocked');
  await expect.poll(async () => (await readRows(panel)).map((r) => r.topCause)).toEqual(['waf.blocked']);
  await search(panel, 'no-such-thing-anywhere');
  await expect.poll(async () => (await readRows(panel)).length).toBe(0);
  await expect(panel.locator('[data-testid="request-list"]')).toBeVisible();
  expect((await readCaptureStatus(panel)).shown).toBe(0);
  await search(panel, '');
  await expect.poll(async () => (await readRows(panel)).length).toBe(status.total);
});

test('ArrowDown and ArrowUp move the selection through the list', async ({ session }) => {
  const { page, panel } = session;
  for (const id of ['expired-jwt', 'missing-api-key', 'waf-block']) await clickScenario(page, id);
  await expect.poll(async () => (await readRows(panel)).length).toBeGreaterThanOrEqual(3);
  const rows = await readRows(panel);
  const detail = panel.locator('[data-testid="detail"]');

  await selectRow(panel, rows[0]!.index);
  await panel.locator('[data-testid="request-list"]').focus();
  await panel.locator('[data-testid="request-list"]').press('ArrowDown');
  await expect(detail).toHaveAttribute('data-index', String(rows[1]!.index));
  await panel.locator('[data-testid="request-list"]').press('ArrowDown');
  await expect(detail).toHaveAttribute('data-index', String(rows[2]!.index));
  await panel.locator('[data-testid="request-list"]').press('ArrowUp');
  await expect(detail).toHaveAttribute('data-index', String(rows[1]!.index));
  // The selected row is marked for assistive tech too.
  await expect(panel.locator(`[data-testid="request-row"][data-index="${rows[1]!.index}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // Typing in the search box does not move the selection.
  await panel.locator('[data-testid="search-input"]').press('ArrowDown');
  await expect(detail).toHaveAttribute('data-index', String(rows[1]!.index));
});
