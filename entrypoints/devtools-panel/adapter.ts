import { browser } from 'wxt/browser';
import type { HarEntry } from '../../lib';
import type { CapturedRequest, PanelHost, ReplayHost } from '../../components/capture/host';
import { pagePollScript, pageReplayScript } from '../../lib/replay/page-script';
import type { ReplayOutcome } from '../../lib/replay/types';
import { directReplay } from './direct-replay';
import { isCorsLikeError, recordedNetError } from './replay-verdict';

// The one file in the panel that touches browser.devtools.*. Everything else gets a PanelHost.

type DevtoolsRequest = HarEntry & { getContent?: (cb: (content: string, encoding: string) => void) => void };

function toCaptured(request: DevtoolsRequest): CapturedRequest {
  const getContent = request.getContent?.bind(request);
  // Copy the HAR fields so the store never holds on to DevTools' live object graph.
  const entry = JSON.parse(JSON.stringify(request)) as HarEntry;
  return {
    entry,
    getContent: getContent
      ? () =>
          new Promise((resolve) => {
            getContent((text, encoding) => resolve({ text: text ?? null, encoding: encoding || undefined }));
          })
      : undefined,
  };
}

export function createDevtoolsHost(): PanelHost {
  const network = browser.devtools.network;
  return {
    theme: browser.devtools.panels.themeName === 'dark' ? 'dark' : 'light',
    // Firefox never reports the request behind a refused preflight as finished; getHAR() has it.
    sweepMs: import.meta.env.FIREFOX ? 1500 : undefined,
    subscribe(onRequest, onNavigated) {
      const finished = (request: unknown) => onRequest(toCaptured(request as DevtoolsRequest));
      const navigated = (url: string) => onNavigated(url);
      network.onRequestFinished.addListener(finished);
      network.onNavigated.addListener(navigated);
      return () => {
        network.onRequestFinished.removeListener(finished);
        network.onNavigated.removeListener(navigated);
      };
    },
    watchTheme(onChange) {
      const panels = browser.devtools.panels as typeof browser.devtools.panels & {
        onThemeChanged?: { addListener(cb: (name: string) => void): void };
        setThemeChangeHandler?: (cb: (name: string) => void) => void;
      };
      const report = (name: string) => onChange(name === 'dark' ? 'dark' : 'light');
      // Firefox has an event; Chrome a single handler (chrome.devtools.panels, Chrome 99+).
      if (panels.onThemeChanged) panels.onThemeChanged.addListener(report);
      else if (typeof panels.setThemeChangeHandler === 'function') panels.setThemeChangeHandler(report);
      else {
        const native = (globalThis as { chrome?: { devtools?: { panels?: typeof panels } } }).chrome?.devtools?.panels;
        native?.setThemeChangeHandler?.(report);
      }
    },
    async backfill() {
      const log = (await network.getHAR()) as unknown as { entries?: DevtoolsRequest[] };
      return (log.entries ?? []).map(toCaptured);
    },
  };
}

function exceptionText(error: unknown): string {
  if (error instanceof Error) return error.message;
  const info = error as { value?: unknown; description?: unknown } | null;
  const text = info && typeof info === 'object' ? (info.value ?? info.description) : error;
  return typeof text === 'string' && text ? text : 'the page refused to run the replay';
}

/**
 * Runs code in the inspected page; rejects with the page's exception text. The promise has two
 * shapes: Chrome's native one (Chrome 1xx exposes `browser`, which the polyfill then passes
 * through) resolves the bare value and rejects with the exception info; Firefox and the
 * polyfill resolve `[value, exceptionInfo]`. Boxing the value keeps the two apart.
 */
async function evalInPage<T>(code: string): Promise<T> {
  let settled: unknown;
  try {
    settled = await browser.devtools.inspectedWindow.eval(`({ v: (\n${code}\n) })`);
  } catch (err) {
    throw new Error(exceptionText(err));
  }
  const [boxed, error] = Array.isArray(settled) ? (settled as unknown[]) : [settled, undefined];
  if (error) throw new Error(exceptionText(error));
  // JSON drops an undefined `v`, leaving {}: that is still a value, not a refusal.
  if (!boxed || typeof boxed !== 'object') throw new Error('the page refused to run the replay');
  return (boxed as { v: T }).v;
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
        const outcome = await evalInPage<ReplayOutcome | null>(pagePollScript(id)).catch(() => null);
        if (outcome?.kind === 'network-error' && outcome.cors) {
          // The page cannot tell CORS from "nothing listening"; DevTools' record can.
          const netError = await recordedNetError(req.url, req.method, since);
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
    async pageOrigin() {
      return evalInPage<string>('location.origin').catch(() => null);
    },
  };
}
