import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startScenarioServer, type ScenarioServer } from '../server/server.ts';

// Drives the real Why403 panel inside real DevTools of Debian's Chromium. Playwright cannot
// download browsers here, and it hides DevTools windows unless PW_CHROMIUM_ATTACH_TO_OTHER is
// set before launch; then DevTools is a Page (devtools://devtools/...) whose frames include the
// extension's devtools page and, once shown, the panel.

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DEFAULT_EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const PANEL_TITLE = 'Why403';

export interface LaunchOptions {
  /** A running scenario server; by default one is started on free ports and stopped by close(). */
  server?: ScenarioServer;
  /** Page to open; default: the server's demo page, after signing in to the API. */
  url?: string;
  headless?: boolean;
  extensionPath?: string;
  /** Default: $WHY403_CHROMIUM or /usr/bin/chromium. */
  executablePath?: string;
  /** DevTools dock state: 'undocked' (default), 'bottom' or 'right'. */
  dock?: 'undocked' | 'bottom' | 'right';
  /** Browser window size; DevTools and its screenshots get this size too. */
  windowSize?: { width: number; height: number };
  /** More Chromium switches (an investigation may map host names or accept a test certificate). */
  extraArgs?: string[];
  /** Also record what the page exchanged as a HAR file, written when the session closes. */
  recordHar?: string;
}

export interface PanelSession {
  context: BrowserContext;
  /** The inspected tab (the demo page). */
  page: Page;
  /** The DevTools front end attached to `page`. Never goto() it. */
  devtools: Page;
  /** The Why403 panel's frame (chrome-extension://<id>/devtools-panel.html). */
  panel: Frame;
  extensionId: string;
  server: ScenarioServer;
  close(): Promise<void>;
}

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, 32 hex digits mapped to a-p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(realpathSync(path)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

function chromiumArgs(extensionPath: string, size: { width: number; height: number }): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--load-extension=${extensionPath}`,
    `--disable-extensions-except=${extensionPath}`,
    '--auto-open-devtools-for-tabs',
    `--window-size=${size.width},${size.height}`,
  ];
}

/**
 * A fresh profile whose DevTools opens undocked: the panel then gets the whole DevTools window,
 * which is what screenshots and a person watching the demo want. DevTools stores its settings
 * as JSON-encoded strings under devtools.preferences in the profile's Preferences file.
 */
async function makeProfile(dockState: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'why403-e2e-'));
  await mkdir(join(dir, 'Default'), { recursive: true });
  const prefs = { devtools: { preferences: { currentDockState: JSON.stringify(dockState) } } };
  await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify(prefs));
  return dir;
}

/** Finds the extension id from the DevTools frames (its devtools page is one), else computes it. */
async function findExtensionId(devtools: Page, extensionPath: string): Promise<string> {
  const fromFrames = await poll('the extension devtools page frame', 10_000, () => {
    for (const frame of devtools.frames()) {
      const match = /^chrome-extension:\/\/([a-p]{32})\//.exec(frame.url());
      if (match) return match[1];
    }
    return undefined;
  }).catch(() => undefined);
  return fromFrames ?? unpackedExtensionId(extensionPath);
}

/** Selects the Why403 panel in DevTools, retrying while the devtools page registers it. */
export async function showPanel(devtools: Page, extensionId: string, timeoutMs = 30_000): Promise<Frame> {
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE}`;
  const prefix = `chrome-extension://${extensionId}/devtools-panel.html`;
  return poll(`the ${PANEL_TITLE} panel (${panelId})`, timeoutMs, async () => {
    const shown = devtools.frames().find((f) => f.url().startsWith(prefix));
    if (shown) return shown;
    await devtools
      .evaluate((id) => {
        const api = (globalThis as { DevToolsAPI?: { showPanel(id: string): void } }).DevToolsAPI;
        api?.showPanel(id);
      }, panelId)
      .catch(() => undefined);
    return undefined;
  });
}

export async function launchWithPanel(options: LaunchOptions = {}): Promise<PanelSession> {
  const extensionPath = resolve(options.extensionPath ?? DEFAULT_EXTENSION);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npx wxt build\` first.`);
  }
  const ownServer = !options.server;
  const server = options.server ?? (await startScenarioServer({ portA: 0, portB: 0 }));
  process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
  const userDataDir = await makeProfile(options.dock ?? 'undocked');
  const size = options.windowSize ?? { width: 1400, height: 900 };
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    if (ownServer) await server.stop();
  };
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath ?? process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium',
      headless: options.headless ?? true,
      args: [...chromiumArgs(extensionPath, size), ...(options.extraArgs ?? [])],
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: null,
      ...(options.recordHar ? { recordHar: { path: options.recordHar, content: 'embed' as const } } : {}),
    });
    const ctx = context;
    const isDevtools = (p: Page) => p.url().startsWith('devtools://');
    const page = ctx.pages().find((p) => !isDevtools(p)) ?? (await ctx.newPage());
    // Panel first, page second: the panel then sees the page load live, as for a user who opens
    // DevTools and reloads. Navigating first races DevTools' own start-up, and the load goes
    // unrecorded (getHAR() comes back empty).
    const devtools = await poll('DevTools to open on the page', 20_000, () => ctx.pages().find(isDevtools));
    await devtools.waitForLoadState('domcontentloaded');
    const extensionId = await findExtensionId(devtools, extensionPath);
    const panel = await showPanel(devtools, extensionId);
    await panel.waitForSelector('[data-testid="capture-status"]', { timeout: 20_000 });
    await page.goto(options.url ?? server.demoUrl);
    return { context: ctx, page, devtools, panel, extensionId, server, close };
  } catch (error) {
    await close();
    throw error;
  }
}
