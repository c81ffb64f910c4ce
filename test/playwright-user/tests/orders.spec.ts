import { expect, test } from 'why403/playwright';

const DEMO = process.env.DEMO_ORIGIN!;

// What a user's suite looks like: the test knows nothing of Why403; it only imports from it.
test('the orders list loads', async ({ page }) => {
  await page.goto(`${DEMO}/`);
  await page.click('#scenario-expired-jwt');
  await expect(page.locator('#scenario-expired-jwt')).toHaveAttribute('data-status', '200', { timeout: 3000 });
});

test('the orders list loads with a fresh token', async ({ page }) => {
  await page.goto(`${DEMO}/`);
  await page.click('#success-expired-jwt');
  await expect(page.locator('#success-expired-jwt')).toHaveAttribute('data-status', '200');
});

test('the inventory page makes no refused call', async ({ page }) => {
  await page.goto(`${DEMO}/`);
  await page.click('#scenario-missing-api-key');
  await expect(page.locator('#scenario-missing-api-key')).toHaveAttribute('data-runs', '1');
  await expect(page).toHaveNoRefusals();
});

test('a refusal the matcher is told to ignore', async ({ page }) => {
  await page.goto(`${DEMO}/`);
  await page.click('#scenario-missing-api-key');
  await expect(page.locator('#scenario-missing-api-key')).toHaveAttribute('data-runs', '1');
  await expect(page).toHaveNoRefusals({ ignore: ['api_key.missing'] });
});

test.describe('with failOn', () => {
  test.use({ why403: { failOn: ['api_key.missing'] } });
  test('passes its own assertions, fails on the refusal it is told to fail on', async ({ page }) => {
    await page.goto(`${DEMO}/`);
    await page.click('#scenario-missing-api-key');
    await expect(page.locator('#scenario-missing-api-key')).toHaveAttribute('data-runs', '1');
  });
});

test.describe('unredacted, attached always', () => {
  test.use({ why403: { redact: false, attach: 'always' } });
  test('attaches the diagnosis with the token as sent', async ({ page }) => {
    await page.goto(`${DEMO}/`);
    await page.click('#scenario-expired-jwt');
    await expect(page.locator('#scenario-expired-jwt')).toHaveAttribute('data-status', '401');
  });
});
