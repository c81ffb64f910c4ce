import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';

// Challenge-response schemes whose first 401 (or 407) is part of the protocol: Digest needs the server's
// nonce (RFC 7616 §3.3), NTLM and Negotiate exchange several messages on one connection (RFC 4559 §4).
// Basic and Bearer have no such leg: their 401 is the answer. One Bearer challenge is a leg by design:
// a container registry's `Bearer realm="…",service="…"` tells the client where to get a token, and the
// client's first `/v2/` call is made to be answered so (Docker Registry token authentication,
// https://distribution.github.io/distribution/spec/auth/token/).
const HANDSHAKE = /^\s*(digest|ntlm|negotiate|kerberos)\b/i;
const tokenService = (v: string): boolean =>
  /^\s*bearer\s/i.test(v) && /\brealm\s*=\s*"[^"]/i.test(v) && /\bservice\s*=/i.test(v);
/** "At once": the client's next few calls, within seconds. A later success is a new attempt, not a leg. */
const LOOKAHEAD = 8;
const WITHIN_MS = 30_000;

/** What an answer to this challenge looks like, or null when the challenge is no handshake's. */
function challenged(x: Exchange, proxy: boolean): RegExp | null {
  const values = x.res.getAll(proxy ? 'proxy-authenticate' : 'www-authenticate');
  if (values.some((v) => v.split(/,\s*(?=[A-Za-z]+(?:\s|$))/).some((part) => HANDSHAKE.test(part)))) return HANDSHAKE;
  // The registry's leg is the call made without any token; a token refused is a refusal.
  if (!proxy && !x.req.has('authorization') && values.some(tokenService)) return /^\s*bearer\s/i;
  return null;
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
  if (isEchoedTokenLeg(x, log)) return true;
  if (x.status !== 401 && x.status !== 407) return false;
  const proxy = x.status === 407;
  const answers = challenged(x, proxy);
  if (!answers) return false;
  for (let i = x.index + 1; i <= x.index + LOOKAHEAD; i++) {
    const y = log.at(i);
    if (!y) continue;
    if (!sameResource(x, y)) continue;
    if (x.startedAt !== null && y.startedAt !== null && y.startedAt - x.startedAt > WITHIN_MS) return false;
    const answer = y.req.get(proxy ? 'proxy-authorization' : 'authorization') ?? '';
    if (!answers.test(answer)) return false;
    if (y.status >= 200 && y.status < 400) return true;
    // Another challenge of the same handshake (NTLM's type-2 message): keep following it.
    if (y.status !== x.status) return false;
  }
  return false;
}

// A value this short is a flag or a count ("X-CSRF-Token: Required", a retry counter), not a token handed out.
const TOKEN_MIN = 16;

/** The x-… response headers that hand the client a token it did not send (names as HeaderList keeps them: lower case). */
function handedTokens(x: Exchange): [string, string][] {
  return (
    x.res
      .names()
      .filter((n) => n.startsWith('x-'))
      // names() lists only the headers the response holds, so each has a value
      .map((n): [string, string] => [n, x.res.get(n)!])
      .filter(([n, v]) => v.length >= TOKEN_MIN && x.req.get(n) !== v)
  );
}

/**
 * A refusal that hands the client a token in a response header, which the same client sends straight back in the
 * request header of that name and is served: Transmission's RPC answers a call without its current
 * X-Transmission-Session-Id with 409 and the id in that header, and its clients resend the call with it
 * ("CSRF Protection", extras/rpc-spec.txt §2.3.1 of Transmission 3.00). The first call is the protocol's leg, not a
 * refusal; a client that never comes back with the value (a stale id, a cross-site form) stays refused.
 */
export function isEchoedTokenLeg(x: Exchange, log: LogIndex): boolean {
  if (x.status < 400 || x.status >= 500) return false;
  const handed = handedTokens(x);
  for (let i = x.index + 1; i <= x.index + LOOKAHEAD; i++) {
    const y = log.at(i);
    if (!y || !sameResource(x, y)) continue;
    // Stryker disable next-line ConditionalExpression: with y.startedAt null the difference is negative, never past WITHIN_MS
    if (x.startedAt !== null && y.startedAt !== null && y.startedAt - x.startedAt > WITHIN_MS) return false;
    if (!handed.some(([n, v]) => y.req.get(n) === v)) return false;
    return y.status >= 200 && y.status < 400;
  }
  return false;
}
