import { joinText, type Text } from './pieces';
import { isSecretHeader, isUrlHeader } from './names';
import { sweep } from './sweep';
import { redactUrl } from './url';
import type { Vault } from './vault';

function redactAuthorization(name: string, value: string, vault: Vault, where: string): Text {
  const base = name === 'proxy-authorization' ? 'PROXY_AUTHORIZATION' : 'AUTHORIZATION';
  const m = /^(\s*)(\S+)(\s+)([\s\S]*?)(\s*)$/.exec(value);
  if (!m || m[4] === '') return [vault.secret(value, { base, kind: 'token', where })];
  const [, lead, scheme, gap, credentials, trail] = m as unknown as [string, string, string, string, string, string];
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

/** Every cookie value becomes a placeholder; names, order and separators stay. */
function redactCookies(value: string, vault: Vault, where: string): Text {
  const out: Text = [];
  for (const m of value.matchAll(/([^;]*)(;?)/g)) {
    if (m[1] === '' && m[2] === '') continue;
    const pair = /^(\s*)([^=]*?)(\s*=\s*)([\s\S]*?)(\s*)$/.exec(m[1]!);
    if (!pair || pair[4] === '') {
      out.push(m[0]);
      continue;
    }
    const [, lead, name, eq, v, trail] = pair as unknown as [string, string, string, string, string, string];
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

/** Set-Cookie: the value of the first pair is secret; the attributes are facts. */
function redactSetCookie(value: string, vault: Vault, where: string): Text {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  return joinText(redactCookies(first, vault, where), semi === -1 ? '' : value.slice(semi));
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
  let out: Text;
  if (n === 'authorization' || n === 'proxy-authorization') out = redactAuthorization(n, value, vault, where);
  else if (n === 'cookie') out = redactCookies(value, vault, `${side} cookie`);
  else if (n === 'set-cookie') out = redactSetCookie(value, vault, 'response Set-Cookie');
  else if (isUrlHeader(n)) out = redactUrl(value, vault, where);
  else if (isSecretHeader(n) && value !== '') out = [vault.secret(value, { base: n, kind: 'api-key', where })];
  else out = [value];
  return sweep(out, vault, where);
}
