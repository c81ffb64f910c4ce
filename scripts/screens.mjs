#!/usr/bin/env node
// Screenshots for a review (issue 18): the panel in light and dark DevTools, and both reports of
// the same capture (HTML through headless Chromium, Markdown as the raw text people paste).
// Headless, on free ports; writes only under the gitignored --out folder (default .output/screens).
//   node scripts/screens.mjs --prefix after [--skip-build]
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    prefix: { type: 'string', default: 'after' },
    out: { type: 'string', default: join(root, '.output', 'screens') },
    'skip-build': { type: 'boolean', default: false },
    themes: { type: 'string', default: 'light,dark' },
    'no-reports': { type: 'boolean', default: false },
  },
});
const out = resolve(values.out);
const prefix = values.prefix;
await mkdir(out, { recursive: true });

const load = (path) => tsImport(path, import.meta.url);
const { launchWithPanel } = await load('../test/e2e/harness.ts');
const { clickScenario } = await load('../test/e2e/helpers.ts');
const { isRequestRow, scenarioRequest, selectRow, waitForTopCause } = await load('../test/e2e/support/panel.ts');

if (!values['skip-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The README's mix of refusals, plus a throttled search retried too soon (a session worth summing up).
const SCENARIOS = [
  'success-expired-jwt',
  'waf-block',
  'missing-api-key',
  'cors-preflight-acah',
  'rate-limit-403',
  'rate-limit-retry-after',
  'rate-limit-retry-after',
  'expired-jwt',
];

const har = join(out, `${prefix}-capture.har`);
const shots = [];
for (const theme of values.themes.split(',')) {
  const session = await launchWithPanel({
    windowSize: { width: 1280, height: 800 },
    ...(theme === 'light' ? { recordHar: har } : {}),
  });
  try {
    const { page, panel, server, devtools } = session;
    // DevTools follows the system theme by default, and the panel follows DevTools (themeName).
    await devtools.emulateMedia({ colorScheme: theme });
    for (const id of SCENARIOS) await clickScenario(page, id);
    const row = await waitForTopCause(
      panel,
      isRequestRow(scenarioRequest(server, 'expired-jwt')),
      'auth.token_expired',
    );
    await selectRow(panel, row.index);
    await new Promise((r) => setTimeout(r, 800)); // the session view is throttled to 500 ms
    await panel.locator('[data-testid="request-list"]').focus();
    const path = join(out, `${prefix}-panel-${theme}.png`);
    await devtools.screenshot({ path });
    shots.push(path);
    // The session view opened to its first origin's account.
    const headline = panel.locator('[data-testid="session-headline"]');
    if (await headline.count()) {
      const view = panel.locator('[data-testid="session-view"]');
      if ((await view.getAttribute('open')) === null) await headline.click();
      const origin = panel.locator('[data-testid="session-origin"] > summary').first();
      if (await origin.count()) await origin.click();
      const open = join(out, `${prefix}-panel-${theme}-session.png`);
      await devtools.screenshot({ path: open });
      shots.push(open);
    }
  } finally {
    await session.close();
  }
}

if (values['no-reports']) process.exit(0);
const cli = (format, file) => {
  const r = spawnSync('node', [join(root, 'bin', 'why403.mjs'), 'report', har, '-f', format, '-o', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`why403 report -f ${format} exited ${r.status}`);
  shots.push(file);
};
const md = join(out, `${prefix}-report.md`);
const html = join(out, `${prefix}-report.html`);
cli('md', md);
cli('html', html);

const browser = await chromium.launch({ executablePath: process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.goto(pathToFileURL(html).href);
  const path = join(out, `${prefix}-report-html.png`);
  await page.screenshot({ path });
  shots.push(path);
} finally {
  await browser.close();
}
await writeFile(join(out, `${prefix}-files.txt`), shots.join('\n') + '\n');
console.log(shots.join('\n'));
