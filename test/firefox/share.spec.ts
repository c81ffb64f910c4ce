import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { VALID_JWT } from '../server/credentials.ts';
import { pageConfig, type RequestSpec } from '../server/scenarios.ts';
import {
  droppedByFirefox,
  fill,
  launchFirefoxPanel,
  openDetail,
  pressAndWaitForRow,
  readClipboard,
  trustedClick,
  waitForRow,
  type FirefoxSession,
  type Row,
} from './harness.ts';

// Installing, replaying and exporting in real Firefox: the add-on installs as a normal one under
// its id; a page replay with a fixed credential reaches the server; copy as curl reaches the
// clipboard through a real click and reproduces the request. A Firefox of its own, so the
// panel starts from a short list.

test.describe.configure({ mode: 'serial' });

let session: FirefoxSession;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  session = await launchFirefoxPanel();
});

test.afterAll(async () => {
  if (droppedByFirefox.length)
    console.log(`Firefox recorded nothing for (pressed again): ${droppedByFirefox.join(', ')}`);
  await session?.close();
});

function spec(id: string, kind: 'fail' | 'success'): RequestSpec {
  const s = pageConfig(session.server).scenarios.find((x) => x.id === id)!;
  return (kind === 'fail' ? s.fail : s.success)!;
}

const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href;
const isCall = (r: RequestSpec) => (row: Row) => row.method === r.method && sameUrl(row.url, r.url);

async function showAll(): Promise<void> {
  await session.inPanel(`document.querySelector('[data-testid="filter-all"]').click(); return true;`);
}

const hook = (id: string, extra = '') => `[data-testid="${id}"]${extra}`;

async function openRowOf(call: RequestSpec, status: number): Promise<number> {
  await showAll();
  const row = await waitForRow(session, (r) => isCall(call)(r) && r.status === status, `${call.url} ${status}`);
  await openDetail(session, row.index);
  return row.index;
}

test('installed as a normal (not temporary) add-on under its stable id', async () => {
  const addon = await session.chrome<{ id: string; temporary: boolean; active: boolean; version: string }>(
    `const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
     const a = await AddonManager.getAddonByID(arguments[0]);
     return a && { id: a.id, temporary: a.temporarilyInstalled, active: a.isActive, version: a.version };`,
    'why403@why403.dev',
  );
  expect(addon).toMatchObject({ id: 'why403@why403.dev', temporary: false, active: true });
});

async function waitForReplayResult(): Promise<{ status: string; topCause: string; mode: string }> {
  for (let i = 0; i < 100; i++) {
    const r = await session.inPanel<{ status: string; topCause: string; mode: string } | null>(
      `const el = document.querySelector('[data-testid="replay-result"]');
       return el && { status: el.dataset.status, topCause: el.dataset.topCause || '', mode: el.dataset.mode };`,
    );
    if (r) return r;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('no replay-result within 20 s');
}

test('copy as curl: copied to the clipboard, and it reproduces the request against the server', async () => {
  const call = spec('csrf-django', 'fail');
  await pressAndWaitForRow(
    session,
    'scenario-csrf-django',
    call,
    (r) => isCall(call)(r) && r.status === 403,
    'csrf 403',
  );
  const index = await openRowOf(call, 403);
  const inDetail = (id: string, extra = '') => `[data-testid="detail"][data-index="${index}"] ${hook(id, extra)}`;
  // The menu may close if the detail re-renders as the body arrives right after selection.
  for (let i = 0; i < 3; i++) {
    await trustedClick(session, inDetail('copy-as'));
    await new Promise((r) => setTimeout(r, 300));
    if (await session.inPanel<boolean>(`return !!document.querySelector(arguments[0]);`, inDetail('copy-redact')))
      break;
  }
  // Unredacted, so the curl carries the session cookie and CSRF token the server checks.
  if (await session.inPanel<boolean>(`return document.querySelector(arguments[0]).checked;`, inDetail('copy-redact')))
    await trustedClick(session, inDetail('copy-redact'));
  await trustedClick(session, inDetail('copy-format', '[data-format="curl"]'));
  const shown = await session.inPanel<string>(
    `const el = document.querySelector('[data-testid="copy-output"][data-format="curl"]');
     if (!el) throw new Error('no output yet');
     return el.textContent;`,
  );
  expect(shown).toMatch(/^curl /m);
  // The click was a real one: Firefox let the panel write the clipboard.
  expect(await readClipboard(session)).toBe(shown);

  const before = session.server.received('csrf-django');
  const original = before.at(-1)!;
  await promisify(execFile)('bash', ['-c', shown], { timeout: 15_000 });
  const after = session.server.received('csrf-django');
  expect(after).toHaveLength(before.length + 1);
  const replayed = after.at(-1)!;
  expect(replayed.method).toBe(original.method);
  expect(replayed.url).toBe(original.url);
  expect(replayed.body).toBe(original.body);
  const skip = new Set(['connection', 'content-length', 'host', 'keep-alive']);
  for (const [name, value] of Object.entries(original.headers)) {
    if (!skip.has(name)) expect(replayed.headers[name], `header ${name}`).toEqual(value);
  }
});

test('page replay: the expired token replaced by a valid one → 200, and the server got it', async () => {
  await pressAndWaitForRow(
    session,
    'scenario-expired-jwt',
    spec('expired-jwt', 'fail'),
    (r) => isCall(spec('expired-jwt', 'fail'))(r) && r.status === 401,
    'expired-jwt 401',
  );
  await openRowOf(spec('expired-jwt', 'fail'), 401);
  await trustedClick(session, hook('replay-open'));
  await session.inPanel(
    `if (!document.querySelector('[data-testid="replay-editor"]')) throw new Error('no editor'); return true;`,
  );
  expect(
    await session.inPanel<string>(`return document.querySelector('[data-testid="replay-auth-type"]').value;`),
  ).toBe('bearer');
  expect(await session.inPanel<string>(`return document.querySelector('[data-testid="replay-mode"]').value;`)).toBe(
    'page',
  );
  await fill(session, hook('replay-token'), VALID_JWT);
  session.server.reset();
  await trustedClick(session, hook('replay-send'));
  const result = await waitForReplayResult();
  expect(result).toMatchObject({ status: '200', topCause: '', mode: 'page' });
  const received = session.server.received('expired-jwt');
  expect(received).toHaveLength(1);
  expect(received[0]!.headers.authorization).toBe(`Bearer ${VALID_JWT}`);
  // As the page: from the page's origin, with its cookies.
  expect(received[0]!.headers.origin ?? session.server.originA).toBe(session.server.originA);
});

test('follows the DevTools theme live (onThemeChanged)', async () => {
  const theme = () => session.inPanel<string>(`return document.documentElement.dataset.theme || '';`);
  const set = (name: string) =>
    session.chrome(`Services.prefs.setCharPref('devtools.theme', arguments[0]); return true;`, name);
  for (const name of ['dark', 'light', 'dark']) {
    await set(name);
    await expect.poll(theme, { timeout: 10_000 }).toBe(name);
  }
});
