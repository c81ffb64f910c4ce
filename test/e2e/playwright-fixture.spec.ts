// why403/playwright as a user meets it: a bare project (test/playwright-user: its own config and
// tests) installs the packed `why403` beside @playwright/test, imports `test` and `expect` from
// `why403/playwright`, and runs against the scenario server in real Chromium. Its JSON report,
// its terminal output and its HTML report are what is checked, as the user would read them.
import { chromium, expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScenarioServer, type ScenarioServer } from '../server/server.ts';
import { ROOT } from './harness.ts';

const CHROMIUM = process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium';
// A full JWT (header.payload.signature): what redaction must not let through.
const FULL_JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/;

interface Attachment {
  name: string;
  contentType: string;
  body?: string;
  path?: string;
}
interface Result {
  status: string;
  attachments: Attachment[];
  errors: { message?: string }[];
}
interface Spec {
  title: string;
  tests: { results: Result[] }[];
}
interface Suite {
  specs: Spec[];
  suites?: Suite[];
}

let server: ScenarioServer;
let project: string;
let run: { code: number | null; out: string; err: string };
const results = new Map<string, Result>();

function collect(suite: Suite): void {
  for (const spec of suite.specs) results.set(spec.title, spec.tests[0]!.results[0]!);
  for (const child of suite.suites ?? []) collect(child);
}

function text(a: Attachment | undefined): string {
  if (!a) return '';
  if (a.body !== undefined) return Buffer.from(a.body, 'base64').toString('utf8');
  return readFileSync(a.path!, 'utf8');
}

const attachment = (title: string, name: string) => results.get(title)?.attachments.find((a) => a.name === name);

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startScenarioServer({ portA: 0, portB: 0 });
  const work = mkdtempSync(join(tmpdir(), 'why403-pw-user-'));
  // The package as it would be published: npm pack runs prepack, which builds the bundles.
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = join(work, pack.stdout.trim().split('\n').pop()!);
  project = join(work, 'project');
  cpSync(join(ROOT, 'test', 'playwright-user'), project, { recursive: true });
  // @playwright/test is the user's own (a peer dependency): this checkout's copy stands in for it.
  const install = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-package-lock', tarball],
    { cwd: project, encoding: 'utf8' },
  );
  expect(install.status, install.stderr).toBe(0);
  mkdirSync(join(project, 'node_modules', '@playwright'), { recursive: true });
  for (const dep of ['@playwright/test', 'playwright', 'playwright-core'])
    symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep));
  // Not spawnSync: the scenario server lives in this process and must keep answering.
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test'], {
      cwd: project,
      // Only what a user's shell would have: none of this runner's own variables.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DEMO_ORIGIN: server.originA, CHROMIUM },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  run = { code: r.status, out: r.stdout, err: r.stderr };
  const reportFile = join(project, 'results', 'report.json');
  if (!existsSync(reportFile))
    throw new Error(`the user's run wrote no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { suites: Suite[] };
  for (const s of report.suites) collect(s);
});

test.afterAll(async () => {
  await server?.stop();
});

test('the run fails on the three tests that failed, and only on them', () => {
  expect(run.code, run.out + run.err).toBe(1);
  expect(Object.fromEntries([...results].map(([t, r]) => [t, r.status]))).toEqual({
    'the orders list loads': 'failed',
    'the orders list loads with a fresh token': 'passed',
    'the inventory page makes no refused call': 'failed',
    'a refusal the matcher is told to ignore': 'passed',
    'passes its own assertions, fails on the refusal it is told to fail on': 'failed',
    'attaches the diagnosis with the token as sent': 'passed',
  });
});

test('a test that failed on a 401 for an expired token gets a why403 attachment naming auth.token_expired', () => {
  const md = attachment('the orders list loads', 'why403');
  expect(md?.contentType).toBe('text/markdown');
  expect(text(md)).toMatch(/auth\.token_expired/);
  expect(text(md)).toMatch(/\/api\/orders/);
  const json = JSON.parse(text(attachment('the orders list loads', 'why403.json'))) as {
    entries: { exchange: { method: string; url: string; status: number }; causes: { id: string }[] }[];
  };
  expect(json.entries.map((e) => [e.exchange.method, new URL(e.exchange.url).pathname, e.exchange.status])).toEqual([
    ['GET', '/api/orders', 401],
  ]);
  expect(json.entries[0]!.causes[0]!.id).toBe('auth.token_expired');
});

test('the terminal names the top cause of each refusal', () => {
  expect(run.out).toMatch(/^why403: GET \/api\/orders → 401 auth\.token_expired: .*expired .* before the request/m);
});

test('secrets are redacted in the attachment and on the terminal by default, and kept with redact: false', () => {
  expect(text(attachment('the orders list loads', 'why403'))).not.toMatch(FULL_JWT);
  expect(text(attachment('the orders list loads', 'why403.json'))).not.toMatch(FULL_JWT);
  expect(run.out).not.toMatch(FULL_JWT);
  expect(text(attachment('attaches the diagnosis with the token as sent', 'why403'))).toMatch(FULL_JWT);
});

test('a passing test carries no attachment', () => {
  expect(results.get('the orders list loads with a fresh token')!.attachments.map((a) => a.name)).not.toContain(
    'why403',
  );
  expect(results.get('a refusal the matcher is told to ignore')!.attachments.map((a) => a.name)).not.toContain(
    'why403',
  );
});

test("the matcher's failure message is the diagnosis", () => {
  const message = results
    .get('the inventory page makes no refused call')!
    .errors.map((e) => e.message ?? '')
    .join('\n');
  expect(message).toMatch(/toHaveNoRefusals/);
  expect(message).toMatch(/1 refused request/);
  expect(message).toMatch(/api_key\.missing/);
});

test('failOn fails a test whose own assertions passed', () => {
  const r = results.get('passes its own assertions, fails on the refusal it is told to fail on')!;
  expect(r.errors.map((e) => e.message ?? '').join('\n')).toMatch(/why403: .*api_key\.missing/s);
  expect(text(r.attachments.find((a) => a.name === 'why403'))).toMatch(/api_key\.missing/);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test asks for from this pattern: none.
test('the HTML report opens the attachment on the failed test; JUnit has the failures and the top cause', async ({}, testInfo) => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${join(project, 'results', 'html', 'index.html')}`);
  await page.getByText('the orders list loads', { exact: true }).first().click();
  await page.getByText('why403', { exact: true }).first().click();
  await expect(page.getByText(/auth\.token_expired/).first()).toBeVisible();
  // What a user sees: the attachment opened under the failed test (the README shows this one).
  await page
    .getByText('why403', { exact: true })
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath('html-report.png') });
  await browser.close();
  const junit = readFileSync(join(project, 'results', 'junit.xml'), 'utf8');
  // Two assertion failures and one failOn error (thrown after the test body, as JUnit counts it).
  expect(junit).toMatch(/<testsuites [^>]*failures="2"[^>]*errors="1"/);
  expect(junit).toMatch(/why403: GET \/api\/orders → 401 auth\.token_expired/);
});
