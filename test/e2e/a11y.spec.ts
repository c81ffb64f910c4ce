import { expect, test } from './fixtures.ts';
import { clickScenario, waitForRow } from './helpers.ts';
import { seriousViolations } from './support/axe.ts';

// Issue 11: keyboard and screen-reader use of the list, the detail, the copy-as menu, the
// replay editor and the share dialog, and an automated axe-core audit of each state.

const hook = (id: string) => `[data-testid="${id}"]`;

test('axe finds no serious or critical violation in any state of the panel', async ({ session }) => {
  test.setTimeout(180_000); // eight axe audits; one more since issue 18 (the opened session view)
  const { page, panel, devtools } = session;
  const audit = async (state: string) => expect(await seriousViolations(panel, devtools), `axe, ${state}`).toEqual([]);

  await audit('empty capture');
  await clickScenario(page, 'expired-jwt');
  await clickScenario(page, 'cors-preflight-acah');
  const row = await waitForRow(panel, (r) => r.topCause === 'auth.token_expired');
  await audit('list with flagged rows');
  await row.locator.click();
  await expect(panel.locator(hook('detail'))).toBeVisible();
  await audit('detail view');
  // Issue 18: the session view opened to one origin's account.
  await panel.locator(hook('session-headline')).click();
  await panel
    .locator(`${hook('session-origin')} summary`)
    .first()
    .click();
  await expect(panel.locator(hook('session-line')).first()).toBeVisible();
  await audit('session view open');
  await panel.locator(hook('copy-as')).click();
  await audit('copy-as menu open');
  await panel.locator(':focus').press('Escape');
  await panel.locator(hook('share-report')).click();
  await audit('share dialog open');
  await panel.locator(hook('replay-open')).click();
  await expect(panel.locator(hook('replay-send'))).toBeVisible();
  await audit('replay editor open');
  // The panel follows DevTools' theme: the dark palette must pass too.
  await panel.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await audit('replay editor open, dark theme');
});

test('the list is one tab stop with an active option; arrows move it', async ({ session }) => {
  const { page, panel } = session;
  await clickScenario(page, 'expired-jwt');
  await clickScenario(page, 'missing-api-key');
  await waitForRow(panel, (r) => r.topCause === 'auth.token_expired');
  await panel.locator(hook('filter-all')).click();
  const list = panel.locator('[role="listbox"]');
  await list.press('Home');
  const first = await list.getAttribute('aria-activedescendant');
  expect(first).toBeTruthy();
  const option = panel.locator(`[id="${first}"]`);
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(option).toHaveAttribute('aria-posinset', '1');
  const size = Number(await option.getAttribute('aria-setsize'));
  expect(size).toBeGreaterThan(1);
  await list.press('ArrowDown');
  const second = await list.getAttribute('aria-activedescendant');
  expect(second).not.toBe(first);
  await expect(panel.locator(`[id="${second}"]`)).toHaveAttribute('aria-posinset', '2');
  await expect(list).toBeFocused();
});

test('copy-as is a menu button: arrows move, Escape closes and returns focus', async ({ session }) => {
  const { page, panel } = session;
  await clickScenario(page, 'expired-jwt');
  const row = await waitForRow(panel, (r) => r.topCause === 'auth.token_expired');
  await row.locator.click();
  const button = panel.locator(hook('copy-as'));
  await button.press('Enter');
  const items = panel.locator('[role="menu"] [role="menuitem"]');
  const focused = panel.locator(':focus');
  await expect(items.first()).toBeFocused();
  await focused.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await focused.press('ArrowUp');
  await focused.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await focused.press('Escape');
  await expect(panel.locator('[role="menu"]')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('the share dialog takes focus and Escape gives it back', async ({ session }) => {
  const { page, panel } = session;
  await clickScenario(page, 'expired-jwt');
  const row = await waitForRow(panel, (r) => r.topCause === 'auth.token_expired');
  await row.locator.click();
  const button = panel.locator(hook('share-report'));
  await button.click();
  const dialog = panel.locator('[role="dialog"]');
  await expect(dialog).toBeFocused();
  await expect(dialog).toHaveAccessibleName('Share a diagnosis report');
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});
