import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../../lib/core/context';
import { LogIndex } from '../../../../../lib/core/log-index';
import type { Cause } from '../../../../../lib/core/causes';
import { authMalformedRule } from '../../../../../lib/diagnose/rules/auth/malformed';
import { makeHar, type EntrySpec } from '../../../../support/har';
import { API, DATE, makeJwt, sec } from './support';

// auth.malformed as the user reads it: which problem comes first, how sure (printed as a
// percentage), and what to fix. The rule alone, before other rules' readings merge with it.
// Challenges: RFC 6750 §3 (Bearer), Django REST framework's TokenAuthentication ("Token",
// https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication), RFC 7617
// (Basic realm="WallyWorld"), RFC 9110 §11.7.1 (Proxy-Authenticate: Basic realm="simple").

const jwt = makeJwt({ sub: 'u1', iat: sec('2026-11-21T12:00:00Z'), exp: sec('2026-11-21T13:00:00Z') });
const KEY = 'a8f5f167f44f4964e6c998dee827110c';

function run(
  requestHeaders: Record<string, string>,
  responseHeaders: Record<string, string | string[]> = {},
  status = 401,
): Cause[] {
  const entries: EntrySpec[] = [
    { url: API, status, requestHeaders, responseHeaders: { Date: DATE, ...responseHeaders } },
  ];
  const log = new LogIndex(makeHar(entries));
  return authMalformedRule.run(new RuleContext(log.exchanges[0]!, log));
}

function only(...args: Parameters<typeof run>): Cause {
  const out = run(...args);
  expect(out).toHaveLength(1);
  return out[0]!;
}

const percent = (...args: Parameters<typeof run>): number => Math.round(only(...args).confidence * 100);

describe('a credential with no scheme', () => {
  it('a bare JWT: 85 % when the server asks for Bearer (or Token, Basic, DPoP), 72 % when it does not say', () => {
    expect(percent({ Authorization: jwt }, { 'WWW-Authenticate': 'Bearer realm="example"' })).toBe(85);
    expect(percent({ Authorization: jwt }, { 'WWW-Authenticate': 'DPoP algs="ES256"' })).toBe(85);
    expect(percent({ Authorization: jwt })).toBe(72);
    // A scheme the token could not be meant for does not count as asking.
    expect(percent({ Authorization: jwt }, { 'WWW-Authenticate': 'Negotiate' })).toBe(72);
  });

  it('a bare opaque key: 75 % when asked for a token scheme, 50 % when not (some gateways want raw keys)', () => {
    expect(percent({ Authorization: KEY }, { 'WWW-Authenticate': 'Token' })).toBe(75);
    expect(percent({ Authorization: KEY }, { 'WWW-Authenticate': 'Basic realm="WallyWorld"' })).toBe(75);
    expect(percent({ Authorization: KEY })).toBe(50);
    const c = only({ Authorization: KEY });
    expect(c.fixes).toEqual([
      'Prefix the credential with its scheme, e.g. "Authorization: Bearer <token>" (unless the API documents a raw key in Authorization).',
    ]);
  });
});

describe('which problem the title names, and at which status', () => {
  it('several problems: the surest names the title, all are listed in that order, each fix once', () => {
    const c = only({ Authorization: ' Bearer undefined' });
    expect(c.title).toBe(
      'The Authorization header is malformed: the credential is the literal "undefined": the client stringified a missing token',
    );
    expect(c.summary).toBe(
      'The server could not read the credential: the credential is the literal "undefined": the client stringified a missing token; ' +
        'the value has leading or trailing whitespace.',
    );
    expect(c.confidence).toBe(0.92);
    expect(c.fixes).toHaveLength(2);
    expect(c.fixes[0]).toMatch(/^The token variable was empty/);
    expect(c.fixes[1]).toBe('Remove the whitespace inside/around the credential (trim the token, join wrapped lines).');
    expect(c.evidence.map((e) => e.detail).slice(1, 3)).toEqual([
      'the credential is the literal "undefined": the client stringified a missing token',
      'the value has leading or trailing whitespace',
    ]);
  });

  it('stray whitespace around the value is a weak reading (50 %); inside Basic credentials it is not (85 %)', () => {
    expect(percent({ Authorization: `Bearer ${jwt} ` })).toBe(50);
    expect(percent({ Authorization: 'Basic QWxhZGRpbjpv cGVuIHNlc2FtZQ==' })).toBe(85);
  });

  it('characters a bearer token may not hold (RFC 6750 b64token): 55 %', () => {
    expect(percent({ Authorization: 'Bearer abc,def;ghi' })).toBe(55);
  });

  it('the same shape at 400 or 403 is 8 points less sure than at 401 or 407', () => {
    expect(percent({ Authorization: 'Bearer undefined' })).toBe(92);
    expect(percent({ Authorization: 'Bearer undefined' }, {}, 407)).toBe(92);
    expect(percent({ Authorization: 'Bearer undefined' }, {}, 403)).toBe(84);
    expect(percent({ Authorization: 'Bearer undefined' }, {}, 400)).toBe(84);
    expect(run({ Authorization: 'Bearer undefined' }, {}, 404)).toEqual([]);
    expect(run({ Authorization: 'Bearer undefined' }, {}, 500)).toEqual([]);
  });

  it('a well-formed credential is not malformed', () => {
    expect(run({ Authorization: `Bearer ${jwt}` }, { 'WWW-Authenticate': 'Bearer realm="example"' })).toEqual([]);
  });
});

describe('the scheme the server does not read', () => {
  it('Bearer sent, Token asked (twice): 66 %, the fix names Token once', () => {
    const c = only({ Authorization: `Bearer ${jwt}` }, { 'WWW-Authenticate': ['Token', 'Token realm="api"'] });
    expect(c.confidence).toBe(0.66);
    expect(c.title).toBe('The request used the Bearer scheme; the server asks for Token');
    expect(c.summary).toBe(
      'The challenge lists Token, and the request authenticated with Bearer. The server does not read credentials in this scheme here.',
    );
    expect(c.fixes).toEqual([
      'Send the credential with the scheme the server asks for (Token), e.g. "Token <credentials>".',
    ]);
    expect(c.evidence.map((e) => e.detail)).toContain('WWW-Authenticate: Token realm="api"');
  });

  it('two schemes asked: both named; at most three challenges quoted', () => {
    const c = only(
      { Authorization: `Bearer ${jwt}` },
      { 'WWW-Authenticate': ['Token', 'Basic realm="a"', 'Basic realm="b"', 'Basic realm="c"'] },
    );
    expect(c.title).toBe('The request used the Bearer scheme; the server asks for Token or Basic');
    expect(c.evidence.filter((e) => e.name === 'www-authenticate')).toHaveLength(3);
  });

  it('the scheme in another case is the same scheme; a 403 challenge or a certain shape problem says nothing of it', () => {
    expect(run({ Authorization: `Bearer ${jwt}` }, { 'WWW-Authenticate': 'bearer' })).toEqual([]);
    expect(run({ Authorization: `Bearer ${jwt}` }, { 'WWW-Authenticate': 'Token' }, 403)).toEqual([]);
    const quoted = run({ Authorization: `Bearer "${jwt}"` }, { 'WWW-Authenticate': 'Token' });
    expect(quoted.map((c) => c.title)).toEqual([
      'The Authorization header is malformed: the credential is wrapped in quotes, which are sent as part of it',
    ]);
  });

  it('a likely-only shape problem still lets the scheme mismatch speak', () => {
    const out = run({ Authorization: `Bearer  ${jwt}` }, { 'WWW-Authenticate': 'Token' });
    expect(out.map((c) => c.title)).toEqual([
      'The Authorization header is malformed: more than one space between the scheme and the credentials',
      'The request used the Bearer scheme; the server asks for Token',
    ]);
  });
});

describe('error="invalid_request" (RFC 6750 §3.1)', () => {
  it('says the request could not be parsed, at 80 %, quoting the challenge', () => {
    const out = run(
      { Authorization: `Bearer ${jwt}` },
      { 'WWW-Authenticate': 'Bearer realm="example", error="invalid_request", error_description="token sent twice"' },
    );
    const c = out.find((x) => x.title.includes('invalid_request'))!;
    expect(c.title).toBe('The server could not parse the authenticated request (error="invalid_request")');
    expect(c.confidence).toBe(0.8);
    expect(c.evidence[0]!.detail).toMatch(/^WWW-Authenticate: Bearer realm="example", error="invalid_request"/);
    expect(c.fixes).toEqual([
      'Send the token one way only (the Authorization header), and check the request parameters the API requires.',
    ]);
    expect(run({ Authorization: `Bearer ${jwt}` }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' })).toEqual([]);
  });
});

describe('Proxy-Authorization at a 407', () => {
  it('a shape problem names the Proxy-Authorization header', () => {
    const c = only({ 'Proxy-Authorization': 'Basic null' }, { 'Proxy-Authenticate': 'Basic realm="simple"' }, 407);
    expect(c.title).toMatch(/^The Proxy-Authorization header is malformed: /);
  });

  it('a scheme the proxy does not ask for quotes the Proxy-Authenticate challenge', () => {
    const c = only({ 'Proxy-Authorization': `Bearer ${jwt}` }, { 'Proxy-Authenticate': 'Basic realm="simple"' }, 407);
    expect(c.title).toBe('The request used the Bearer scheme; the server asks for Basic');
    expect(c.evidence).toContainEqual({
      where: 'response.header',
      name: 'proxy-authenticate',
      detail: 'Proxy-Authenticate: Basic realm="simple"',
    });
  });

  it('a Proxy-Authorization problem at 401 is not what the origin refused', () => {
    expect(run({ 'Proxy-Authorization': 'Basic null' }, { 'Proxy-Authenticate': 'Basic realm="simple"' })).toEqual([]);
  });
});
