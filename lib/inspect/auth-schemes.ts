import type { AuthIssue, AuthIssueCode, AuthorizationReading } from './auth-types';
import { readBasic } from './basic';
import { base64UrlDecode, decodeJwt } from './jwt';
import { maskSecret } from './mask';
import { B64TOKEN, tokenKindOf } from './token-kind';

// The per-scheme readers behind parseAuthorization: each fills the reading and reports issues.

export type IssueFn = (code: AuthIssueCode, message: string, certainty?: AuthIssue['certainty']) => void;

/** No scheme at all: a bare token or key, or a word that is not a scheme. */
export function readBare(r: AuthorizationReading, v: string, issue: IssueFn): AuthorizationReading {
  r.credentialLength = v.length;
  if (v.startsWith('eyJ') && !isEncodedJsonKey(v)) {
    readJwtInto(r, v, issue);
    issue('missing-scheme', 'a bare JWT with no "Bearer " in front', 'likely');
    r.tokenKind = 'JWT';
  } else if (v.startsWith('eyJ')) {
    r.tokenKind = 'base64-encoded JSON key';
    issue('missing-scheme', `a bare ${r.tokenKind} with no scheme in front`, 'likely');
  } else {
    r.tokenKind = tokenKindOf(v) ?? 'opaque token';
    issue('missing-scheme', `a bare ${r.tokenKind} with no scheme in front`, 'likely');
  }
  r.display = r.jwt ? `JWT without scheme (${v.length} chars)` : `${maskSecret(v)} without scheme`;
  return r;
}

export function readBasicScheme(
  r: AuthorizationReading,
  word: string,
  rest: string,
  issue: IssueFn,
): AuthorizationReading {
  r.kind = 'basic';
  if (/\s/.test(rest)) issue('whitespace', 'whitespace inside the Basic credentials');
  const b = readBasic(rest.replace(/\s+/g, ''));
  r.basic = b;
  if (b.problem) issue('basic', b.problem);
  if (b.placeholder) issue('placeholder', `the Basic credentials contain the literal "${b.placeholder}"`);
  r.display =
    b.problem && !b.user
      ? `${word} ${maskSecret(rest)}`
      : `${word} user ${JSON.stringify(b.shownUser)}, password of ${b.passwordLength} chars`;
  return r;
}

export function readTokenScheme(
  r: AuthorizationReading,
  word: string,
  rest: string,
  issue: IssueFn,
): AuthorizationReading {
  r.kind = 'bearer';
  // Rails' documented form: Token token="abc", nonce="def".
  if (word.toLowerCase() === 'token' && /^[a-z_]+\s*=\s*"/i.test(rest)) {
    r.tokenKind = 'token parameters';
    r.display = `${word} ${maskSecret(rest)}`;
    return r;
  }
  if (/\s/.test(rest)) issue('whitespace', 'whitespace inside the token');
  const compact = rest.replace(/\s+/g, '');
  if (compact.startsWith('eyJ')) readJwtInto(r, compact, issue);
  else {
    r.tokenKind = tokenKindOf(compact) ?? 'opaque token';
    if (!B64TOKEN.test(compact))
      issue('bad-chars', 'the token has characters a bearer token may not contain (RFC 6750 b64token)', 'likely');
  }
  r.display = `${word} ${r.jwt ? `JWT (${compact.length} chars${r.jwt.alg ? `, alg ${r.jwt.alg}` : ''})` : maskSecret(compact)}`;
  return r;
}

/**
 * A whole value that is base64url of a JSON object with no "alg": a key some servers mint by encoding JSON, not a
 * JWT cut short (a JWT's first part is a JOSE header, which always names its "alg", RFC 7515 §4.1.1). Tyk's keys
 * are so when key hashing is on ({"org":…,"id":…,"h":"sha256"}, https://github.com/TykTechnologies/tyk/issues/5558)
 * and Tyk reads them raw from Authorization.
 */
export function isEncodedJsonKey(t: string): boolean {
  if (t.includes('.') || t.length > 4096) return false;
  try {
    const value: unknown = JSON.parse(base64UrlDecode(t));
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !('alg' in value);
  } catch {
    return false;
  }
}

export function readJwtInto(r: AuthorizationReading, t: string, issue: IssueFn): void {
  if (isEncodedJsonKey(t)) {
    r.tokenKind = 'base64-encoded JSON key';
    return;
  }
  r.tokenKind = 'JWT';
  const dots = t.split('.').length - 1;
  if (dots < 2) {
    issue('truncated-jwt', `the JWT has ${dots + 1} part${dots ? 's' : ''} instead of 3: it was cut short`);
    r.jwtError = 'truncated';
    return;
  }
  if (dots === 4) {
    // JWE (5 parts): encrypted, nothing to decode, nothing wrong with the shape.
    r.tokenKind = 'JWE (encrypted JWT)';
    return;
  }
  const d = decodeJwt(t);
  if (d.ok) r.jwt = d.jwt;
  else {
    r.jwtError = d.error;
    issue('broken-jwt', `the token looks like a JWT but ${d.error}`);
  }
}
