import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';

// Challenge-response schemes whose first 401 (or 407) is part of the protocol: Digest needs the server's
// nonce (RFC 7616 §3.3), NTLM and Negotiate exchange several messages on one connection (RFC 4559 §4).
// Basic and Bearer have no such leg: their 401 is the answer.
const HANDSHAKE = /^\s*(digest|ntlm|negotiate|kerberos)\b/i;
/** "At once": the client's next few calls, within seconds. A later success is a new attempt, not a leg. */
const LOOKAHEAD = 8;
const WITHIN_MS = 30_000;

function challenged(x: Exchange, proxy: boolean): boolean {
  const values = x.res.getAll(proxy ? 'proxy-authenticate' : 'www-authenticate');
  return values.some((v) => v.split(/,\s*(?=[A-Za-z]+(?:\s|$))/).some((part) => HANDSHAKE.test(part)));
}

function sameResource(a: Exchange, b: Exchange): boolean {
  if (a.method !== b.method) return false;
  if (a.url && b.url) return a.url.origin === b.url.origin && a.url.pathname === b.url.pathname;
  return a.rawUrl === b.rawUrl;
}

/**
 * A 401/407 challenge leg of a Digest, NTLM or Negotiate handshake that the same client completes at once:
 * the next calls to the same resource answer the challenge (Authorization with that scheme) and one of them
 * succeeds. The protocol at work, not a refusal (docs/causes.md). A handshake that never succeeds stays flagged.
 */
export function isHandshakeLeg(x: Exchange, log: LogIndex): boolean {
  if (x.status !== 401 && x.status !== 407) return false;
  const proxy = x.status === 407;
  if (!challenged(x, proxy)) return false;
  for (let i = x.index + 1; i <= x.index + LOOKAHEAD; i++) {
    const y = log.at(i);
    if (!y) continue;
    if (!sameResource(x, y)) continue;
    if (x.startedAt !== null && y.startedAt !== null && y.startedAt - x.startedAt > WITHIN_MS) return false;
    const answer = y.req.get(proxy ? 'proxy-authorization' : 'authorization') ?? '';
    if (!HANDSHAKE.test(answer)) return false;
    if (y.status >= 200 && y.status < 400) return true;
    // Another challenge of the same handshake (NTLM's type-2 message): keep following it.
    if (y.status !== x.status) return false;
  }
  return false;
}
