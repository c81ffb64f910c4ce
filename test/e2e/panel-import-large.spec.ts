import { writeFile } from 'node:fs/promises';
import { generateHar } from '../../bench/generate-har.mjs';
import type { HarEntry } from '../../lib';
import { expect, test } from './fixtures.ts';
import { readCaptureStatus } from './helpers.ts';
import { expectPanelAlive } from './support/panel.ts';

// Issues 11 and 19: a large HAR imports off the panel's main thread with a progress indicator,
// the panel answers input meanwhile, and it holds every entry (the list reaches the first and
// the last); bodies it let go to save memory come back from the import worker on demand.

const ENTRIES = 20_000;

test('a 20,000-entry HAR: progress shown, panel usable meanwhile, every entry held', async ({ session }, info) => {
  test.setTimeout(600_000);
  const { panel } = session;
  const har = generateHar(ENTRIES);
  const entries = har.log.entries as HarEntry[];
  const file = info.outputPath('large.har');
  await writeFile(file, JSON.stringify(har));

  await panel.locator('[data-testid="import-har"]').setInputFiles(file);
  const progress = panel.locator('[data-testid="import-progress"]');
  await expect(progress).toBeVisible({ timeout: 60_000 });

  // While the import runs, the filters still answer.
  await panel.locator('[data-testid="filter-all"]').click();
  await expect(panel.locator('[data-testid="filter-all"]')).toHaveAttribute('aria-pressed', 'true');

  await expect(progress).toHaveCount(0, { timeout: 240_000 });
  await expect(panel.locator('[data-testid="notice"]')).toContainText(`Imported ${ENTRIES} entries from large.har.`);
  const status = await readCaptureStatus(panel);
  expect(status).toMatchObject({ total: ENTRIES, shown: ENTRIES, dropped: 0 });

  // The first and the last entries of the file are both in the list.
  const list = panel.locator('[data-testid="request-list"]');
  const row = (i: number) => panel.locator(`[data-testid="request-row"][data-index="${i}"]`);
  await list.focus();
  await list.press('End');
  await expect(row(ENTRIES - 1)).toHaveAttribute('data-url', entries[ENTRIES - 1]!.request.url);
  await expect(row(ENTRIES - 1)).toHaveAttribute('aria-selected', 'true');
  await list.press('Home');
  await expect(row(0)).toHaveAttribute('data-url', entries[0]!.request.url);
  await expect(row(0)).toHaveAttribute('aria-selected', 'true');

  // A success's body was let go after its diagnosis; opening it reads it back from the worker.
  // The one chosen is the last entry whose path it is, so searching the path and pressing End selects it.
  const pathOf = (i: number) => new URL(entries[i]!.request.url).pathname;
  const late = entries.findLastIndex(
    (e, i) =>
      e.response.status === 200 &&
      /^\s*\{/.test(e.response.content?.text ?? '') &&
      !entries.slice(i + 1).some((later) => later.request.url.includes(pathOf(i))),
  );
  const text = entries[late]!.response.content!.text!;
  await panel.locator('[data-testid="search-input"]').fill(pathOf(late));
  await list.focus();
  await list.press('End');
  await expect(panel.locator('[data-testid="detail"]')).toHaveAttribute('data-index', String(late));
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  await expect
    .poll(async () => squeeze((await panel.locator('[data-testid="detail"] pre.body').textContent()) ?? ''))
    .toBe(squeeze(JSON.stringify(JSON.parse(text), null, 2)));
  await expectPanelAlive(panel);
});
