// A Playwright trace of a page whose calls are refused, diagnosed by the CLI with the same
// causes as the HAR Playwright recorded of the same traffic. Both captures come from this
// suite's own browser run against the scenario server, not from hand-made files.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScenarioServer, type ScenarioServer } from '../server/server.ts';
import { SCENARIOS } from '../server/scenarios.ts';
import { ROOT } from './harness.ts';
import { makeHar } from '../support/har.ts';

interface Diagnosis {
  index: number;
  method: string;
  url: string;
  status: number;
  flagged: boolean;
  causes: { id: string; evidence: { where: string }[] }[];
}

function why403(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'why403.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const diagnosed = new Map<string, Diagnosis[]>();
function diagnoseJson(capture: string): Diagnosis[] {
  if (!diagnosed.has(capture)) {
    const r = why403(['diagnose', capture, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    diagnosed.set(capture, JSON.parse(r.out).entries);
  }
  return diagnosed.get(capture)!;
}

const dir = mkdtempSync(join(tmpdir(), 'why403-trace-'));
const tracePath = join(dir, 'trace.zip');
const harPath = join(dir, 'capture.har');
let server: ScenarioServer;
let browser: Browser;

test.beforeAll(async () => {
  // The CLI as it ships (the bundle), and quick: bin/why403.mjs picks it while it is fresh.
  expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT }).status).toBe(0);
  server = await startScenarioServer({ portA: 0, portB: 0 });
  browser = await chromium.launch({
    executablePath: process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'],
  });
  // Sign in first, outside the recording: Playwright's trace can miss the Set-Cookie of the
  // very first redirect response that its HAR has (raw headers arrive after the snapshot), and
  // this test compares what the CLI reads, so both captures must hold the same traffic.
  const signIn = await browser.newContext();
  await (await signIn.newPage()).goto(server.demoUrl);
  const storageState = await signIn.storageState();
  await signIn.close();

  const context = await browser.newContext({ storageState, recordHar: { path: harPath, content: 'embed' } });
  // Playwright records network entries (trace.network) only while snapshots are on.
  await context.tracing.start({ snapshots: true, screenshots: false });
  const page = await context.newPage();
  await page.goto(`${server.originA}/`);
  for (const s of SCENARIOS) {
    for (const kind of ['scenario', 'success']) {
      const button = page.locator(`#${kind}-${s.id}`);
      if ((await button.count()) === 0) continue;
      await button.click();
      await page.locator(`#${kind}-${s.id}[data-state="done"]`).waitFor();
    }
  }
  await context.tracing.stop({ path: tracePath });
  await context.close(); // writes the HAR
});

test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('diagnose reads the trace as it reads the HAR: same entries, same causes', async () => {
  const fromTrace = diagnoseJson(tracePath);
  const fromHar = diagnoseJson(harPath);
  // Every scenario's refused call is flagged in the trace (so equality below is not vacuous).
  for (const s of SCENARIOS) {
    const path = new URL(s.fail(server).url).pathname;
    expect(
      fromTrace.some((d) => d.flagged && new URL(d.url).pathname === path),
      s.id,
    ).toBe(true);
  }
  const shape = (ds: Diagnosis[]) =>
    ds.map((d) => ({
      index: d.index,
      method: d.method,
      url: d.url,
      status: d.status,
      causes: d.causes.map((c) => c.id),
    }));
  expect(shape(fromTrace)).toEqual(shape(fromHar));
  // Bodies were read from resources/: some causes quote the response body.
  expect(fromTrace.some((d) => d.causes.some((c) => c.evidence.some((e) => e.where === 'response.body')))).toBe(true);
});

test('export and report read the trace too, bodies included', async () => {
  const posts = diagnoseJson(tracePath).filter((d) => d.method === 'POST');
  expect(posts.length).toBeGreaterThan(0);
  for (const d of posts) {
    const fromTrace = why403(['export', tracePath, '-e', String(d.index), '-f', 'curl', '--no-redact']);
    expect(fromTrace.code).toBe(0);
    expect(fromTrace.out).toMatch(/--data-raw '.+'/);
    expect(fromTrace.out).toBe(why403(['export', harPath, '-e', String(d.index), '-f', 'curl', '--no-redact']).out);
  }
  const report = why403(['report', tracePath, '-f', 'json']);
  expect(report.code).toBe(0);
  const doc = JSON.parse(report.out);
  expect(doc.source).toBe('trace.zip');
  expect(doc.entries.length).toBe(diagnoseJson(tracePath).length);
});

async function parseXml(xml: string) {
  const page = await browser.newPage();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      cases: doc.getElementsByTagName('testcase').length,
      failures: doc.getElementsByTagName('failure').length,
    };
  }, xml);
  await page.close();
  return parsed;
}

test('JUnit reports, of the trace and of hostile captures, pass a strict XML parser', async () => {
  const junit = why403(['diagnose', tracePath, '-f', 'junit']);
  expect(junit.code).toBe(0);
  const flagged = diagnoseJson(tracePath).length;
  expect(await parseXml(junit.out)).toEqual({ errors: 0, cases: flagged, failures: flagged });

  const hostile = 'a&b<c>"d\'e]]>\u0001\u001b[31m\u0000\ud800\uffff\u202e%0A,x:y\r\n<!--';
  const har = makeHar([
    { url: `https://api.example/v1?q=${hostile}`, status: 403, requestHeaders: { 'X-Evil': hostile }, body: hostile },
    {
      url: 'https://api.example/v2',
      status: 401,
      responseHeaders: { 'WWW-Authenticate': `Bearer error="${hostile}"` },
    },
  ]);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'why403.mjs'), 'diagnose', '-', '-f', 'junit'], {
    input: JSON.stringify(har),
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  expect(await parseXml(r.stdout)).toEqual({ errors: 0, cases: 2, failures: 2 });
});
