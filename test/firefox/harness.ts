import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join, resolve } from 'node:path';
import { startScenarioServer, type ScenarioServer } from '../server/server.ts';
import { startFirefox, type FirefoxProcess } from './launch.ts';

// Drives the real Why403 panel inside real Firefox DevTools through Marionette (no geckodriver,
// no Playwright Firefox). Everything runs from the chrome context: DevTools is opened with
// gDevTools; the panel document (extension process) and the page (content process) are reached
// through their <browser>'s MarionetteCommands window actor.

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIREFOX_EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const PANEL_LABEL = 'Why403';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Chrome-context prelude: the toolbox of the selected tab.
const TOOLBOX = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
`;

/** Runs `body` (async function body, `arguments` = args) in a <browser>'s current document. */
const IN_BROWSER = `
  const [which, toolId, body, args] = arguments;
  let browser;
  if (which === 'page') browser = gBrowser.selectedBrowser;
  else {
    const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
    const frame = toolbox && toolbox.doc.getElementById('toolbox-panel-iframe-' + toolId);
    browser = frame && frame.contentDocument && frame.contentDocument.querySelector('browser');
  }
  const wg = browser && browser.browsingContext && browser.browsingContext.currentWindowGlobal;
  if (!wg) return { notReady: 'no window global yet' };
  if (which === 'panel' && !wg.documentURI.spec.startsWith('moz-extension:'))
    return { notReady: wg.documentURI.spec };
  const script = 'return (async function () {\\n' + body + '\\n}).apply(this, arguments);';
  return { value: await wg.getActor('MarionetteCommands').executeScript(script, args, {}) };
`;

export interface Row {
  index: number;
  method: string;
  url: string;
  status: number;
  flagged: boolean;
  topCause: string;
  cors: boolean;
}

export interface DetailCause {
  id: string;
  confidence: number;
  evidence: string[];
}

export interface FirefoxSession {
  firefox: FirefoxProcess;
  server: ScenarioServer;
  /** The Why403 tool's id in this toolbox (it changes per run). */
  toolId: string;
  /** Milliseconds from launch to the panel showing its capture status. */
  startupMs: number;
  inPanel<T>(body: string, ...args: unknown[]): Promise<T>;
  inPage<T>(body: string, ...args: unknown[]): Promise<T>;
  chrome<T>(body: string, ...args: unknown[]): Promise<T>;
  navigate(url: string): Promise<void>;
  close(): Promise<void>;
}

/** Polls `probe` until it gives a value (a condition, never a fixed sleep), or fails after `timeoutMs`. */
export async function retry<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      // Marionette returns a script's undefined as null: both mean "not yet".
      if (v !== undefined && v !== null) return v;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    await sleep(150);
  }
}

export async function launchFirefoxPanel(options: { binary?: string; url?: string } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION}: run \`npx wxt build -b firefox\` first.`);
  const t0 = Date.now();
  const server = await startScenarioServer({ portA: 0, portB: 0 });
  let firefox: FirefoxProcess | undefined;
  try {
    firefox = await startFirefox(options.binary);
    const client = firefox.client;
    // Installed as a user installs the built package: permanently, from the .xpi (zip) of the
    // build, so the manifest (id, strict_min_version, data_collection_permissions) must pass
    // Firefox's checks for a normal add-on. ESR honours xpinstall.signatures.required=false.
    const xpi = join(firefox.profile, '..', `why403-${Date.now().toString(36)}.xpi`);
    await promisify(execFile)('zip', ['-qr', xpi, '.'], { cwd: FIREFOX_EXTENSION });
    try {
      await client.send('Addon:Install', { path: xpi, temporary: false });
    } finally {
      await rm(xpi, { force: true });
    }
    await client.send('WebDriver:SetWindowRect', { width: 1400, height: 2200 });
    await client.send('Marionette:SetContext', { value: 'chrome' });
    const chrome = <T>(body: string, ...args: unknown[]) => client.execute<T>(TOOLBOX + body, args);
    // DevTools first, page second: the panel then records the page's requests live.
    const toolId = await chrome<string>(
      `const toolbox = await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'webconsole' });
       for (let i = 0; i < 200; i++) {
         const tool = toolbox.getAdditionalTools().find((t) => t.label === arguments[0]);
         if (tool) { await toolbox.selectTool(tool.id); return tool.id; }
         await new Promise((r) => setTimeout(r, 100));
       }
       throw new Error('no ' + arguments[0] + ' tool in the toolbox');`,
      PANEL_LABEL,
    );
    const run = async <T>(which: 'panel' | 'page', body: string, args: unknown[], timeoutMs = 15_000) =>
      (
        await retry(`the ${which} document`, timeoutMs, async () => {
          const r = await chrome<{ value?: T; notReady?: string }>(IN_BROWSER, which, toolId, body, args);
          return 'value' in r ? { value: r.value as T } : undefined;
        })
      ).value;
    await run(
      'panel',
      `if (!document.querySelector('[data-testid="capture-status"]')) throw new Error('not rendered'); return true;`,
      [],
      20_000,
    );
    const startupMs = Date.now() - t0;
    const navigate = async (url: string) => {
      await client.send('Marionette:SetContext', { value: 'content' });
      try {
        await client.send('WebDriver:Navigate', { url });
      } finally {
        await client.send('Marionette:SetContext', { value: 'chrome' });
      }
    };
    const ff = firefox;
    const session: FirefoxSession = {
      firefox: ff,
      server,
      toolId,
      startupMs,
      inPanel: (body, ...args) => run('panel', body, args),
      inPage: (body, ...args) => run('page', body, args),
      chrome,
      navigate,
      close: async () => {
        await ff.stop();
        await server.stop();
      },
    };
    await navigate(options.url ?? server.demoUrl);
    await captureLive(session);
    return session;
  } catch (error) {
    await firefox?.stop();
    await server.stop();
    throw error;
  }
}

/**
 * Waits until DevTools records the page's requests. Navigating away from about:blank switches
 * Firefox to another content process, and DevTools' network monitor re-attaches to it: requests
 * in that window are never recorded (getHAR() lacks them too). A marker fetch, repeated until
 * the log has it, closes the window before a test presses anything.
 */
async function captureLive(s: FirefoxSession): Promise<void> {
  const marker = `warmup-${Date.now().toString(36)}`;
  await retry('DevTools to record the page', 20_000, async () => {
    await s.inPage(
      `await fetch(location.origin + '/__received?scenario=' + arguments[0], { cache: 'no-store' }); return true;`,
      marker,
    );
    const seen = await s.inPanel<boolean>(
      `const log = await browser.devtools.network.getHAR();
       return log.entries.some((e) => e.request.url.includes(arguments[0]));`,
      marker,
    );
    return seen || undefined;
  });
}

// Panel-side readers, through the hooks of /work/shared/spec/panel-hooks.md only.

export function readRows(s: FirefoxSession): Promise<Row[]> {
  return s.inPanel<Row[]>(`
    return [...document.querySelectorAll('[data-testid="request-row"]')].map((r) => ({
      index: Number(r.dataset.index), method: r.dataset.method || '', url: r.dataset.url || '',
      status: Number(r.dataset.status), flagged: r.dataset.flagged === 'true',
      topCause: r.dataset.topCause || '', cors: r.dataset.cors === 'true',
    }));`);
}

export async function waitForRow(
  s: FirefoxSession,
  match: (r: Row) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<Row> {
  let rows: Row[] = [];
  try {
    return await retry(what, timeoutMs, async () => {
      rows = await readRows(s);
      return rows.find(match);
    });
  } catch (error) {
    const seen = rows.map(
      (r) => `${r.method} ${r.url} ${r.status} flagged=${r.flagged} top=${r.topCause} cors=${r.cors}`,
    );
    const har = await s
      .inPanel<string[]>(
        `const log = await browser.devtools.network.getHAR();
         return log.entries.map((e) => e.request.method + ' ' + e.request.url + ' ' + e.response.status);`,
      )
      .catch((e: unknown) => [String(e)]);
    throw new Error(`${(error as Error).message}\nrows:\n${seen.join('\n')}\ngetHAR():\n${har.join('\n')}`);
  }
}

/** Selects a row and reads the detail's causes with their evidence. */
export async function openDetail(s: FirefoxSession, index: number): Promise<DetailCause[]> {
  await s.inPanel(
    `document.querySelector('[data-testid="request-row"][data-index="' + arguments[0] + '"]').click();`,
    index,
  );
  return retry('the detail view', 10_000, async () => {
    const d = await s.inPanel<DetailCause[] | null>(
      `const detail = document.querySelector('[data-testid="detail"]');
       if (!detail || detail.dataset.index !== String(arguments[0])) return null;
       return [...detail.querySelectorAll('[data-testid="cause"]')].map((c) => ({
         id: c.dataset.causeId, confidence: Number(c.dataset.confidence),
         evidence: [...c.querySelectorAll('[data-testid="evidence"]')].map((e) => e.textContent),
       }));`,
      index,
    );
    return d ?? undefined;
  });
}

/** Presses a demo-page button and waits for its fetch to settle; returns the status the page saw. */
export async function clickScenario(s: FirefoxSession, buttonId: string): Promise<{ status: number; error?: string }> {
  const before = await s.inPage<number>(
    `const b = document.getElementById(arguments[0]); const n = Number(b.dataset.runs || 0); b.click(); return n;`,
    buttonId,
  );
  return retry(`#${buttonId} to settle`, 15_000, () =>
    s.inPage<{ status: number; error?: string } | undefined>(
      `const b = document.getElementById(arguments[0]);
       if (Number(b.dataset.runs || 0) <= arguments[1]) return undefined;
       return b.dataset.error ? { status: Number(b.dataset.status), error: b.dataset.error } : { status: Number(b.dataset.status) };`,
      buttonId,
      before,
    ),
  );
}

/** Whether DevTools' own log (getHAR) holds a call to `url` with `method` since `since` (with a response if `answered`). */
async function devtoolsHas(
  s: FirefoxSession,
  method: string,
  url: string,
  since: number,
  answered: boolean,
): Promise<boolean> {
  return s.inPanel<boolean>(
    `const log = await browser.devtools.network.getHAR();
     return log.entries.some((e) => e.request.method === arguments[0] && e.request.url === arguments[1] &&
       Date.parse(e.startedDateTime) >= arguments[2] && (e.response.status > 0 || !arguments[3]));`,
    method,
    new URL(url).href,
    since - 1000,
    answered,
  );
}

/** Requests Firefox's network monitor never recorded (neither getHAR() nor onRequestFinished). */
export const droppedByFirefox: string[] = [];

/**
 * Presses a button and waits for its call's row. Firefox's network monitor now and then records
 * nothing, or only the request without its response, for a call the page made (getHAR() shows
 * the same; seen in 153 under load): only then is the button pressed again, at most twice, and
 * the drop is counted. A call that
 * DevTools recorded but the panel does not show fails the test.
 */
export async function pressAndWaitForRow(
  s: FirefoxSession,
  buttonId: string,
  call: { method: string; url: string },
  match: (r: Row) => boolean,
  what: string,
  /** The server answers this call (false when a refused preflight stops it: status 0 is its record). */
  answered = true,
): Promise<{ row: Row; outcome: { status: number; error?: string } }> {
  for (let attempt = 0; ; attempt++) {
    const since = Date.now();
    const outcome = await clickScenario(s, buttonId);
    try {
      return { row: await waitForRow(s, match, what, 6000), outcome };
    } catch (error) {
      if (attempt >= 2 || (await devtoolsHas(s, call.method, call.url, since, answered))) {
        return { row: await waitForRow(s, match, what, 9000), outcome };
      }
      droppedByFirefox.push(`${call.method} ${call.url}`);
      void error;
    }
  }
}

/**
 * A real click on a panel element: trusted mouse events sent by the toolbox window into the
 * panel's <browser>, so the panel gets user activation (clipboard writes and permission
 * requests need it; a script's element.click() has none).
 */
export async function trustedClick(s: FirefoxSession, selector: string): Promise<void> {
  const at = await s.inPanel<{ x: number; y: number } | null>(
    `const el = document.querySelector(arguments[0]);
     if (!el) return null;
     el.scrollIntoView({ block: 'center', behavior: 'instant' });
     const r = el.getBoundingClientRect();
     const x = r.left + r.width / 2, y = r.top + r.height / 2;
     const hit = document.elementFromPoint(x, y);
     if (!hit || !(hit === el || el.contains(hit)))
       throw new Error(arguments[0] + ' is covered by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing'));
     return { x, y };`,
    selector,
  );
  if (!at) throw new Error(`no ${selector} in the panel`);
  // The panel <browser>'s place in the browser window's viewport, then WebDriver actions there.
  const origin = await s.chrome<{ x: number; y: number }>(
    `const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
     const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + arguments[0]);
     const box = frame.contentDocument.querySelector('browser').getBoundingClientRect();
     return { x: frame.contentWindow.mozInnerScreenX - window.mozInnerScreenX + box.left,
              y: frame.contentWindow.mozInnerScreenY - window.mozInnerScreenY + box.top };`,
    s.toolId,
  );
  const x = Math.round(origin.x + at.x);
  const y = Math.round(origin.y + at.y);
  await s.firefox.client.send('WebDriver:PerformActions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x, y, origin: 'viewport', duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await s.firefox.client.send('WebDriver:ReleaseActions');
}

/** Sets a React-controlled <input>/<select>/<textarea> in the panel as typing would. */
export async function fill(s: FirefoxSession, selector: string, value: string): Promise<void> {
  const ok = await s.inPanel<boolean>(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     const proto = Object.getPrototypeOf(el);
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
     el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
     return true;`,
    selector,
    value,
  );
  if (!ok) throw new Error(`no ${selector} in the panel`);
}

/** The system clipboard's text, read from the chrome context. */
export function readClipboard(s: FirefoxSession): Promise<string> {
  return s.chrome<string>(
    `const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
     trans.init(null);
     trans.addDataFlavor('text/plain');
     Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
     const data = {};
     try { trans.getTransferData('text/plain', data); } catch { return ''; }
     return data.value ? data.value.QueryInterface(Ci.nsISupportsString).data : '';`,
  );
}
