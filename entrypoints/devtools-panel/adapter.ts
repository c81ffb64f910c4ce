import { browser } from 'wxt/browser';
import type { HarEntry } from '../../lib';
import type { CapturedRequest, PanelHost } from '../../components/capture/host';

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
