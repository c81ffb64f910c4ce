import { browser } from 'wxt/browser';
import type { DirectReplay } from '../../panel/capture/host';
import { isForbiddenHeader, REPLAY_BODY_CAP, type ReplayOutcome, type ReplayRequest } from '../../lib';

/** This extension's host as request initiators carry it: the id in Chrome, the UUID in Firefox. */
function ownHost(): string {
  return globalThis.location?.hostname || browser.runtime.id;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Direct replay: fetch from the extension with host access to that one origin, asked for at
 * the moment of sending. No CORS applies, so the server's own verdict shows. Headers fetch may
 * not set (Cookie, Origin, Referer…) go through a declarativeNetRequest session rule that
 * matches only this URL from this extension, removed as soon as the answer is in.
 *
 * Firefox gives a DevTools panel only the content-script subset of the extension APIs (runtime,
 * storage, i18n, devtools; its schemas say so, and the panel saw `browser.permissions`
 * undefined in ESR 153): there the background page sends the replay and asks for the access
 * (entrypoints/background.ts, relay below). Chrome's panel has them all and does it itself.
 */
export async function directReplay(req: ReplayRequest, timeoutMs: number): Promise<DirectReplay> {
  if (!panelHasExtensionApis())
    return relay<DirectReplay>({ type: RELAY.replay, req, timeoutMs }).catch((error: unknown) => ({
      sent: false,
      reason: `The extension's background page did not answer (${String((error as Error)?.message ?? error)}).`,
    }));
  return directReplayWith(req, timeoutMs, (origin) =>
    browser.permissions.request({ origins: [hostPattern(origin)] }).catch(() => false),
  );
}

/** The replay itself, once `grant` (asks the user, or knows the answer) says yes for the origin. */
export async function directReplayWith(
  req: ReplayRequest,
  timeoutMs: number,
  grant: (origin: string) => Promise<boolean>,
): Promise<DirectReplay> {
  let origin: string;
  // The rule matches the URL as the browser requests it: canonical, without the fragment.
  let target: string;
  try {
    const u = new URL(req.url);
    origin = u.origin;
    u.hash = '';
    target = u.href;
  } catch {
    return { sent: false, reason: `"${req.url}" is not a valid URL.` };
  }
  const granted = await grant(origin);
  if (!granted)
    return { sent: false, reason: `Host access to ${origin} was not granted, so Why403 cannot send to it directly.` };

  // One direct replay at a time from here on: a rule matches a URL, not a request, so two
  // replays of one URL in flight together would each get the other's headers.
  const turn = queue.then(() => send(req, target, timeoutMs));
  queue = turn.catch(() => undefined);
  return { ...(await turn), origin };
}

/**
 * The host permission asked for one origin. Chrome's match patterns may name a port, and one
 * that does matches that port only. Firefox's never match a URL with a port when they name one
 * (measured in ESR 153: access to "http://127.0.0.1:34749/*" was granted and stored, and the
 * background's fetch to that origin still went through CORS); a pattern without a port matches
 * every port there, so Firefox gets the host's.
 */
export function hostPattern(origin: string): string {
  const u = new URL(origin);
  return IS_FIREFOX ? `${u.protocol}//${u.hostname}/*` : `${u.origin}/*`;
}
const IS_FIREFOX = globalThis.location?.protocol === 'moz-extension:';

/** Whether this page has the APIs a direct replay needs (false in a Firefox DevTools panel). */
function panelHasExtensionApis(): boolean {
  return typeof browser.permissions?.request === 'function' && typeof browser.declarativeNetRequest === 'object';
}

/** Messages between a Firefox panel, the background page and the access page (entrypoints/grant). */
export const RELAY = {
  replay: 'why403:direct-replay',
  dropAccess: 'why403:drop-access',
  clearRules: 'why403:clear-rules',
  grantAnswer: 'why403:grant-answer',
} as const;

export type RelayMessage =
  | { type: typeof RELAY.replay; req: ReplayRequest; timeoutMs: number }
  | { type: typeof RELAY.dropAccess; origin: string }
  | { type: typeof RELAY.clearRules }
  | { type: typeof RELAY.grantAnswer; origin: string; granted: boolean };

async function relay<T>(message: RelayMessage): Promise<T> {
  return (await browser.runtime.sendMessage(message)) as T;
}

let queue: Promise<unknown> = Promise.resolve();
const DNR_METHODS = new Set(['connect', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put']);
let lastRuleId = 0;

/** A rule id no session rule holds, never reused by this panel. */
async function freshRuleId(): Promise<number> {
  const rules = await browser.declarativeNetRequest.getSessionRules().catch(() => []);
  lastRuleId = Math.max(lastRuleId, ...rules.map((r) => r.id)) + 1;
  return lastRuleId;
}

/**
 * Session rules outlive a panel that was closed mid-replay (until the browser restarts) and
 * would keep setting that replay's Cookie or Authorization on later requests: the panel removes
 * every one it finds when it opens (session rules belong to this extension alone).
 */
export async function clearLeftoverRules(): Promise<number> {
  if (!panelHasExtensionApis()) return relay<number>({ type: RELAY.clearRules }).catch(() => 0);
  const rules = await browser.declarativeNetRequest.getSessionRules().catch(() => []);
  if (rules.length === 0) return 0;
  await browser.declarativeNetRequest
    .updateSessionRules({ removeRuleIds: rules.map((r) => r.id) })
    .catch(() => undefined);
  return rules.length;
}

/** Gives back host access to `origin` (the "drop access" button after a direct replay). */
export async function dropHostAccess(origin: string): Promise<boolean> {
  if (!panelHasExtensionApis()) return relay<boolean>({ type: RELAY.dropAccess, origin }).catch(() => false);
  return browser.permissions.remove({ origins: [hostPattern(origin)] }).catch(() => false);
}

async function send(req: ReplayRequest, target: string, timeoutMs: number): Promise<DirectReplay & { sent: true }> {
  const headers = req.headers.filter((h) => h.name.trim());
  const plain = headers.filter((h) => !isForbiddenHeader(h.name));
  const special = headers.filter((h) => isForbiddenHeader(h.name));
  const ruleId = special.length > 0 ? await freshRuleId() : 0;
  const setByRule: string[] = [];
  const notSent: string[] = [];
  if (special.length > 0) {
    try {
      await browser.declarativeNetRequest.updateSessionRules({
        addRules: [
          {
            id: ruleId,
            priority: 1,
            action: {
              type: 'modifyHeaders',
              requestHeaders: special.map((h) => ({ header: h.name.trim(), operation: 'set', value: h.value })),
            },
            // Scoped by initiator, not tabIds: [-1]. Chrome ties a DevTools panel's requests to
            // the inspected tab, so a -1 rule never matched (checked in real DevTools).
            condition: {
              regexFilter: `^${escapeRegex(target)}$`,
              initiatorDomains: [ownHost()],
              resourceTypes: ['xmlhttprequest'],
              requestMethods: [DNR_METHODS.has(req.method.toLowerCase()) ? req.method.toLowerCase() : 'other'],
            },
          },
        ] as never,
      });
      setByRule.push(...special.map((h) => h.name.trim()));
    } catch {
      notSent.push(...special.map((h) => h.name.trim()));
    }
  }

  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const t0 = performance.now();
  let outcome: ReplayOutcome;
  try {
    const init: RequestInit = {
      method: req.method,
      headers: plain.map((h): [string, string] => [h.name.trim(), h.value]),
      credentials: 'omit',
      cache: 'no-store',
      signal: ctrl.signal,
    };
    if (req.body !== null && req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
    const r = await fetch(req.url, init);
    const text = await r.text();
    outcome = {
      kind: 'response',
      status: r.status,
      statusText: r.statusText,
      headers: [...r.headers].map(([name, value]) => ({ name, value })),
      body: text.slice(0, REPLAY_BODY_CAP),
      bodyTruncated: text.length > REPLAY_BODY_CAP,
      ms: performance.now() - t0,
    };
  } catch (err) {
    const timedOut = (err as Error)?.name === 'AbortError';
    outcome = {
      kind: 'network-error',
      message: timedOut ? `No answer within ${Math.round(timeoutMs / 1000)} s` : String((err as Error)?.message ?? err),
      cors: false,
      timedOut,
      ms: performance.now() - t0,
    };
  } finally {
    clearTimeout(timer);
    if (setByRule.length > 0)
      await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [ruleId] }).catch(() => undefined);
  }
  return { sent: true, outcome, setByRule, notSent };
}
