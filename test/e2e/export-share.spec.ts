import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.ts';
import { clickScenario, waitForRow } from './helpers.ts';

// Issue 4 from the panel: copy a request as curl, run it with real bash and curl, and the
// server receives the same request; the shared report shows exactly what leaves, redacted.

const hook = (id: string) => `[data-testid="${id}"]`;

test('copy as curl from the panel reproduces the request byte for byte', async ({ session }) => {
  const { page, panel, server } = session;
  await clickScenario(page, 'csrf-django');
  const row = await waitForRow(panel, (r) => r.url.endsWith('/django/comments/') && r.status === 403);
  await row.locator.click();
  await panel.locator(hook('copy-as')).click();
  await panel.locator(hook('copy-redact')).uncheck();
  await panel.locator(`${hook('copy-format')}[data-format="curl"]`).click();
  const curl = (await panel.locator(`${hook('copy-output')}[data-format="curl"]`).textContent())!;
  expect(curl).toMatch(/^curl|\ncurl /m);

  const before = server.received('csrf-django');
  const original = before.at(-1)!;
  // Asynchronously: the scenario server lives in this process and must keep answering.
  await promisify(execFile)('bash', ['-c', curl], { timeout: 15_000 });
  const replayed = server.received('csrf-django').at(-1)!;
  expect(server.received('csrf-django')).toHaveLength(before.length + 1);

  expect(replayed.method).toBe(original.method);
  expect(replayed.url).toBe(original.url);
  expect(replayed.body).toBe(original.body);
  // Every header the browser sent and DevTools recorded arrives unchanged; only what must not
  // be replayed (connection management, length) may differ.
  const skip = new Set(['connection', 'content-length', 'host', 'keep-alive']);
  for (const [name, value] of Object.entries(original.headers)) {
    if (skip.has(name)) continue;
    expect(replayed.headers[name], `header ${name}`).toEqual(value);
  }
});

test('the redacted curl and the shared report keep the session secret out', async ({ session }) => {
  const { page, panel, server } = session;
  await clickScenario(page, 'csrf-django');
  const row = await waitForRow(panel, (r) => r.url.endsWith('/django/comments/') && r.status === 403);
  await row.locator.click();
  const cookie = String(server.received('csrf-django').at(-1)!.headers.cookie ?? '');
  const secret = cookie.split('=')[1]?.split(';')[0] ?? '';
  expect(secret.length, 'the page sent its session cookie').toBeGreaterThan(8);

  await panel.locator(hook('copy-as')).click();
  await panel.locator(`${hook('copy-format')}[data-format="curl"]`).click();
  const redacted = (await panel.locator(hook('copy-output')).textContent())!;
  expect(redacted).not.toContain(secret);
  expect(redacted).toMatch(/WHY403_/);

  await panel.locator(hook('share-report')).click();
  const preview = panel.locator(hook('report-preview'));
  await expect(preview).toHaveAttribute('data-format', 'md');
  await expect(preview).toContainText('csrf.invalid');
  expect(await preview.textContent()).not.toContain(secret);

  await panel.locator(`${hook('report-format')}[data-format="html"]`).click();
  await expect(preview).toHaveAttribute('data-format', 'html');
  const html = (await preview.textContent())!;
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).not.toMatch(/<script|<link|src="http/i);
  expect(html).not.toContain(secret);

  await panel.locator(`${hook('report-format')}[data-format="json"]`).click();
  const json = JSON.parse((await preview.textContent())!);
  expect(json.version).toBe(1);
  expect(JSON.stringify(json)).not.toContain(secret);

  // Revealing a secret is explicit, per item, and shows in the preview before anything is shared.
  const toggle = panel.locator(`${hook('report-reveal')}[data-secret^="WHY403_COOKIE"]`).first();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect(preview).toContainText(secret);
});
