import { browser } from 'wxt/browser';
import type { HarEntry } from '../../lib';
import type { CapturedRequest, PanelHost, ReplayHost } from '../../components/capture/host';
import { pagePollScript, pageReplayScript } from '../../lib/replay/page-script';
import type { ReplayOutcome } from '../../lib/replay/types';
import { directReplay } from './direct-replay';

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
    async backfill() {
      const log = (await network.getHAR()) as unknown as { entries?: DevtoolsRequest[] };
      return (log.entries ?? []).map(toCaptured);
    },
  };
}

/** Runs code in the inspected page; rejects with the page's exception text. */
async function evalInPage<T>(code: string): Promise<T> {
  const [result, error] = (await browser.devtools.inspectedWindow.eval(code)) as unknown as [T, { value?: string; description?: string } | undefined];
  if (error) throw new Error(error.value ?? error.description ?? 'the page refused to run the replay');
  return result;
}

export function createReplayHost(): ReplayHost {
  return {
    async inPage(req, timeoutMs) {
      const id = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const t0 = performance.now();
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
        if (outcome) return outcome;
      }
      return { kind: 'network-error', message: 'The page did not report back (did it navigate away?)', cors: false, timedOut: true, ms: performance.now() - t0 };
    },
    direct: directReplay,
    async pageOrigin() {
      return evalInPage<string>('location.origin').catch(() => null);
    },
  };
}
