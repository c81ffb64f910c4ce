import type { Frame } from '@playwright/test';
import { expect } from '@playwright/test';
import { writeFile } from 'node:fs/promises';

// What DevTools' own "Save all as HAR with content" produces, built the way an extension can:
// getHAR() for the log, getContent() for each body. getHAR() alone carries no bodies.

interface DevtoolsEntry {
  response: { content?: { text?: string; encoding?: string; size?: number; mimeType?: string } };
  getContent?(cb: (content: string | null, encoding: string) => void): void;
}
type Network = { getHAR(cb: (har: { entries: DevtoolsEntry[] }) => void): void };

export async function captureHarWithContent(panel: Frame): Promise<{ log: { entries: unknown[] } }> {
  return panel.evaluate(async () => {
    const network = (globalThis as unknown as { chrome: { devtools: { network: Network } } }).chrome.devtools.network;
    const log = await new Promise<{ entries: DevtoolsEntry[] }>((resolve) => network.getHAR(resolve));
    for (const entry of log.entries) {
      const read = entry.getContent?.bind(entry);
      if (!read) continue;
      const [text, encoding] = await new Promise<[string | null, string]>((resolve) => read((t, e) => resolve([t, e])));
      const content = (entry.response.content ??= { size: 0, mimeType: '' });
      if (typeof text === 'string') content.text = text;
      if (encoding) content.encoding = encoding;
    }
    // Through JSON: the entries' prototypes (getContent) stay behind, as in a saved file.
    return JSON.parse(
      JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, ...log } }),
    ) as {
      log: { entries: unknown[] };
    };
  });
}

export async function saveJson(path: string, value: unknown): Promise<string> {
  await writeFile(path, JSON.stringify(value, null, 1));
  return path;
}

/** Loads a file through the panel's import-har input and waits for the notice it answers with. */
export async function importHarFile(panel: Frame, path: string, kind: 'info' | 'error'): Promise<string> {
  const notice = panel.locator('[data-testid="notice"]');
  // A notice from before would satisfy the wait below: dismiss it first.
  if (await notice.count()) await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await panel.locator('[data-testid="import-har"]').setInputFiles(path);
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', kind === 'error' ? 'alert' : 'status');
  return (await notice.innerText()).trim();
}
