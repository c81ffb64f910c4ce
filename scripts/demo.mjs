#!/usr/bin/env node
// `npm run demo`: builds the extension, starts the scenario server and opens Chromium with
// Why403 loaded and DevTools open on the demo page, the Why403 panel shown. With a display it
// stays open until Ctrl-C; without one (or with --headless) it runs headless, presses every
// scenario button, saves a screenshot of the panel and exits. The screenshot goes to
// .output/demo/screenshot.png (gitignored: a demo leaves the working tree as cloned); the README's
// is refreshed with `npm run demo -- --screenshot docs/screenshot.png`.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'port-a': { type: 'string' },
    'port-b': { type: 'string' },
    screenshot: { type: 'string', default: join(root, '.output', 'demo', 'screenshot.png') },
  },
});

const load = (path) => tsImport(path, import.meta.url);
const { launchWithPanel } = await load('../test/e2e/harness.ts');
const { clickScenario, readCaptureStatus, readRows } = await load('../test/e2e/helpers.ts');
const { startScenarioServer, DEFAULT_PORT_A, DEFAULT_PORT_B } = await load('../test/server/server.ts');
const { pageConfig } = await load('../test/server/scenarios.ts');

if (!values['skip-build']) {
  console.log('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function startServer() {
  const portA = Number(values['port-a'] ?? process.env.WHY403_PORT_A ?? DEFAULT_PORT_A);
  const portB = Number(values['port-b'] ?? process.env.WHY403_PORT_B ?? DEFAULT_PORT_B);
  try {
    return await startScenarioServer({ portA, portB });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${portA} or ${portB} is busy; using free ports instead.`);
    return startScenarioServer({ portA: 0, portB: 0 });
  }
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !hasDisplay;
if (!hasDisplay)
  console.log('No display (neither DISPLAY nor WAYLAND_DISPLAY is set): running headless, then exiting.');

const server = await startServer();
console.log(`Scenario server: page ${server.originA}/, API ${server.originB} and ${server.crossSiteB}`);
const session = await launchWithPanel({ server, headless });
console.log(`Chromium is up; DevTools shows the Why403 panel (extension ${session.extensionId}).`);

let closing = false;
async function shutdown(code = 0) {
  if (closing) return;
  closing = true;
  await session.close();
  await server.stop();
  process.exit(code);
}

if (!headless) {
  console.log('Press the buttons on the demo page and watch the panel. Ctrl-C to quit.');
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  session.context.on('close', () => void shutdown());
} else {
  try {
    await runEverything();
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
  await shutdown();
}

async function runEverything() {
  const { page, panel, devtools } = session;
  const { scenarios } = pageConfig(server);
  const results = [];
  for (const s of scenarios) {
    const fail = await clickScenario(page, s.id);
    const success = s.success ? await clickScenario(page, `success-${s.id}`) : undefined;
    results.push({ s, fail, success });
  }
  await new Promise((r) => setTimeout(r, 1500)); // let the panel's batched capture flush
  const rows = await readRows(panel).catch(() => []);
  console.log('\nscenario                 page saw (fail / success)   panel top cause (expected)');
  for (const { s, fail, success } of results) {
    const href = new URL(s.fail.url).href;
    const row = rows.find((r) => r.flagged && r.url === href && r.method === s.fail.method);
    const saw = `${fail.status || 'blocked'} / ${success ? success.status : '-'}`;
    const cause = row ? row.topCause || '(none)' : '(no row)';
    const mark = row?.topCause === s.expectedTopCause ? 'ok' : '  ';
    console.log(`${mark} ${s.id.padEnd(22)} ${saw.padEnd(27)} ${cause} (${s.expectedTopCause})`);
  }
  const status = await readCaptureStatus(panel).catch(() => undefined);
  if (status) console.log(`\ncapture-status: ${JSON.stringify(status)}`);

  // Select the expired-token failure so the screenshot shows a diagnosis, not just a list.
  const target = rows.find((r) => r.flagged && r.url.endsWith('/api/orders') && r.status === 401);
  if (target) {
    await panel.locator(`[data-testid="request-row"][data-index="${target.index}"]`).click();
    await panel
      .locator('[data-testid="detail"]')
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
  }
  await mkdir(join(values.screenshot, '..'), { recursive: true });
  await devtools.screenshot({ path: values.screenshot });
  console.log(`Screenshot of the panel: ${values.screenshot}`);
}
