import { joinText, type Text } from './pieces';
import { isSecretHeader, isUrlHeader } from './names';
import { sweep } from './sweep';
import { redactUrl } from './url';
import type { Vault } from './vault';

const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f';

/** `  scheme  credentials  ` cut by hand: lead, scheme, gap, credentials, trail; null without credentials. */
function splitScheme(
  s: string,
): { lead: string; scheme: string; gap: string; credentials: string; trail: string } | null {
  // Past the end s[i] is undefined, which is no white space: the scans stop there by themselves.
  let a = 0;
  while (isWs(s[a])) a++;
  let b = a;
  // Stryker disable next-line EqualityOperator: one step past the end leaves b === c, which is null as before
  while (b < s.length && !isWs(s[b])) b++;
  let c = b;
  while (isWs(s[c])) c++;
  let d = s.length;
  while (d > c && isWs(s[d - 1])) d--;
  // No scheme (all white space) or nothing after it (b at the end) leaves d === c too.
  if (d === c) return null;
  return {
    lead: s.slice(0, a),
    scheme: s.slice(a, b),
    gap: s.slice(b, c),
    credentials: s.slice(c, d),
    trail: s.slice(d),
  };
}

function redactAuthorization(name: string, value: string, vault: Vault, where: string): Text {
  // Named after the header: envName makes `proxy-authorization` WHY403_PROXY_AUTHORIZATION.
  const base = name;
  const parts = splitScheme(value);
  if (!parts) return [vault.secret(value, { base, kind: 'token', where })];
  const { lead, scheme, gap, credentials, trail } = parts;
  const s = scheme.toLowerCase();
  if (s === 'aws4-hmac-sha256') {
    // Credential and SignedHeaders are what a signature diagnosis reads; only the signature is secret.
    const sig = /(Signature=)([^,\s]+)/.exec(credentials);
    if (!sig) return [lead, scheme, gap, vault.secret(credentials, { base, kind: 'signature', where }), trail];
    const at = sig.index + sig[1]!.length;
    return joinText(
      lead,
      scheme,
      gap,
      credentials.slice(0, at),
      vault.secret(sig[2]!, { base: 'AWS_SIGNATURE', kind: 'signature', where }),
      credentials.slice(at + sig[2]!.length),
      trail,
    );
  }
  // Basic: the whole base64 credential is the secret (the variable holds it, so the command
  // still runs); its description keeps the user name, the first thing a reader checks
  // ("right account?"), and only the password's length.
  const kind = s === 'basic' ? 'basic' : s === 'bearer' ? 'token' : 'authorization';
  return joinText(lead, scheme, gap, vault.secret(credentials, { base, kind, where }), trail);
}

/** `  name = value  ` cut into its parts by hand (a regex here backtracks cubically on spaces). */
function splitPair(s: string): { lead: string; name: string; eq: string; value: string; trail: string } | null {
  const at = s.indexOf('=');
  if (at === -1) return null;
  // The `=` and the text's end are no white space: the forward scans stop on them by themselves.
  let a = 0;
  while (isWs(s[a])) a++;
  let b = at;
  while (b > a && isWs(s[b - 1])) b--;
  let c = at + 1;
  while (isWs(s[c])) c++;
  let d = s.length;
  while (d > c && isWs(s[d - 1])) d--;
  if (d === c) return null;
  return { lead: s.slice(0, a), name: s.slice(a, b), eq: s.slice(b, c), value: s.slice(c, d), trail: s.slice(d) };
}

/** Every cookie value becomes a placeholder; names, order and separators stay. */
function redactCookies(value: string, vault: Vault, where: string): Text {
  const out: Text = [];
  for (const m of value.matchAll(/([^;]*)(;?)/g)) {
    // The empty match at the end pushes nothing but an empty string.
    const pair = splitPair(m[1]!);
    if (!pair) {
      out.push(m[0]);
      continue;
    }
    const { lead, name, eq, value: v, trail } = pair;
    out.push(
      lead,
      name,
      eq,
      vault.secret(v, { base: `COOKIE_${name}`, kind: 'cookie', where: `${where} ${name}` }),
      trail,
      m[2]!,
    );
  }
  return joinText(out);
}

/**
 * Set-Cookie: the value of the first pair is secret; the attributes are facts. Firefox (and
 * some HAR writers) join several Set-Cookie headers into one value, one cookie per line.
 */
function redactSetCookie(value: string, vault: Vault, where: string): Text {
  const out: Text = [];
  let from = 0;
  // Each pass ends on a line break (from moves past it) or stops at the last line.
  for (;;) {
    const nl = value.indexOf('\n', from);
    const line = nl === -1 ? value.slice(from) : value.slice(from, nl);
    const semi = line.indexOf(';');
    const first = semi === -1 ? line : line.slice(0, semi);
    out.push(...redactCookies(first, vault, where), semi === -1 ? '' : line.slice(semi));
    if (nl === -1) break;
    out.push('\n');
    from = nl + 1;
  }
  return joinText(out);
}

/** Authorization, Proxy-Authorization and in-house variants (X-Authorization, Authentication). */
function isAuthorizationLike(n: string): boolean {
  return n.endsWith('authorization') || n === 'authentication' || n === 'x-authentication';
}

/**
 * Redacts one header value, request or response side. `where` labels the place for the
 * placeholder list ("request header"). Unknown headers are still swept for known secrets.
 */
export function redactHeader(
  name: string,
  value: string,
  vault: Vault,
  side: 'request' | 'response' = 'request',
): Text {
  const n = name.trim().toLowerCase();
  const where = `${side} header ${name}`;
  const unread = vault.unread(value, where);
  if (unread !== null) return [unread];
  let out: Text;
  if (isAuthorizationLike(n)) out = redactAuthorization(n, value, vault, where);
  else if (n === 'cookie') out = redactCookies(value, vault, `${side} cookie`);
  else if (n === 'set-cookie') out = redactSetCookie(value, vault, 'response Set-Cookie');
  else if (isUrlHeader(n)) out = redactUrl(value, vault, where);
  // An empty value stays empty: vault.secret('') is ''.
  else if (isSecretHeader(n)) out = [vault.secret(value, { base: n, kind: 'api-key', where })];
  else out = [value];
  return sweep(out, vault, where);
}
