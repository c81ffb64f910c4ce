import { browser } from 'wxt/browser';
import type { DirectReplay } from '../../components/capture/host';
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

  const headers = req.headers.filter((h) => h.name.trim());
  const plain = headers.filter((h) => !isForbiddenHeader(h.name));
  const special = headers.filter((h) => isForbiddenHeader(h.name));
  const ruleId = 1 + Math.floor(Math.random() * 1_000_000_000);
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
