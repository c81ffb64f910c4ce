import type { RuleContext } from '../core/context';
import { readBare, readBasicScheme, readJwtInto, readTokenScheme } from './auth-schemes';
import { hasControl, maskSecret } from './mask';
import { readSigV4Header } from './sigv4';
import { hiddenHeaderValueOf } from './hidden';
import { placeholderOf, stringifiedOf } from './token-kind';
import type { AuthIssue, AuthIssueCode, AuthorizationReading } from './auth-types';

export type { AuthIssue, AuthIssueCode, AuthorizationReading } from './auth-types';

// Schemes in the IANA registry plus the common vendor ones (DRF/GitHub "token", Okta "SSWS").
const SCHEMES = new Set([
  'aws4-hmac-sha256',
  'aws4-ecdsa-p256-sha256',
  'basic',
  'bearer',
  'token',
  'jwt',
  'digest',
  'negotiate',
  'ntlm',
  'kerberos',
  'dpop',
  'oauth',
  'hoba',
  'mutual',
  'vapid',
  'apikey',
  'api-key',
  'key',
  'sharedkey',
  'sharedkeylite',
  'hmac',
  'ssws',
  'sso-key',
  'scram-sha-1',
  'scram-sha-256',
  'gostr3411',
  'privatetoken',
  'concealed',
]);
const TOKEN_SCHEMES = new Set(['bearer', 'token', 'jwt', 'dpop', 'ssws', 'apikey', 'api-key', 'key']);
const SCHEME_RE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(:?)([ \t]*)([\s\S]*)$/;
const MAX = 64 * 1024;

export interface AuthorizationOptions {
  header?: 'authorization' | 'proxy-authorization';
  /** X-Amz-Date and Date request headers, for SigV4. */
  amzDate?: string;
  httpDate?: string;
}

/** Reads an Authorization (or Proxy-Authorization) value. Never throws; problems become issues. */
export function parseAuthorization(value: string, opts: AuthorizationOptions = {}): AuthorizationReading {
  const raw = value.length > MAX ? value.slice(0, MAX) : value;
  const r: AuthorizationReading = {
    header: opts.header ?? 'authorization',
    scheme: null,
    kind: 'none',
    display: '',
    credentialLength: 0,
    issues: [],
  };
  const issue = (code: AuthIssueCode, message: string, certainty: AuthIssue['certainty'] = 'certain') =>
    r.issues.push({ code, message, certainty });
  let v = raw.trim();
  if (v === '') {
    issue('empty', 'the header is empty');
    r.display = '(empty)';
    return r;
  }
  if (/[\r\n]/.test(raw))
    issue('control-char', 'the value contains a line break (a token read from a file or env var with its newline?)');
  else if (hasControl(v, true)) issue('control-char', 'the value contains control characters');
  if (raw !== v) issue('whitespace', 'the value has leading or trailing whitespace', 'likely');
  const named = /^(proxy-)?authorization\s*:\s*/i.exec(v);
  if (named) {
    issue('header-name', `the value starts with the header name "${named[0].trim()}"`);
    v = v.slice(named[0].length);
  }
  const hidden = stringifiedOf(v) ? null : hiddenHeaderValueOf(v);
  if (hidden) return hiddenReading(r, v, hidden);
  const whole = placeholderOf(v);
  if (whole) {
    issue('placeholder', `the value is the literal "${whole}": the client stringified a missing token`);
    r.display = JSON.stringify(whole);
    return r;
  }
  const m = SCHEME_RE.exec(v);
  const word = m?.[1] ?? '';
  const spaced = (m?.[3] ?? '') !== '';
  const known = SCHEMES.has(word.toLowerCase());
  if (!m || (!spaced && !m[2] && !known) || (!spaced && !m[2] && m[4] !== '') || (m[2] && !known)) {
    return readBare(r, v, issue);
  }
  // An unknown first word may be a secret itself ("<key> <key>"): never show it whole.
  const shown = known || /^[A-Za-z][A-Za-z0-9_-]{0,15}$/.test(word) ? word : maskSecret(word);
  r.scheme = shown;
  let rest = m[4]!;
  if (m[2]) issue('scheme-colon', `"${shown}:" has a colon after the scheme; the form is "${shown} <credentials>"`);
  if ((m[3] ?? '').length > 1 || (m[3] ?? '').includes('\t'))
    issue('extra-space', 'more than one space between the scheme and the credentials', 'likely');
  const lower = word.toLowerCase();
  const doubled = /^([A-Za-z-]+)[ \t:]+(\S[\s\S]*)$/.exec(rest);
  const second = doubled?.[1]!.toLowerCase() ?? '';
  // "Basic Basic …" is the same mistake as "Bearer Bearer …": the stored value already had the scheme.
  if (doubled && (TOKEN_SCHEMES.has(second) || second === lower) && (TOKEN_SCHEMES.has(lower) || lower === 'basic')) {
    issue('doubled-scheme', `the scheme is doubled: "${shown} ${doubled[1]} …"`);
    rest = doubled[2]!;
  }
  const quoted = /^(["'])([\s\S]*)\1$/.exec(rest);
  if (quoted && (TOKEN_SCHEMES.has(lower) || lower === 'basic')) {
    issue('quoted', 'the credential is wrapped in quotes, which are sent as part of it');
    rest = quoted[2]!;
  }
  rest = rest.trim();
  r.credentialLength = rest.length;
  const ph = placeholderOf(rest);
  if (ph && (TOKEN_SCHEMES.has(lower) || lower === 'basic')) {
    issue('placeholder', `the credential is the literal "${ph}": the client stringified a missing token`);
    r.kind = lower === 'basic' ? 'basic' : 'bearer';
    r.display = `${shown} ${JSON.stringify(ph)}`;
    return r;
  }
  if (rest === '') {
    issue('empty', `"${shown}" with no credentials after it`);
    r.kind = lower === 'basic' ? 'basic' : TOKEN_SCHEMES.has(lower) ? 'bearer' : 'other';
    r.display = `${shown} (nothing)`;
    return r;
  }
  if (lower === 'basic') return readBasicScheme(r, word, rest, issue);
  if (TOKEN_SCHEMES.has(lower)) return readTokenScheme(r, word, rest, issue);
  if (lower.startsWith('aws4-')) {
    r.kind = 'sigv4';
    r.sigv4 = readSigV4Header(v, opts.amzDate, opts.httpDate) ?? undefined;
    for (const p of r.sigv4?.problems ?? []) if (!p.startsWith('no X-Amz-Date')) issue('sigv4', p);
    r.display =
      `${shown} Credential=${r.sigv4?.accessKey ?? '?'}/` +
      `${[r.sigv4?.scopeDate, r.sigv4?.region, r.sigv4?.service].filter(Boolean).join('/')}, ` +
      `Signature=(${r.sigv4?.signatureLength ?? 0} chars)`;
    return r;
  }
  if (lower === 'digest') {
    r.kind = 'digest';
    const user = /(?:^|,)\s*username\s*=\s*"?([^",]*)"?/i.exec(rest);
    if (user) r.digestUser = user[1];
    r.display = `Digest username=${JSON.stringify(r.digestUser ?? '')} (${rest.length} chars)`;
    return r;
  }
  r.kind = lower === 'negotiate' || lower === 'ntlm' || lower === 'kerberos' ? 'negotiate' : 'other';
  if (rest.startsWith('eyJ')) readJwtInto(r, rest, issue);
  r.display = `${shown} ${r.jwt ? 'JWT' : maskSecret(rest)}`;
  return r;
}

/**
 * The capture shows a placeholder where the credential was ("Bearer [REDACTED]"): something was
 * sent, but not this. No shape issue is reported; what the server says decides the cause.
 */
function hiddenReading(r: AuthorizationReading, v: string, hidden: string): AuthorizationReading {
  const m = /^([A-Za-z][A-Za-z0-9_-]{0,20})[ \t]+(\S[\s\S]*)$/.exec(v);
  // The first word is a scheme when the placeholder follows it ("Custom [REDACTED]") or when it is a
  // known one ("Basic ****", masked as a whole); in "your api key here" it is part of the placeholder.
  const known = m !== null && SCHEMES.has(m[1]!.toLowerCase());
  const scheme = m && (known || m[2] === hidden) ? m[1]! : null;
  // hiddenHeaderValueOf hid either the whole value or the part after this same split: after a
  // known scheme the placeholder is that part in both cases.
  const placeholder = known ? m[2]! : hidden;
  const lower = scheme?.toLowerCase() ?? '';
  r.scheme = scheme;
  r.kind = lower === 'basic' ? 'basic' : TOKEN_SCHEMES.has(lower) ? 'bearer' : scheme ? 'other' : 'none';
  r.hidden = placeholder.slice(0, 40);
  r.credentialLength = placeholder.length;
  r.issues = [];
  r.display = `${scheme ? `${scheme} ` : ''}${JSON.stringify(r.hidden)} (hidden in the capture)`;
  return r;
}

/** The request's Authorization header, read once per entry. */
export function authorizationOf(ctx: RuleContext): AuthorizationReading | null {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:authorization', () => {
    const v = ctx.x.req.get('authorization');
    return v === undefined
      ? null
      : parseAuthorization(v, { amzDate: ctx.x.req.get('x-amz-date'), httpDate: ctx.x.req.get('date') });
  });
}

export function proxyAuthorizationOf(ctx: RuleContext): AuthorizationReading | null {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:proxy-authorization', () => {
    const v = ctx.x.req.get('proxy-authorization');
    return v === undefined ? null : parseAuthorization(v, { header: 'proxy-authorization' });
  });
}
