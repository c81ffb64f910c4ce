import { anyOf } from '../../../core/any-of';
import type { AuthorizationReading } from '../../../inspect/authorization';
import type { Jwt } from '../../../inspect/jwt';
import { clip } from '../../../inspect/mask';
import { isoSeconds } from '../../../inspect/token-timing';
import type { FoundJwt } from '../../../inspect/tokens';
import { showChallenge, type Challenge } from '../../../inspect/www-authenticate';
import type { Exchange } from '../../../model/exchange';
import type { Cause, Evidence } from '../../../core/causes';
import type { RuleContext } from '../../../core/context';
import { credentialsOf } from '../../../inspect/credentials';
import { statedErrorsOf, type StatedError } from '../../../inspect/structured-error';

// "Authentication credentials were not provided." (DRF), "No authorization token was found"
// (express-jwt), "no access token provided" (node-oidc-provider's invalid_token description),
// "Missing token": the server's words that it saw no credential.
export const SAYS_NONE =
  /credentials\s+were\s+not\s+provided|no\s+(?:auth\w*|credentials?|(?:access\s+|bearer\s+)?token)\s+(?:header\s+)?(?:was\s+|were\s+)?(?:provided|found|given|present|supplied)|(?:token|credentials?|authori[sz]ation(?:\s+header)?)\s+(?:is\s+|was\s+)?(?:missing|not\s+provided|not\s+present)/i;

/** Statuses where a credential problem is a plausible cause of the refusal. */
export const AUTH_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 407]);

export function statusEvidence(x: Exchange): Evidence {
  return { where: 'response.status', detail: `${x.status} ${x.statusText}`.trim() };
}

const HEADER_LABEL = { authorization: 'Authorization', 'proxy-authorization': 'Proxy-Authorization' } as const;

export function authEvidence(a: AuthorizationReading): Evidence {
  return { where: 'request.header', name: a.header, detail: `${HEADER_LABEL[a.header]}: ${a.display}` };
}

export function challengeEvidence(
  ch: Challenge,
  header: 'www-authenticate' | 'proxy-authenticate' = 'www-authenticate',
): Evidence {
  const label = header === 'www-authenticate' ? 'WWW-Authenticate' : 'Proxy-Authenticate';
  return { where: 'response.header', name: header, detail: clip(`${label}: ${showChallenge(ch)}`, 400) };
}

function claim(v: unknown): string {
  if (typeof v === 'string') return clip(v, 80);
  if (Array.isArray(v)) return clip(v.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join(' '), 120);
  // A decoded claim is JSON, so it always serialises (never undefined), numbers and booleans as written.
  return clip(JSON.stringify(v), 80);
}

const SHOWN = ['iss', 'sub', 'aud', 'azp', 'client_id', 'scope', 'scp', 'roles', 'iat', 'nbf', 'exp'];

/** The decoded claims that matter for a diagnosis: never the signature, times as ISO dates. */
export function claimsDetail(jwt: Jwt): string {
  const parts: string[] = [];
  for (const k of SHOWN) {
    const v = jwt.claims[k];
    if (v === undefined) continue;
    parts.push(
      `${k}=${(k === 'iat' || k === 'nbf' || k === 'exp') && typeof v === 'number' ? isoSeconds(v) : claim(v)}`,
    );
  }
  if (jwt.alg) parts.unshift(`alg=${clip(jwt.alg, 20)}`);
  return `JWT claims: ${parts.join(', ') || '(none of iss/sub/aud/exp)'}`;
}

export function where(t: FoundJwt): string {
  if (t.primary) return 'the bearer token';
  if (t.where === 'request.cookie') return `the JWT in cookie "${clip(t.name, 40)}"`;
  if (t.where === 'request.query') return `the JWT in query parameter "${clip(t.name, 40)}"`;
  return `the JWT in header ${clip(t.name, 40)}`;
}

export function claimsEvidence(t: FoundJwt): Evidence {
  return { where: 'token', name: t.name, detail: claimsDetail(t.jwt) };
}

/** "a Bearer credential", "an opaque token", "an OAuth credential": the article a reader expects. */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// What servers write in error_description when a token's lifetime is over or has not begun.
const EXPIRED = /expir(?:ed|y|es|ation)|lifetime validation failed|token (?:is )?too old|\bstale\b/i;
const NOT_EXPIRY =
  /\bno\s+expir|without\s+(?:an?\s+)?expir|missing\s+(?:the\s+)?(?:exp|expir)|expiration (?:claim )?(?:is )?(?:required|missing)/i;
const NOT_YET = anyOf(
  /not\s+(?:yet\s+)?valid\s+(?:yet|before|until)|not\s+yet\s+valid|not\s+active\s+yet/,
  /used\s+too\s+early|before\s+(?:its\s+|the\s+)?(?:nbf|not.?before)/,
  /issued\s+in\s+the\s+future|\biat\b.{0,30}future/,
  'i',
);

// "Access token has expired or is not yet valid." (Microsoft Graph's InvalidAuthenticationToken,
// https://learn.microsoft.com/en-us/graph/errors): the server names both; an expired token is by far
// the commoner, and a JWT's own exp/nbf (token-timing rules, certain) decide when they can.
const EITHER =
  /expir(?:ed|es|y)\s+or\s+(?:is\s+|has\s+)?not\s+(?:yet\s+)?valid|not\s+yet\s+valid\s+or\s+(?:has\s+|is\s+)?expir/i;

export function saysExpired(text: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: a regex reads undefined as "undefined", which says nothing.
  if (!text) return false;
  if (EITHER.test(text)) return true;
  return EXPIRED.test(text) && !NOT_EXPIRY.test(text) && !NOT_YET.test(text);
}

export function saysNotYetValid(text: string | undefined): boolean {
  return !!text && NOT_YET.test(text) && !EITHER.test(text);
}

// "Invalid or expired token" names two readings and chooses neither.
const ALSO_INVALID = /\binvalid\b|\bnot\s+valid\b/i;

/**
 * What the body says of the token's lifetime when the challenge says only error="invalid_token".
 * RFC 6750 §3.1 files expired, revoked and malformed tokens under that one code, and some servers
 * say which in the body alone: Envoy's jwt_authn answers `Bearer realm=…, error="invalid_token"`
 * with "Jwt is expired" or "Jwt not yet valid" as the whole body (jwt_verify_lib's getStatusString).
 */
export function bodyLifetime(x: Exchange): { kind: 'expired' | 'not-yet'; error: StatedError } | null {
  for (const error of statedErrorsOf(x)) {
    const m = error.message;
    if (!m || ALSO_INVALID.test(m)) continue;
    if (saysNotYetValid(m)) return { kind: 'not-yet', error };
    if (saysExpired(m) && !EITHER.test(m)) return { kind: 'expired', error };
  }
  return null;
}

/** Evidence that the capture hid a credential ("Authorization: [REDACTED]"), or null. */
export function hiddenEvidence(ctx: RuleContext): Evidence | null {
  const hidden = credentialsOf(ctx).hidden;
  if (hidden.length === 0) return null;
  return {
    where: 'request.header',
    name: 'hidden',
    detail: clip(
      `the capture hides ${hidden.join('; ')}: a credential was sent but its value was redacted before sharing`,
      300,
    ),
  };
}

/**
 * A capture that hid a credential cannot show what was sent: every credential cause says so in
 * its evidence, so the reader weighs it (the server's stated reason is then the best witness).
 */
export function noteHiddenCredentials(ctx: RuleContext, causes: Cause[]): Cause[] {
  const hidden = hiddenEvidence(ctx);
  if (!hidden) return causes;
  return causes.map((c) =>
    // Stryker disable next-line Regex: no cause id (lib/core/causes.ts) has these words but at its start.
    /^(auth|api_key|permission)\./.test(c.id) && !c.evidence.some((e) => e.name === 'hidden')
      ? { ...c, evidence: [...c.evidence, hidden] }
      : c,
  );
}
