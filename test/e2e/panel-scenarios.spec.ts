import { SCENARIOS } from '../server/scenarios.ts';
import { expect, test } from './fixtures.ts';
import { clickScenario } from './helpers.ts';
import { isRequestRow, scenarioRequest, selectRow, waitForTopCause } from './support/panel.ts';

// Issue 3: for every scenario of the demo page, its failing call shows up flagged with the
// expected top cause, and its detail explains it with evidence (issue 18: after one sentence).

for (const scenario of SCENARIOS) {
  test(`${scenario.id}: flagged as ${scenario.expectedTopCause}, explained with evidence`, async ({ session }) => {
    const { page, panel, server } = session;
    const outcome = await clickScenario(page, scenario.id);
    expect(outcome.status === 0).toBe(scenario.blockedByBrowser);

    const spec = scenarioRequest(server, scenario.id);
    const row = await waitForTopCause(panel, isRequestRow(spec), scenario.expectedTopCause);
    expect(row.cors).toBe(scenario.blockedByBrowser);

    const detail = await selectRow(panel, row.index);
    // Issue 18: one sentence answers "why" before the evidence, for the top cause.
    const why = detail.locator('[data-testid="why"]');
    await expect(why).toHaveAttribute('data-cause-id', scenario.expectedTopCause);
    await expect(why).toHaveText(/^(Probably: )?[A-Z].{20,}\.$/);
    const causes = detail.locator('[data-testid="cause"]');
    await expect(causes.first()).toHaveAttribute('data-cause-id', scenario.expectedTopCause);
    const confidence = Number(await causes.first().getAttribute('data-confidence'));
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
    await expect(causes.first().locator('[data-testid="evidence"]').first()).toBeVisible();
  });
}
