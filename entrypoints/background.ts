import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  RELAY,
  clearLeftoverRules,
  directReplayWith,
  dropHostAccess,
  hostPattern,
  type RelayMessage,
} from './devtools-panel/direct-replay';

// Firefox only. A Firefox DevTools panel has no permissions or declarativeNetRequest API, so its
// direct replays are sent from here (entrypoints/devtools-panel/direct-replay.ts relays them).
// Host access still needs a user's click in a page that may ask for it: when the origin is not
// granted yet, a small extension page (entrypoints/grant) opens in a tab, says what is asked and
// why, and asks through permissions.request() when the user presses its button; Firefox then
// shows its own prompt. The replay waits for that answer, or for the tab to be closed.

/** How long a replay waits for the user to answer the access page. */
const GRANT_WAIT_MS = 5 * 60_000;

const pending = new Map<string, { tabId?: number; resolve: (granted: boolean) => void }>();

function askInTab(origin: string): Promise<boolean> {
  const earlier = pending.get(origin);
  if (earlier) earlier.resolve(false);
  return new Promise<boolean>((resolve) => {
    const entry: { tabId?: number; resolve: (granted: boolean) => void } = {
      resolve: (granted) => {
        if (pending.get(origin) !== entry) return;
        pending.delete(origin);
        clearTimeout(timer);
        resolve(granted);
      },
    };
    const timer = setTimeout(() => {
      entry.resolve(false);
      if (entry.tabId !== undefined) void browser.tabs.remove(entry.tabId).catch(() => undefined);
    }, GRANT_WAIT_MS);
    pending.set(origin, entry);
    const url = `${browser.runtime.getURL('/grant.html')}#${encodeURIComponent(origin)}`;
    browser.tabs.create({ url }).then(
      (tab) => (entry.tabId = tab.id),
      () => entry.resolve(false),
    );
  });
}

async function grant(origin: string): Promise<boolean> {
  if (await browser.permissions.contains({ origins: [hostPattern(origin)] }).catch(() => false)) return true;
  return askInTab(origin);
}

export default defineBackground({
  include: ['firefox'],
  main() {
    browser.tabs.onRemoved.addListener((tabId) => {
      for (const entry of pending.values()) if (entry.tabId === tabId) entry.resolve(false);
    });
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // Only this extension's own pages talk to it (no content scripts, nothing external).
      if (sender.id !== browser.runtime.id || !raw || typeof raw !== 'object') return undefined;
      const message = raw as RelayMessage;
      switch (message.type) {
        case RELAY.replay:
          return directReplayWith(message.req, message.timeoutMs, grant);
        case RELAY.dropAccess:
          return dropHostAccess(message.origin);
        case RELAY.clearRules:
          return clearLeftoverRules();
        case RELAY.grantAnswer:
          pending.get(message.origin)?.resolve(message.granted === true);
          return Promise.resolve(true);
        default:
          return undefined;
      }
    });
  },
});
