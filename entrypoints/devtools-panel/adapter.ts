import { CSP_DRAIN_SCRIPT, type HarEntry, pagePollScript, pageReplayScript, readReplayOutcome } from '../../lib';
import type { CapturedRequest, PanelHost, ReplayHost } from '../../panel/capture/host';
import { directReplay, dropHostAccess } from './direct-replay';
import { isCorsLikeError, recordedNetError } from './replay-verdict';

// The one file in the panel that touches devtools.*. Everything else gets a PanelHost.
//
// It calls `chrome.devtools` with callbacks, never through the webextension-polyfill and never
// in promise form (docs/browser-apis.md has the measurements):
// - Chromium 150 has no `browser` global and its devtools.* return nothing without a callback.
//   The polyfill then wraps each onRequestFinished entry in a Proxy whose target is an empty
//   Object.create(entry): reads work, but the entry has no own keys, so copying it gave {}
//   (every row GET, no URL, status 0) and getContent(callback) threw.
// - Chromium 156 exposes `browser` (promise forms; eval rejects with the exception info) and
//   Firefox's `browser` resolves eval to [value, exceptionInfo]; both still accept callbacks on
//   `chrome.devtools`, with the same (value, exceptionInfo) arguments everywhere.

type DevtoolsRequest = HarEntry & { getContent?: (cb: (content: string, encoding: string) => void) => unknown };
interface DevtoolsEvent<T extends (...args: never[]) => void> {
  addListener(listener: T): void;
  removeListener(listener: T): void;
}
/** The part of chrome.devtools the panel uses, in its callback form. */
interface DevtoolsApi {
  network: {
    getHAR(cb: (log: { entries?: DevtoolsRequest[] } | undefined) => void): void;
    onRequestFinished: DevtoolsEvent<(request: DevtoolsRequest) => void>;
    onNavigated: DevtoolsEvent<(url: string) => void>;
  };
  inspectedWindow: { eval(code: string, cb: (value: unknown, exceptionInfo?: unknown) => void): void };
  panels: {
    themeName?: string;
    /** Firefox. */
    onThemeChanged?: { addListener(listener: (themeName: string) => void): void };
    /** Chrome. */
    setThemeChangeHandler?: (handler: (themeName: string) => void) => void;
  };
}
interface ChromeGlobal {
  devtools: DevtoolsApi;
  runtime?: { lastError?: { message?: string } };
}

function chromeApi(): ChromeGlobal {
  return (globalThis as unknown as { chrome: ChromeGlobal }).chrome;
}

/** Reads chrome.runtime.lastError inside a callback: unread, Chrome logs it as unchecked. */
function lastError(): string | undefined {
  return chromeApi().runtime?.lastError?.message;
}

function getHar(): Promise<DevtoolsRequest[]> {
  return new Promise((resolve) => {
    chromeApi().devtools.network.getHAR((log) => {
      const failed = lastError();
      resolve(!failed && Array.isArray(log?.entries) ? log.entries : []);
    });
  });
}

/**
 * A plain copy of the HAR fields, so the store never holds on to DevTools' live object graph.
 * for…in walks inherited properties too, so an entry whose fields sit behind a wrapper or on its
 * prototype (the polyfill's Proxy over Object.create(entry) had no own keys at all) still copies
 * whole. A hand-written copy, not a JSON round trip: it was a quarter of the panel's own work per
 * captured request in a burst (issue 19), and copying data needs no text in between.
 */
export function copyEntry(request: object): HarEntry {
  return plainCopy(request, 0) as HarEntry;
}

/** Deeper than any HAR: past it a value is dropped, as JSON.stringify would throw on a cycle. */
const MAX_DEPTH = 64;

/** What JSON would keep of `v`: data only (no functions or undefined), non-finite numbers as null. */
function plainCopy(v: unknown, depth: number): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(v)) return v.map((x) => plainCopy(x, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const key in v) {
    const x = plainCopy((v as Record<string, unknown>)[key], depth + 1);
    if (x !== undefined) out[key] = x;
  }
  return out;
}

/**
 * getContent's second argument is the encoding in Chrome ('base64' or '') but the MIME type in
 * Firefox, which keeps the encoding on the entry's content instead (base64 for bodies it does
 * not hold as text, such as application/grpc-web-text).
 */
function contentEncoding(second: string | undefined, entry: HarEntry): string | undefined {
  if (second === 'base64') return 'base64';
  if (second?.includes('/')) return entry.response?.content?.encoding || undefined;
  return second || undefined;
}

function toCaptured(request: DevtoolsRequest): CapturedRequest {
  const getContent = request.getContent?.bind(request);
  const entry = copyEntry(request);
  return {
    entry,
    getContent: getContent
      ? () =>
          new Promise((resolve) => {
            getContent((text, second) => {
              lastError();
              resolve({ text: text ?? null, encoding: contentEncoding(second, entry) });
            });
          })
      : undefined,
  };
}

export function createDevtoolsHost(): PanelHost {
  const devtools = chromeApi().devtools;
  const network = devtools.network;
  return {
    theme: devtools.panels.themeName === 'dark' ? 'dark' : 'light',
    // Firefox never reports the request behind a refused preflight as finished; getHAR() has it.
    sweepMs: import.meta.env.FIREFOX ? 1500 : undefined,
    subscribe(onRequest, onNavigated) {
      const finished = (request: DevtoolsRequest) => onRequest(toCaptured(request));
      const navigated = (url: string) => onNavigated(url);
      network.onRequestFinished.addListener(finished);
      network.onNavigated.addListener(navigated);
      return () => {
        network.onRequestFinished.removeListener(finished);
        network.onNavigated.removeListener(navigated);
      };
    },
    watchTheme(onChange) {
      const report = (name: string) => onChange(name === 'dark' ? 'dark' : 'light');
      // Firefox has an event; Chrome a single handler (setThemeChangeHandler).
      if (devtools.panels.onThemeChanged) devtools.panels.onThemeChanged.addListener(report);
      else devtools.panels.setThemeChangeHandler?.(report);
    },
    async backfill() {
      return (await getHar()).map(toCaptured);
    },
    // CSP-blocked calls never reach devtools.network: the page's own violation events do.
    // Chromium only for now: in Firefox (ESR 140) the page-side collector makes later DevTools
    // evals in that page fail ("An unexpected error occurred"), which would break page replays.
    violations: import.meta.env.FIREFOX ? undefined : () => evalInPage<unknown[]>(CSP_DRAIN_SCRIPT).catch(() => []),
  };
}

function exceptionText(error: unknown): string {
  if (error instanceof Error) return error.message;
  const info = error as { value?: unknown; description?: unknown } | null;
  const text = info && typeof info === 'object' ? (info.value ?? info.description) : error;
  return typeof text === 'string' && text ? text : 'the page refused to run the replay';
}

/** Runs code in the inspected page; rejects with the page's exception text. */
function evalInPage<T>(code: string): Promise<T> {
  return new Promise((resolve, reject) => {
    chromeApi().devtools.inspectedWindow.eval(`({ v: (\n${code}\n) })`, (boxed, exceptionInfo) => {
      const failed = lastError();
      if (exceptionInfo || failed) return reject(new Error(exceptionText(exceptionInfo ?? failed)));
      // The box tells a page that returned undefined (JSON drops `v`, leaving {}) from a refusal.
      if (!boxed || typeof boxed !== 'object') return reject(new Error('the page refused to run the replay'));
      resolve((boxed as { v: T }).v);
    });
  });
}

export function createReplayHost(): ReplayHost {
  return {
    async inPage(req, timeoutMs) {
      const id = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const t0 = performance.now();
      const since = Date.now();
      try {
        await evalInPage(pageReplayScript(id, req, timeoutMs));
      } catch (err) {
        return { kind: 'network-error', message: (err as Error).message, cors: false, timedOut: false, ms: 0 };
      }
      // Poll for the parked outcome; the page script enforces the timeout, this loop only
      // guards against a page that navigated away mid-replay.
      while (performance.now() - t0 < timeoutMs + 2000) {
        await new Promise((r) => setTimeout(r, 50));
        const outcome = readReplayOutcome(await evalInPage<unknown>(pagePollScript(id)).catch(() => null));
        if (outcome?.kind === 'network-error' && outcome.cors) {
          // The page cannot tell CORS from "nothing listening"; DevTools' record can.
          const netError = await recordedNetError(getHar, req.url, req.method, since);
          if (netError)
            return {
              ...outcome,
              netError,
              cors: isCorsLikeError(netError),
              message: `${outcome.message} (${netError})`,
            };
        }
        if (outcome) return outcome;
      }
      return {
        kind: 'network-error',
        message: 'The page did not report back (did it navigate away?)',
        cors: false,
        timedOut: true,
        ms: performance.now() - t0,
      };
    },
    direct: directReplay,
    dropAccess: dropHostAccess,
    async pageOrigin() {
      return evalInPage<string>('location.origin').catch(() => null);
    },
  };
}
