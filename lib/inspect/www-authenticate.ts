import type { RuleContext } from '../core/context';
import type { Exchange } from '../model/exchange';

/** One challenge (RFC 7235 §2.1): a scheme with either a token68 or auth-params. */
export interface Challenge {
  /** As sent ("Bearer"). */
  scheme: string;
  token68?: string;
  /** Param names lower-cased (they are case-insensitive); the first occurrence wins. */
  params: Record<string, string>;
}

/** The OAuth 2.0 reading of a challenge (RFC 6750 §3). */
export interface OAuthError {
  scheme: string;
  realm?: string;
  error?: string;
  description?: string;
  uri?: string;
  /** Space-separated `scope` param, split. */
  scope: string[];
  challenge: Challenge;
}

const TCHAR = /[A-Za-z0-9!#$%&'*+.^_`|~-]/;
const T68 = /[A-Za-z0-9\-._~+/]/;
const MAX = 16 * 1024;

/**
 * Where an unquoted value ends: a comma, or whitespace before `name=` (not `name==`). Written
 * by hand: the equivalent regex retries every run of spaces from each of its positions.
 */
function unquotedEnd(s: string, from: number): number {
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  for (let j = from; j < s.length;) {
    if (s[j] === ',') return j;
    if (!space(s[j])) {
      j++;
      continue;
    }
    let k = j;
    while (space(s[k])) k++;
    let t = k;
    while (t < s.length && TCHAR.test(s[t]!)) t++;
    let w = t;
    while (space(s[w])) w++;
    if (t > k && s[w] === '=' && s[w + 1] !== '=') return j;
    j = k;
  }
  return s.length;
}

/**
 * Parses one header value, which may hold several comma-separated challenges. Tolerant of
 * what servers really send: unquoted values with spaces, missing commas between params,
 * unterminated quotes. Never throws.
 */
export function parseChallenges(value: string): Challenge[] {
  const s = value.length > MAX ? value.slice(0, MAX) : value;
  const out: Challenge[] = [];
  let i = 0;
  const n = s.length;
  const ws = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || s[i] === '\n')) i++;
  };
  const token = (re: RegExp) => {
    const start = i;
    while (i < n && re.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  // Looks ahead: is there `name =` (not `name ==`, a token68's padding) at the cursor?
  const paramAhead = () => {
    const save = i;
    const name = token(TCHAR);
    ws();
    let ok = name !== '' && s[i] === '=' && s[i + 1] !== '=';
    if (ok) {
      // `abc=` then the end or a comma is a token68 with padding, not an empty param.
      i++;
      ws();
      ok = i < n && s[i] !== ',';
    }
    i = save;
    return ok;
  };
  while (i < n) {
    while (i < n && (s[i] === ',' || /\s/.test(s[i]!))) i++;
    if (i >= n) break;
    const scheme = token(TCHAR);
    if (!scheme) {
      i++; // garbage character: skip it rather than fail
      continue;
    }
    const ch: Challenge = { scheme, params: {} };
    out.push(ch);
    ws();
    if (!paramAhead()) {
      const save = i;
      const t68 = token(T68);
      const pad = token(/=/);
      ws();
      if (t68 && (i >= n || s[i] === ',')) {
        ch.token68 = t68 + pad;
        continue;
      }
      i = save; // not a token68: what follows is the next challenge
      continue;
    }
    while (i < n && paramAhead()) {
      const name = token(TCHAR).toLowerCase();
      ws();
      i++; // '='
      ws();
      const val = s[i] === '"' ? quoted() : unquoted();
      if (!(name in ch.params)) ch.params[name] = val;
      ws();
      // RFC 9110 §5.6.1.2: a recipient ignores empty list elements (`realm="x", , error="y"`).
      while (s[i] === ',') {
        i++;
        ws();
      }
    }
  }
  return out;

  function quoted(): string {
    i++;
    let v = '';
    while (i < n && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < n) i++;
      v += s[i];
      i++;
    }
    i++; // closing quote (or past the end when unterminated)
    return v;
  }

  // Up to the next comma: some servers send `error_description=The token expired` unquoted.
  // It stops early at ` name=`, where a comma-less next param begins.
  function unquoted(): string {
    const start = i;
    i = unquotedEnd(s, i);
    return s.slice(start, i).trim();
  }
}

/**
 * All challenges across every header line (servers may send one header per challenge).
 * Some HAR writers join repeated headers with a newline; each line is its own value.
 */
export function readChallenges(values: readonly string[]): Challenge[] {
  return values.flatMap((v) => (typeof v === 'string' ? v.split('\n').flatMap(parseChallenges) : []));
}

/** The first challenge that carries OAuth error params, else the first Bearer/DPoP one. */
export function oauthErrorOf(challenges: readonly Challenge[]): OAuthError | null {
  const c =
    challenges.find((ch) => ch.params.error !== undefined) ??
    challenges.find((ch) => /^(bearer|dpop)$/i.test(ch.scheme));
  if (!c) return null;
  const p = c.params;
  return {
    scheme: c.scheme,
    realm: p.realm,
    error: p.error?.trim(),
    description: p.error_description,
    uri: p.error_uri,
    scope: (p.scope ?? '').split(/\s+/).filter(Boolean),
    challenge: c,
  };
}

/**
 * RFC 6750 §3.1 (https://www.rfc-editor.org/rfc/rfc6750#section-3.1): a resource server answers a token request it
 * cannot read (another scheme, a malformed token, the token sent twice) with 400 and a challenge whose error is
 * invalid_request. A 400 that challenges with an OAuth error is the auth layer's refusal; an application's own
 * 400 (validation) never challenges.
 */
export function challengedBadRequest(x: Exchange): OAuthError | null {
  if (x.status !== 400 || !x.res.has('www-authenticate')) return null;
  const challenges = readChallenges(x.res.getAll('www-authenticate'));
  const err = oauthErrorOf(challenges);
  if (err?.error) return err;
  // The same refusal with the error code left out: express-oauth2-jwt-bearer answers an Authorization in a scheme
  // it does not read (neither Bearer nor DPoP) with 400 and only its bare `Bearer realm="api"` challenge
  // (`new InvalidRequestError('', false)`, https://github.com/auth0/node-oauth2-jwt-bearer, its getToken). A 400
  // that challenges a request whose credential is in none of the challenged schemes is the auth layer's.
  const scheme = /^\s*([\w!#$%&'*+.^`|~-]+)\s+\S/.exec(x.req.get('authorization') ?? '')?.[1]?.toLowerCase();
  const first = challenges[0];
  if (!scheme || !first || challenges.some((c) => c.scheme.toLowerCase() === scheme)) return null;
  return err ?? { scheme: first.scheme, scope: [], challenge: first };
}

/** Renders a challenge for evidence, params in order, values clipped. */
export function showChallenge(ch: Challenge): string {
  const params = Object.entries(ch.params).map(([k, v]) => `${k}="${v.length > 160 ? `${v.slice(0, 159)}…` : v}"`);
  return [ch.scheme, ch.token68 ?? params.join(', ')].filter(Boolean).join(' ');
}

/** The challenges of one header, read once per entry: the header's name is also the memo's key. */
function challengesIn(ctx: RuleContext, header: 'www-authenticate' | 'proxy-authenticate'): Challenge[] {
  return ctx.once(header, () => readChallenges(ctx.x.res.getAll(header)));
}

export function challengesOf(ctx: RuleContext): Challenge[] {
  return challengesIn(ctx, 'www-authenticate');
}

export function proxyChallengesOf(ctx: RuleContext): Challenge[] {
  return challengesIn(ctx, 'proxy-authenticate');
}
