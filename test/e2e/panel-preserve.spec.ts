import { expect, test } from './fixtures.ts';
import { clickScenario, readRows } from './helpers.ts';
import { isRequestRow, scenarioRequest, setFilter, waitForTopCause } from './support/panel.ts';

// Issue 3: "Preserve log" keeps the rows across a navigation of the inspected page; without
// it a navigation starts a fresh capture, as DevTools' own Network panel does.

test('with preserve-log on, rows survive a navigation; off, they are cleared', async ({ session }) => {
  const { page, panel, server } = session;
  const toggle = panel.locator('[data-testid="preserve-log"]');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  const expired = isRequestRow(scenarioRequest(server, 'expired-jwt'));
  const waf = isRequestRow(scenarioRequest(server, 'waf-block'));

  await clickScenario(page, 'expired-jwt');
  await waitForTopCause(panel, expired, 'auth.token_expired');
  await toggle.check();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  await page.reload();
  await page.locator('#scenario-waf-block').waitFor();
  await clickScenario(page, 'waf-block');
  await waitForTopCause(panel, waf, 'waf.blocked');
  // The row from before the navigation is still there, with its cause.
  expect((await readRows(panel)).find(expired)?.topCause).toBe('auth.token_expired');
  await setFilter(panel, 'all');
  // Both page loads are listed.
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.url === `${server.originA}/`).length).toBe(2);

  await toggle.uncheck();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await page.reload();
  await page.locator('#scenario-waf-block').waitFor();
  // Only the new page load remains.
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.url === `${server.originA}/`).length).toBe(1);
  const rows = await readRows(panel);
  expect(rows.some(expired)).toBe(false);
  expect(rows.some(waf)).toBe(false);
  expect(rows.every((r) => !r.flagged)).toBe(true);
});
