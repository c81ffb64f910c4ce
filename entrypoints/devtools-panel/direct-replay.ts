import { browser } from 'wxt/browser';
import type { DirectReplay } from '../../panel/capture/host';
import { isForbiddenHeader } from '../../lib/replay/forbidden';
import { REPLAY_BODY_CAP } from '../../lib/replay/page-script';
import type { ReplayOutcome, ReplayRequest } from '../../lib/replay/types';

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
 */
export async function directReplay(req: ReplayRequest, timeoutMs: number): Promise<DirectReplay> {
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
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
  if (!granted)
    return { sent: false, reason: `Host access to ${origin} was not granted, so Why403 cannot send to it directly.` };

  // One direct replay at a time from here on: a rule matches a URL, not a request, so two
  // replays of one URL in flight together would each get the other's headers.
  const turn = queue.then(() => send(req, target, timeoutMs));
  queue = turn.catch(() => undefined);
  return { ...(await turn), origin };
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
  const rules = await browser.declarativeNetRequest.getSessionRules().catch(() => []);
  if (rules.length === 0) return 0;
  await browser.declarativeNetRequest
    .updateSessionRules({ removeRuleIds: rules.map((r) => r.id) })
    .catch(() => undefined);
  return rules.length;
}

/** Gives back host access to `origin` (the "drop access" button after a direct replay). */
export async function dropHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
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
