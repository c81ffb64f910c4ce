import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../../../lib/inspect/authorization';

const codes = (v: string) => parseAuthorization(v).issues.map((i) => i.code);
// RFC 7617 §2: user "Aladdin", password "open sesame". https://www.rfc-editor.org/rfc/rfc7617#section-2
const ALADDIN = 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==';
// RFC 6750 §2.1 example bearer token. https://www.rfc-editor.org/rfc/rfc6750#section-2.1
const RFC6750 = 'mF_9.B5f-4.1JqM';
// RFC 7519 §6.1 Unsecured JWT (alg "none").
const UNSECURED_JWT =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

describe('a header line pasted into the value', () => {
  // A value copied from curl -v or DevTools' "Copy request headers" still carries its name.
  it('is noticed with or without spaces and in any case, and the rest is still read', () => {
    const tight = parseAuthorization(`Authorization:Bearer ${RFC6750}`);
    expect(tight.issues.map((i) => i.code)).toEqual(['header-name']);
    expect(tight).toMatchObject({ scheme: 'Bearer', kind: 'bearer', credentialLength: RFC6750.length });
    expect(tight.issues[0]!.message).toContain('"Authorization:"');

    const proxy = parseAuthorization(`PROXY-AUTHORIZATION:  Basic ${ALADDIN}`);
    expect(proxy.issues.map((i) => i.code)).toEqual(['header-name']);
    expect(proxy.basic?.user).toBe('Aladdin');
  });

  it('names the header as it was pasted, and tolerates a space before the colon', () => {
    expect(parseAuthorization(`Proxy-Authorization: Basic ${ALADDIN}`).issues[0]!.message).toContain(
      '"Proxy-Authorization:"',
    );
    expect(parseAuthorization(`Authorization : Bearer ${RFC6750}`)).toMatchObject({
      scheme: 'Bearer',
      issues: [expect.objectContaining({ code: 'header-name' })],
    });
  });

  it('is only the header name at the start, not the word inside a credential', () => {
    expect(codes(`Token authorization:${RFC6750}`)).not.toContain('header-name');
  });
});

describe('the scheme written twice', () => {
  // A client that stores "Basic QWxh…" and prefixes "Basic " again sends the scheme twice.
  it('is noticed for Basic as for Bearer, and the credential after it is still read', () => {
    const r = parseAuthorization(`Basic Basic ${ALADDIN}`);
    expect(r.issues.map((i) => i.code)).toEqual(['doubled-scheme']);
    expect(r.basic?.user).toBe('Aladdin');
    expect(r.display).toBe('Basic user "Aladdin", password of 11 chars');

    const b = parseAuthorization(`Bearer Token ${RFC6750}`);
    expect(b.issues.map((i) => i.code)).toEqual(['doubled-scheme']);
    expect(b.credentialLength).toBe(RFC6750.length);
    expect(codes(`Bearer bearer:${RFC6750}`)).toEqual(['doubled-scheme']);
    expect(codes(`Bearer Bearer  ${RFC6750}`)).toContain('doubled-scheme');
    expect(parseAuthorization(`Bearer Token ${RFC6750}`).issues[0]!.message).toContain('"Bearer Token …"');
  });

  it('is not claimed for a word that merely precedes a credential', () => {
    expect(codes(`Digest Digest username="Mufasa"`)).not.toContain('doubled-scheme');
    expect(codes('Bearer Aladdin')).toEqual([]);
    // A scheme word further inside is a space in the token, not a doubled scheme.
    expect(codes('Bearer 9f86d081 Token abc')).toEqual(['whitespace']);
  });
});

describe('spacing and control characters', () => {
  it('a tab between scheme and token is odd spacing, not a control character', () => {
    expect(codes(`Bearer\t${RFC6750}`)).toEqual(['extra-space']);
    expect(parseAuthorization(`Bearer\t${RFC6750}`).issues[0]!.certainty).toBe('likely');
    expect(codes(`Bearer ${RFC6750}`)).toEqual([]);
  });

  it('a CR (a Windows line end read from a file) is a line break; a NUL is a control character', () => {
    const cr = parseAuthorization(`Bearer ${RFC6750}\r`).issues;
    expect(cr.map((i) => i.code)).toEqual(['control-char', 'whitespace']);
    expect(cr[0]!.message).toMatch(/line break/);
    const nul = parseAuthorization(`Bearer ${RFC6750}\u0000`).issues;
    expect(nul.map((i) => i.code)).toContain('control-char');
    expect(nul[0]!.message).not.toMatch(/line break/);
  });

  it('trailing whitespace is likely, not certain, to matter', () => {
    expect(parseAuthorization(`Bearer ${RFC6750} `).issues).toEqual([
      expect.objectContaining({ code: 'whitespace', certainty: 'likely' }),
    ]);
  });
});

describe('what counts as a scheme', () => {
  it('a colon straight after a known scheme is a misplaced colon, after anything else a bare credential', () => {
    expect(parseAuthorization(`Bearer:${RFC6750}`)).toMatchObject({ scheme: 'Bearer', kind: 'bearer' });
    expect(codes(`Bearer:${RFC6750}`)).toEqual(['scheme-colon']);
    expect(parseAuthorization(`Bearer:${RFC6750}`).issues[0]!.message).toContain('"Bearer <credentials>"');
    // "user:password" sent as is, without Basic's base64.
    expect(parseAuthorization('aladdin:opensesame')).toMatchObject({ scheme: null, kind: 'none' });
    expect(codes('aladdin:opensesame')).toEqual(['missing-scheme']);
    expect(codes(`Bearer=${RFC6750}`)).toEqual(['missing-scheme']);
  });

  it('an unknown first word is kept when it reads like a scheme, masked when it reads like a key', () => {
    expect(parseAuthorization(`Custom ${RFC6750}`)).toMatchObject({ scheme: 'Custom', kind: 'other' });
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const r = parseAuthorization(`${key} ${key}`);
    expect(JSON.stringify(r)).not.toContain(key);
    expect(r.scheme).toBe('sk_l… (32 chars)');
  });

  // A JSON-stringified key sent as the header: never throws, read as a bare credential.
  it('reads a value that starts with no scheme character at all', () => {
    expect(parseAuthorization('"sk_live_4eC39HqLyjWDarjtT1zdp7dc"')).toMatchObject({ scheme: null, kind: 'none' });
    expect(codes('"sk_live_4eC39HqLyjWDarjtT1zdp7dc"')).toEqual(['missing-scheme']);
  });

  // RFC 9449 §7.1: "Authorization: DPoP <access token>".
  it('reads DPoP as a bearer-like token scheme and decodes a JWT after any scheme', () => {
    expect(parseAuthorization(`DPoP ${UNSECURED_JWT}`)).toMatchObject({ kind: 'bearer', tokenKind: 'JWT' });
    const custom = parseAuthorization(`Custom ${UNSECURED_JWT}`);
    expect(custom.jwt?.iss).toBe('joe');
    expect(custom.display).toBe('Custom JWT');
  });

  // MS-NLMP / RFC 4559: NTLM, Negotiate and Kerberos are the Windows family.
  it('reads Negotiate, NTLM and Kerberos as the Negotiate family', () => {
    expect(parseAuthorization('Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag').kind).toBe('negotiate');
    expect(parseAuthorization('NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw==').kind).toBe('negotiate');
    expect(parseAuthorization('Kerberos YIIGhgYGKwYBBQUCoIIGejCCBnag').kind).toBe('negotiate');
  });
});

describe('quotes, placeholders and missing credentials', () => {
  it('quotes around Basic are noticed and removed; a quote on one side only is not a quoted value', () => {
    const r = parseAuthorization(`Basic "${ALADDIN}"`);
    expect(r.issues.map((i) => i.code)).toEqual(['quoted']);
    expect(r.basic?.user).toBe('Aladdin');
    expect(codes(`Bearer "${RFC6750}'`)).not.toContain('quoted');
    expect(codes(`Bearer "${RFC6750}"x`)).not.toContain('quoted');
    expect(codes('Bearer "a b"')).toEqual(['quoted', 'whitespace']);
    // An unknown scheme's quoted value may be its own syntax (an auth-param quoted-string).
    expect(parseAuthorization('Custom "abc123"')).toMatchObject({ issues: [], credentialLength: 8 });
    // Digest parameters are quoted by definition (RFC 7616 §3.4).
    expect(codes('Digest username="Mufasa"')).not.toContain('quoted');
  });

  it('a stringified missing value after Basic is a placeholder of kind basic', () => {
    expect(parseAuthorization('Basic undefined')).toMatchObject({ kind: 'basic', display: 'Basic "undefined"' });
    expect(parseAuthorization('Bearer null')).toMatchObject({ kind: 'bearer', display: 'Bearer "null"' });
    expect(parseAuthorization('Basic undefined').issues[0]!.message).toContain('"undefined"');
    expect(parseAuthorization('[object Object]').issues[0]!.message).toContain('"[object Object]"');
    // Only token and Basic schemes: a Negotiate blob that spells a word is not a JavaScript slip.
    expect(codes('Negotiate undefined')).toEqual([]);
  });

  it('a scheme with nothing after it keeps its kind', () => {
    expect(parseAuthorization('Basic ')).toMatchObject({ kind: 'basic', display: 'Basic (nothing)' });
    expect(parseAuthorization('Token')).toMatchObject({ kind: 'bearer', display: 'Token (nothing)' });
    expect(parseAuthorization('Digest')).toMatchObject({ kind: 'other', display: 'Digest (nothing)' });
    expect(parseAuthorization('Token').issues[0]!.message).toContain('"Token"');
    expect(parseAuthorization('  ')).toMatchObject({ kind: 'none', display: '(empty)' });
  });
});

describe('Digest and SigV4', () => {
  // RFC 7616 §3.9.1 example, username not first and unquoted forms both occur in the wild.
  it('finds the Digest username wherever it stands, quoted or not', () => {
    const r = parseAuthorization('Digest realm="http-auth@example.org", username=Mufasa, nonce="7ypf"');
    expect(r).toMatchObject({ kind: 'digest', digestUser: 'Mufasa' });
    expect(r.display).toMatch(/^Digest username="Mufasa" \(\d+ chars\)$/);
    expect(parseAuthorization('Digest realm="x", nonce="n"').digestUser).toBeUndefined();
    expect(parseAuthorization('Digest realm="x", nonce="n"').display).toMatch(/^Digest username="" /);
    // RFC 9110 §11.2 allows whitespace around "=" in auth-params.
    expect(parseAuthorization('Digest username = "Mufasa", realm="x"').digestUser).toBe('Mufasa');
    expect(parseAuthorization('Digest realm="x", cnonce_username="Eve"').digestUser).toBeUndefined();
  });

  // AWS docs example header (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
  const SIGV4 =
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
    'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

  it('shows the scope and the signature length, and a missing X-Amz-Date is no shape problem', () => {
    const r = parseAuthorization(SIGV4);
    expect(r.issues).toEqual([]);
    expect(r.display).toBe('AWS4-HMAC-SHA256 Credential=AKID… (11 chars)/20150830/us-east-1/iam, Signature=(64 chars)');
  });

  it('a SigV4 scheme with a colon and nothing readable is shown, never thrown on', () => {
    const r = parseAuthorization('AWS4-HMAC-SHA256:Credential');
    expect(r).toMatchObject({ kind: 'sigv4', display: 'AWS4-HMAC-SHA256 Credential=?/, Signature=(0 chars)' });
    expect(r.issues.map((i) => i.code)).toEqual(['scheme-colon']);
  });
});

describe('a credential hidden in the capture', () => {
  it('keeps the scheme before the placeholder and only the placeholder as what was hidden', () => {
    expect(parseAuthorization('Basic ****')).toMatchObject({
      scheme: 'Basic',
      kind: 'basic',
      hidden: '****',
      display: 'Basic "****" (hidden in the capture)',
    });
    expect(parseAuthorization('Custom [REDACTED]')).toMatchObject({ scheme: 'Custom', kind: 'other' });
    expect(parseAuthorization('Bearer [REDACTED]')).toMatchObject({ kind: 'bearer', credentialLength: 10 });
    expect(parseAuthorization('Bearer  [REDACTED]')).toMatchObject({ scheme: 'Bearer', hidden: '[REDACTED]' });
  });

  it('does not take the first word of a placeholder sentence for a scheme', () => {
    expect(parseAuthorization('your api key here')).toMatchObject({
      scheme: null,
      kind: 'none',
      hidden: 'your api key here',
      display: '"your api key here" (hidden in the capture)',
    });
    expect(parseAuthorization('REDACTED VALUE').scheme).toBeNull();
  });

  it('keeps at most 40 characters of a long placeholder', () => {
    expect(parseAuthorization(`Bearer {{${'a'.repeat(50)}}}`).hidden).toHaveLength(40);
  });
});

describe('Proxy-Authorization', () => {
  // RFC 9110 §11.7.2: same credentials syntax, for the proxy.
  it('is read like Authorization and says which header it was', () => {
    const r = parseAuthorization(`Basic ${ALADDIN}`, { header: 'proxy-authorization' });
    expect(r).toMatchObject({ header: 'proxy-authorization', kind: 'basic' });
    expect(parseAuthorization(`Basic ${ALADDIN}`).header).toBe('authorization');
  });
});
