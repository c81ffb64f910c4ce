import { expect, test } from './fixtures.ts';
import { clickScenario } from './helpers.ts';
import { isRequestRow, scenarioById, scenarioRequest, selectRow, waitForTopCause } from './support/panel.ts';

// Issue 3: the detail compares a refused call with the last successful call to the same
// endpoint and names what differs (here: the credential header each scenario changes).

const CASES: Array<{ id: string; header: RegExp }> = [
  { id: 'expired-jwt', header: /authorization/i },
  { id: 'invalid-api-key', header: /x-api-key/i },
  { id: 'missing-api-key', header: /apikey/i },
  { id: 'csrf-django', header: /x-csrftoken/i },
];

for (const { id, header } of CASES) {
  test(`${id}: the comparison with the successful call names ${header.source}`, async ({ session }) => {
    const { page, panel, server } = session;
    const ok = await clickScenario(page, `success-${id}`);
    expect(ok.status >= 200 && ok.status < 300, `success-${id} answered ${ok.status}`).toBe(true);
    await clickScenario(page, id);
    const row = await waitForTopCause(
      panel,
      isRequestRow(scenarioRequest(server, id)),
      scenarioById(id).expectedTopCause,
    );
    const detail = await selectRow(panel, row.index);
    const diff = detail.locator('[data-testid="diff-success"]');
    await expect(diff, 'the detail view has no diff-success section').toBeVisible();
    await expect(diff).toContainText(header);
    // Named as a difference, not merely listed among the unchanged parts.
    const differing = await diff
      .locator('[data-diff-name]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-diff-name') ?? ''));
    expect(
      differing.some((n) => header.test(n)),
      `differences: ${differing.join(', ')}`,
    ).toBe(true);
  });
}

test('without a successful call there is nothing to compare, and the detail still renders', async ({ session }) => {
  const { page, panel, server } = session;
  await clickScenario(page, 'expired-jwt');
  const row = await waitForTopCause(panel, isRequestRow(scenarioRequest(server, 'expired-jwt')), 'auth.token_expired');
  const detail = await selectRow(panel, row.index);
  await expect(detail.locator('[data-testid="cause"]').first()).toBeVisible();
  // No successful call to compare with: no comparison (never one with itself).
  await expect(detail.locator('[data-testid="diff-success"]')).toHaveCount(0);
});
