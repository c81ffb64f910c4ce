import { browser } from 'wxt/browser';
import { RELAY, hostPattern, type RelayMessage } from '../devtools-panel/direct-replay';

// The access page of a Firefox direct replay (see entrypoints/background.ts): the origin comes in
// the fragment; the button's click is the user input permissions.request() needs.

const byId = (id: string) => document.getElementById(id)!;

function originFromHash(): string | null {
  try {
    const u = new URL(decodeURIComponent(location.hash.slice(1)));
    return (u.protocol === 'http:' || u.protocol === 'https:') &&
      u.origin === decodeURIComponent(location.hash.slice(1))
      ? u.origin
      : null;
  } catch {
    return null;
  }
}

async function answer(origin: string, granted: boolean): Promise<void> {
  const message: RelayMessage = { type: RELAY.grantAnswer, origin, granted };
  await browser.runtime.sendMessage(message).catch(() => undefined);
  byId('status').textContent = granted ? 'Access granted: the replay is on its way. Back to DevTools.' : 'Not granted.';
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id).catch(() => undefined);
}

const origin = originFromHash();
if (!origin) {
  byId('status').textContent = 'This page was opened without a valid http(s) origin; nothing to grant.';
  (byId('allow') as HTMLButtonElement).disabled = true;
} else {
  byId('origin').textContent = origin;
  byId('pattern').textContent = hostPattern(origin);
  byId('allow').addEventListener('click', () => {
    // Called synchronously in the click handler: Firefox requires the user's input for the prompt.
    void browser.permissions
      .request({ origins: [hostPattern(origin)] })
      .catch(() => false)
      .then((granted) => answer(origin, granted));
  });
  byId('cancel').addEventListener('click', () => void answer(origin, false));
}
