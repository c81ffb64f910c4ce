import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { diagnose, readHar } from '../../lib';
import { VALID_JWT } from '../server/credentials.ts';
import { pageConfig, type RequestSpec } from '../server/scenarios.ts';
import {
  retry,
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

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'realworld');

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
  // The detail may re-render as the body arrives right after selection, which closes the menu and
  // turns redaction back on: open it and turn redaction off until both are seen, then copy, and do it
  // again if the copy still came out redacted (conditions, not fixed waits).
  const redactOn = () =>
    session.inPanel<boolean | null>(
      `return document.querySelector(arguments[0])?.checked ?? null;`,
      inDetail('copy-redact'),
    );
  const openUnredacted = async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const state = await redactOn();
      if (state === false) return;
      if (state === null) await trustedClick(session, inDetail('copy-as'));
      else await trustedClick(session, inDetail('copy-redact'));
      await retry('the copy menu', 1500, async () => ((await redactOn()) === false ? true : undefined)).catch(
        () => false,
      );
    }
    throw new Error('the copy menu does not stay open with redaction off');
  };
  let shown = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    // Unredacted, so the curl carries the session cookie and CSRF token the server checks.
    await openUnredacted();
    await trustedClick(session, inDetail('copy-format', '[data-format="curl"]'));
    shown = await retry('the curl output', 5000, () =>
      session.inPanel<string>(
        `const el = document.querySelector('[data-testid="copy-output"][data-format="curl"]');
         return el ? el.textContent : null;`,
      ),
    );
    if (!/\(redacted\)/.test(shown.split('\n')[0] ?? '')) break;
  }
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

/**
 * Answers Firefox's optional-permission doorhanger ("Why403 requests additional permissions")
 * as a user would: a click on its main button (Allow). Returns the prompt's text.
 */
async function allowPermissionPrompt(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const asked = await session.chrome<string | null>(
      `const el = document.getElementById('addon-webext-permissions-notification');
       if (!el || el.hidden || !el.button) return null;
       const text = el.textContent.replace(/\\s+/g, ' ').trim();
       el.button.click();
       return text;`,
    );
    if (asked) return asked;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('no permission prompt within 20 s');
}

/**
 * The access page the background opens in a tab (a Firefox panel cannot ask for permissions):
 * a real click on its Allow button (WebDriver element click: trusted input, so
 * permissions.request() may prompt), then Allow in Firefox's prompt. Returns what the page said.
 */
async function allowOnAccessPage(): Promise<{ page: string; prompt: string }> {
  const client = session.firefox.client;
  // Marionette answers some commands bare and others as { value }.
  const ask = async <T>(command: string, params: Record<string, unknown> = {}): Promise<T> => {
    const r = await client.send<unknown>(command, params);
    return (r && typeof r === 'object' && !Array.isArray(r) && 'value' in r ? (r as { value: T }).value : r) as T;
  };
  await client.send('Marionette:SetContext', { value: 'content' });
  try {
    const original = await ask<string>('WebDriver:GetWindowHandle');
    let grantTab: string | undefined;
    for (let i = 0; i < 100 && !grantTab; i++) {
      for (const handle of await ask<string[]>('WebDriver:GetWindowHandles')) {
        if (handle === original) continue;
        await client.send('WebDriver:SwitchToWindow', { handle, focus: true });
        const url = await ask<string>('WebDriver:GetCurrentURL');
        if (/^moz-extension:\/\/[^/]+\/grant\.html#/.test(url)) grantTab = handle;
      }
      if (!grantTab) await new Promise((res) => setTimeout(res, 200));
    }
    if (!grantTab) throw new Error('the access page did not open');
    // Once its script has read the origin from the fragment.
    let page = '';
    for (let i = 0; i < 50 && !/\/\/\S/.test(page); i++) {
      page = await client.execute<string>(
        `return document.getElementById('origin').textContent ? document.body.innerText : '';`,
      );
      if (!page) await new Promise((res) => setTimeout(res, 100));
    }
    const allow = await ask<Record<string, string>>('WebDriver:FindElement', {
      using: 'css selector',
      value: '[data-testid="grant-allow"]',
    });
    await client.send('WebDriver:ElementClick', { id: Object.values(allow)[0] });
    await client.send('Marionette:SetContext', { value: 'chrome' });
    const prompt = await allowPermissionPrompt();
    // The page closes its tab once it has told the background; DevTools' tab is selected again.
    await client.send('Marionette:SetContext', { value: 'content' });
    await expect
      .poll(async () => (await ask<string[]>('WebDriver:GetWindowHandles')).length, { timeout: 10_000 })
      .toBe(1);
    await client.send('WebDriver:SwitchToWindow', { handle: original, focus: true });
    return { page, prompt };
  } finally {
    await client.send('Marionette:SetContext', { value: 'chrome' });
  }
}

test('direct replay: host access granted at the prompt, the call CORS blocked as the page reaches the server', async () => {
  const call = spec('cors-preflight-acah', 'fail');
  // As the page, the preflight lacks authorization in Access-Control-Allow-Headers: blocked.
  await pressAndWaitForRow(
    session,
    'scenario-cors-preflight-acah',
    call,
    (r) => isCall(call)(r) && r.cors,
    'cors-preflight-acah blocked',
    false,
  );
  await openRowOf(call, 0);
  // Opening the editor needs no user activation; the detail may re-render as it settles.
  await session.inPanel(
    `if (document.querySelector('[data-testid="replay-editor"]')) return true;
     const open = document.querySelector('[data-testid="replay-open"]');
     if (open) open.click();
     throw new Error('no editor yet: ' + [...document.querySelectorAll('[data-testid]')].map((e) => e.dataset.testid).join(' '));`,
  );
  await fill(session, hook('replay-mode'), 'direct');
  const origin = session.server.originB;
  // What the add-on holds, as Firefox stores it (about:addons shows the same list).
  const granted = () =>
    session.chrome<boolean>(
      `const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
       const { origins } = await ExtensionPermissions.get(arguments[0]);
       return origins.includes(arguments[1]);`,
      'why403@why403.dev',
      // Firefox's match patterns ignore ports: the host's pattern is what is asked for.
      `http://${new URL(origin).hostname}/*`,
    );
  expect(await granted(), 'no host access before the replay asks').toBe(false);
  session.server.reset();
  const results = await session.inPanel<number>(
    `return document.querySelectorAll('[data-testid="replay-result"]').length;`,
  );
  await trustedClick(session, hook('replay-send'));
  // The access page says what is asked; Firefox's own prompt, answered by a click on Allow.
  const { page, prompt } = await allowOnAccessPage();
  expect(page).toContain(origin);
  expect(prompt).toContain(new URL(origin).hostname);
  await expect.poll(granted, { timeout: 10_000 }).toBe(true);
  await expect
    .poll(() => session.inPanel<number>(`return document.querySelectorAll('[data-testid="replay-result"]').length;`))
    .toBe(results + 1);
  const result = await waitForReplayResult();
  // The server's own verdict: the token was fine all along (a CORS problem, not an auth one).
  expect(result).toMatchObject({ status: '200', topCause: '', mode: 'direct' });
  const received = session.server.received('cors-preflight-acah');
  expect(received.map((r) => r.method)).toEqual(['GET']);
  expect(received[0]!.headers.authorization).toBe(`Bearer ${VALID_JWT}`);
  // No preflight: from the extension, CORS does not apply. The captured Origin and Referer, which
  // fetch() may not set, went out through the one-request declarativeNetRequest rule.
  expect(received[0]!.headers.origin).toBe(session.server.originA);
  expect(received[0]!.headers.referer).toBe(`${session.server.originA}/`);

  // Giving the access back removes it from the add-on, as the button says.
  await trustedClick(session, hook('replay-drop-access'));
  await session.inPanel(
    `if (!document.querySelector('[data-testid="replay-access-dropped"]')) throw new Error('not yet'); return true;`,
  );
  expect(await granted()).toBe(false);
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

// Issue 19: the import reads its file as it streams in, in the worker; Firefox's worker, stream and
// decoder are its own. A real capture repeated to 4,000 entries imports whole with the CLI's
// count of refusals; the same file cut at 80 % says where it broke and puts the capture back.
test('imports a large HAR as it streams in, and puts the capture back when one breaks halfway', async () => {
  test.setTimeout(180_000);
  const real = readFileSync(join(CORPUS, 'JupiterOne__graph-azure/ad-devices_834589346.har'), 'utf8');
  const { har } = readHar(real);
  const copies = Math.ceil(4000 / har.log.entries.length);
  const entries = Array.from({ length: copies }, () => har.log.entries).flat();
  const flagged = diagnose({ log: { ...har.log, entries } }).length;
  const text = JSON.stringify({ log: { ...har.log, entries } });
  const importText = (body: string, name: string) =>
    session.inPanel<boolean>(
      `const input = document.querySelector('[data-testid="import-har"]');
       const files = new DataTransfer();
       files.items.add(new File([arguments[0]], arguments[1], { type: 'application/json' }));
       input.files = files.files;
       input.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
      body,
      name,
    );
  const notice = () =>
    session.inPanel<string>(`return document.querySelector('[data-testid="notice"]')?.textContent ?? '';`);
  const status = () =>
    session.inPanel<Record<string, string>>(
      `return { ...document.querySelector('[data-testid="capture-status"]').dataset };`,
    );

  await importText(text, 'whole.har');
  await expect.poll(notice, { timeout: 120_000 }).toContain(`Imported ${entries.length} entries from whole.har`);
  expect(await status()).toMatchObject({ total: String(entries.length), flagged: String(flagged) });

  // Exports wait until the worker has read the bodies for secrets; then the capture is settled.
  await expect.poll(async () => (await status()).secretsPending, { timeout: 120_000 }).toBe('false');
  const before = await status();
  await importText(text.slice(0, Math.floor(text.length * 0.8)), 'cut.har');
  await expect
    .poll(notice, { timeout: 120_000 })
    .toMatch(/cut\.har: not JSON: the file ends inside its entries at \/log\/entries\/\d+/);
  expect(await status()).toEqual(before);
});
