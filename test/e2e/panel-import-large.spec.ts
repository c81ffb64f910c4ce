import { writeFile } from 'node:fs/promises';
import { generateHar } from '../../bench/generate-har.mjs';
import { expect, test } from './fixtures.ts';
import { readCaptureStatus } from './helpers.ts';
import { expectPanelAlive } from './support/panel.ts';

// Issue 11: a large HAR imports off the panel's main thread with a progress indicator, the
// panel answers input meanwhile, and the notice says exactly what the 5,000-entry bound kept.

test('a 12,000-entry HAR: progress shown, panel usable meanwhile, kept and dropped stated', async ({
  session,
}, info) => {
  test.setTimeout(180_000);
  const { panel } = session;
  const har = generateHar(12_000);
  const file = info.outputPath('large.har');
  await writeFile(file, JSON.stringify(har));

  await panel.locator('[data-testid="import-har"]').setInputFiles(file);
  const progress = panel.locator('[data-testid="import-progress"]');
  await expect(progress).toBeVisible();

  // While the import runs, the filters still answer.
  await panel.locator('[data-testid="filter-all"]').click();
  await expect(panel.locator('[data-testid="filter-all"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(progress, 'the click was handled while the import was still running').toBeVisible();

  await expect(progress).toHaveCount(0, { timeout: 150_000 });
  const notice = panel.locator('[data-testid="notice"]');
  const text = (await notice.innerText()).trim();
  const status = await readCaptureStatus(panel);
  expect(text).toContain('Imported 12000 entries from large.har.');
  expect(status.dropped).toBeGreaterThan(0);
  expect(text).toContain(`Kept ${status.total}`);
  expect(text).toContain(`so ${status.dropped} were dropped`);
  expect(status.total + status.dropped).toBe(12_000);
  await expectPanelAlive(panel);
});
