import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import { RuleContext } from '../../../../../lib/core/context';
import { LogIndex } from '../../../../../lib/core/log-index';
import type { Cause } from '../../../../../lib/core/causes';
import { diagnose } from '../../../../../lib/diagnose/diagnose';
import { authMissingRule } from '../../../../../lib/diagnose/rules/auth/missing';
import { makeHar } from '../../../../support/har';
import { API, DATE, causesOf } from './support';

// auth.missing as the user reads it: which challenge was answered by nothing, what was sent
// instead, how sure the reading is (printed as a percentage) and what to do. The challenges are
// the RFCs' own examples: RFC 7617 §2 (Basic realm="WallyWorld"), RFC 6750 §3 (Bearer
// realm="example"), RFC 9110 §11.7.1 (Proxy-Authenticate: Basic realm="simple"), and IIS's
// Windows authentication (Negotiate, then NTLM: https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-401-error).

const BEARER = 'Bearer realm="example"';
const BASIC = 'Basic realm="WallyWorld"';

function refused(
  requestHeaders: Record<string, string> = {},
  responseHeaders: Record<string, string | string[]> = {},
  status = 401,
  more: Partial<EntrySpec> = {},
): EntrySpec[] {
  return [{ url: API, status, requestHeaders, responseHeaders: { Date: DATE, ...responseHeaders }, ...more }];
}

/** The rule's own causes for the last entry, before merging with other rules' readings. */
function run(entries: EntrySpec[], creator?: string): Cause[] {
  const har = makeHar(entries);
  if (creator) har.log.creator = { name: creator, version: '6.0.6' };
  const log = new LogIndex(har);
  return authMissingRule.run(new RuleContext(log.exchanges.at(-1)!, log));
}

function cause(entries: EntrySpec[], id = 'auth.missing'): Cause {
  const c = run(entries).find((x) => x.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c;
}

function shownFor(
  entries: EntrySpec[],
  id: string,
): { title: string; summary: string; evidence: string[]; fixes: string[] } {
  const c = cause(entries, id);
  return { title: c.title, summary: c.summary, evidence: c.evidence.map((e) => e.detail), fixes: c.fixes };
}

const missing = (entries: EntrySpec[]): boolean => run(entries).some((c) => c.id === 'auth.missing');

describe('auth.missing after a challenge: which scheme, and the fix for it', () => {
  it('Bearer: the title names it, the evidence quotes the challenge and says no cookies went', () => {
    const c = shownFor(refused({}, { 'WWW-Authenticate': BEARER }), 'auth.missing');
    expect(c.title).toBe('The server asks for Bearer credentials and the request sent none');
    expect(c.summary).toBe(
      'The 401 carries a WWW-Authenticate challenge for Bearer, and the request had no Authorization header or API key or signed URL.',
    );
    expect(c.evidence).toContain('no Authorization header or API key; no cookies');
    expect(c.fixes[0]).toBe(
      'Attach the access token: `Authorization: Bearer <token>`; check that the code path adding it ran for this ' +
        'request (interceptor, base URL, redirect that dropped the header).',
    );
    expect(c.fixes.at(-1)).toBe('Send the credential the API expects (see the challenge and the API docs).');
    expect(cause(refused({}, { 'WWW-Authenticate': BEARER }), 'auth.missing').confidence).toBe(0.8);
  });

  it('Basic: the Basic fix only', () => {
    const c = shownFor(refused({}, { 'WWW-Authenticate': BASIC }), 'auth.missing');
    expect(c.fixes).toEqual([
      'Send `Authorization: Basic base64(user:password)`.',
      'Send the credential the API expects (see the challenge and the API docs).',
    ]);
  });

  it('Negotiate and NTLM: one scheme list, the Windows fix once', () => {
    const c = shownFor(refused({}, { 'WWW-Authenticate': ['Negotiate', 'NTLM'] }), 'auth.missing');
    expect(c.title).toBe('The server asks for Negotiate or NTLM credentials and the request sent none');
    expect(c.fixes.filter((f) => /Windows \(Kerberos\/NTLM\)/.test(f))).toHaveLength(1);
    expect(c.fixes.join('\n')).not.toMatch(/Bearer|Basic/);
    for (const alone of ['Negotiate', 'NTLM'])
      expect(shownFor(refused({}, { 'WWW-Authenticate': alone }), 'auth.missing').fixes[0], alone).toMatch(
        /^The server wants Windows \(Kerberos\/NTLM\) authentication: allow the browser to send it for this host, or use another authentication method\.$/,
      );
  });

  it('a scheme named twice is listed once; three challenges at most are quoted', () => {
    const c = shownFor(
      refused(
        {},
        { 'WWW-Authenticate': ['Bearer realm="a"', 'Bearer realm="b"', BASIC, 'Digest realm="d", nonce="n"'] },
      ),
      'auth.missing',
    );
    expect(c.title).toBe('The server asks for Bearer or Basic or Digest credentials and the request sent none');
    expect(c.evidence.filter((d) => d.startsWith('WWW-Authenticate'))).toHaveLength(3);
  });

  it('four schemes at most in the title; six cookie names and three session cookies at most', () => {
    const c = shownFor(
      refused(
        { Cookie: 'sid=1; session=2; connect.sid=3; JSESSIONID=4; a=5; b=6; c=7' },
        { 'WWW-Authenticate': ['Bearer', 'Basic realm="r"', 'Digest realm="d", nonce="n"', 'Negotiate', 'NTLM'] },
      ),
      'auth.missing',
    );
    expect(c.title).toBe(
      'The server asks for Bearer or Basic or Digest or Negotiate credentials and the request sent none',
    );
    expect(c.evidence).toContain(
      'no Authorization header or API key; cookies sent: sid, session, connect.sid, JSESSIONID, a, b',
    );
    expect(c.summary).toMatch(/ Session cookies were sent \(sid, session, connect\.sid\), but/);
  });

  it('the evidence says where: the challenge in the response, the absent header in the request', () => {
    const c = cause(refused({}, { 'WWW-Authenticate': BEARER }));
    expect(c.evidence).toContainEqual({
      where: 'response.header',
      name: 'www-authenticate',
      detail: 'WWW-Authenticate: Bearer realm="example"',
    });
    expect(c.evidence).toContainEqual({
      where: 'request.header',
      name: 'authorization',
      detail: 'no Authorization header or API key; no cookies',
    });
    const p = cause(refused({}, { 'Proxy-Authenticate': 'Basic realm="simple"' }, 407));
    expect(p.evidence).toContainEqual({
      where: 'response.header',
      name: 'proxy-authenticate',
      detail: 'Proxy-Authenticate: Basic realm="simple"',
    });
    expect(p.evidence).toContainEqual({
      where: 'request.header',
      name: 'proxy-authorization',
      detail: 'no Proxy-Authorization header; no cookies',
    });
  });

  it('cookies that went are named; a session cookie lowers the reading and is said to be the wrong thing', () => {
    const plain = cause(refused({ Cookie: 'theme=dark' }, { 'WWW-Authenticate': BEARER }), 'auth.missing');
    expect(plain.confidence).toBe(0.8);
    expect(plain.evidence.map((e) => e.detail)).toContain('no Authorization header or API key; cookies sent: theme');
    const session = cause(
      refused({ Cookie: 'sessionid=abc123; theme=dark' }, { 'WWW-Authenticate': BEARER }),
      'auth.missing',
    );
    expect(session.confidence).toBe(0.68);
    expect(session.summary).toMatch(
      / Session cookies were sent \(sessionid\), but this challenge asks for something else\.$/,
    );
  });

  it('without a challenge: weaker, and weaker still when some cookie went', () => {
    const none = cause(refused(), 'auth.missing');
    expect(none.title).toBe('The server wants credentials and the request carried none');
    expect(none.summary).toBe(
      '401 means "authenticate first", and the request had no Authorization header or API key, signed URL or session cookie.',
    );
    expect(none.confidence).toBe(0.65);
    expect(cause(refused({ Cookie: 'theme=dark' }), 'auth.missing').confidence).toBe(0.62);
  });

  it('an API key, a credential in Authorization or a signed URL answers the challenge: no auth.missing', () => {
    expect(missing(refused({ 'X-API-Key': 'k-12345678' }, { 'WWW-Authenticate': BEARER }))).toBe(false);
    expect(missing(refused({ Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }))).toBe(false);
    // An S3 presigned URL (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html).
    const signed =
      'https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abcdef0123456789';
    expect(missing(refused({}, {}, 401, { url: signed }))).toBe(false);
  });
});

describe('auth.missing at a proxy (407)', () => {
  it('names the proxy, its challenge and its fix', () => {
    const c = shownFor(refused({}, { 'Proxy-Authenticate': 'Basic realm="simple"' }, 407), 'auth.missing');
    expect(c.title).toBe('The proxy asks for Basic credentials and the request sent none');
    expect(c.summary).toBe(
      'The 407 carries a Proxy-Authenticate challenge for Basic, and the request had no Proxy-Authorization header.',
    );
    expect(c.evidence).toContain('Proxy-Authenticate: Basic realm="simple"');
    expect(c.evidence).toContain('no Proxy-Authorization header; no cookies');
    expect(c.fixes).toEqual([
      'Configure the proxy credentials in the client (Proxy-Authorization), or bypass the proxy for this host.',
    ]);
  });

  it('a 407 without a challenge still names the proxy', () => {
    const c = shownFor(refused({}, {}, 407), 'auth.missing');
    expect(c.title).toBe('The proxy wants credentials and the request carried none');
    expect(c.summary).toBe('407 means "authenticate first", and the request had no Proxy-Authorization header.');
  });

  it('a Proxy-Authorization sent is not missing; an Authorization to the origin does not answer the proxy', () => {
    expect(
      missing(
        refused(
          { 'Proxy-Authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
          { 'Proxy-Authenticate': 'Basic realm="simple"' },
          407,
        ),
      ),
    ).toBe(false);
    expect(
      missing(
        refused(
          { Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
          { 'Proxy-Authenticate': 'Basic realm="simple"' },
          407,
        ),
      ),
    ).toBe(true);
  });
});

describe('auth.missing below a session cookie the browser withheld', () => {
  // The sign-in set a SameSite=Strict session cookie; the cross-site call went without it
  // (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value).
  const signIn: EntrySpec = {
    method: 'POST',
    url: 'https://api.shop.example/login',
    status: 200,
    requestHeaders: { Origin: 'https://api.shop.example' },
    responseHeaders: { Date: DATE, 'Set-Cookie': 'sid=abc; Path=/; Secure; HttpOnly; SameSite=Strict' },
  };
  const later = (status: number, headers: Record<string, string> = {}): EntrySpec => ({
    url: 'https://api.shop.example/me',
    status,
    requestHeaders: { Origin: 'https://shop.example', 'Sec-Fetch-Site': 'cross-site' },
    responseHeaders: { Date: DATE, ...headers },
  });

  it('at 401 the withheld cookie is the better story: "missing" stays at 50 % or below', () => {
    expect(cause([signIn, later(401, { 'WWW-Authenticate': BEARER })]).confidence).toBe(0.5);
    expect(cause([later(401, { 'WWW-Authenticate': BEARER })]).confidence).toBe(0.8);
  });

  it('at 403 it falls to 35 % (42 % without the withheld cookie)', () => {
    expect(cause([signIn, later(403)]).confidence).toBe(0.35);
    expect(cause([later(403)]).confidence).toBe(0.42);
    // A withheld cookie that names no session (a preference) tells nothing about the credential.
    const theme = {
      ...signIn,
      responseHeaders: { Date: DATE, 'Set-Cookie': 'theme=dark; Path=/; Secure; SameSite=Strict' },
    };
    expect(cause([theme, later(403)]).confidence).toBe(0.42);
  });
});

describe('auth.missing when the server speaks of a credential it received', () => {
  it('"Invalid access token" in the body: the capture dropped the header, the reading falls to 50 %', () => {
    // An RFC 6749 §5.2 error body, as Spring Authorization Server and Keycloak send it.
    const body = JSON.stringify({ error: 'invalid_token', error_description: 'The access token expired' });
    const c = cause(
      refused({}, { 'WWW-Authenticate': BEARER, 'Content-Type': 'application/json' }, 401, {
        body,
        mimeType: 'application/json',
      }),
      'auth.missing',
    );
    expect(c.confidence).toBeLessThanOrEqual(0.5);
    expect(c.summary).toMatch(
      /Yet the server's message speaks of a credential it received \(.+\): the capture probably left the header out\.$/,
    );
  });
});

describe('auth.missing in a capture that cannot show an absence', () => {
  const other = (path: string): EntrySpec => ({
    url: `https://api.example.com${path}`,
    status: 200,
    responseHeaders: { Date: DATE },
  });

  it('a sanitized export (three calls, none with a credential): 12 points lower, and the fix says re-export', () => {
    const alone = cause(refused({}, { 'WWW-Authenticate': BEARER }));
    const c = cause([other('/a'), other('/b'), ...refused({}, { 'WWW-Authenticate': BEARER })]);
    expect(c.confidence).toBeCloseTo(alone.confidence - 0.12, 10);
    expect(c.summary).toMatch(/if it was saved with "Export HAR \(sanitized\)", those headers were removed/);
    expect(c.fixes.at(-1)).toBe(
      'Re-export the HAR with sensitive data included (DevTools: "Export HAR (with sensitive data)"), ' +
        'or capture in the Why403 panel, then diagnose again.',
    );
    expect(c.summary).toMatch(
      / No request in this capture carries Cookie or Authorization and no response sets a cookie: if it was saved with "Export HAR \(sanitized\)", those headers were removed and their absence proves nothing\.$/,
    );
    // Two calls are too few to tell.
    expect(cause([other('/a'), ...refused({}, { 'WWW-Authenticate': BEARER })]).confidence).toBe(alone.confidence);
  });

  it('a Polly.JS recording: the credential was scrubbed, so "refused" is offered, capped at 55 %', () => {
    const out = run(refused({}, { 'WWW-Authenticate': BEARER }), 'Polly.JS');
    expect(out.map((c) => c.id)).toEqual(['auth.missing', 'auth.invalid']);
    const invalid = out[1]!;
    expect(invalid.confidence).toBe(0.55);
    // What the user reads first, after every rule: with no challenge the scrubbed credential
    // (recorder.test.ts); a bare Bearer challenge is the server's own "you sent none" (RFC 6750
    // §3.1: no error code when the request lacks authentication), so "missing" keeps first place.
    const first = (headers: Record<string, string>): string => {
      const har = makeHar(refused({}, headers));
      har.log.creator = { name: 'Polly.JS', version: '6.0.6' };
      return diagnose(har, { all: true })[0]!.causes[0]!.id;
    };
    expect(first({})).toBe('auth.invalid');
    expect(first({ 'WWW-Authenticate': BEARER })).toBe('auth.missing');
    expect(invalid.summary).toMatch(/^This HAR was written by Polly\.JS, a test recorder/);
    expect(invalid.title).toBe('The credential the client sent was refused (the recorder removed it from the capture)');
    expect(invalid.summary).toBe(
      'This HAR was written by Polly.JS, a test recorder whose users remove credential headers before committing; ' +
        'no entry in it keeps one. The client most likely authenticated and the server answered 401.',
    );
    expect(invalid.evidence).toContainEqual({ where: 'log', name: 'creator', detail: 'HAR creator: Polly.JS' });
    expect(invalid.fixes).toEqual([
      'Check that the credential belongs to this environment and service, then replay with a fresh one.',
    ]);
    // A recorder's 407 is the proxy's: nothing scrubbed there.
    expect(
      run(refused({}, { 'Proxy-Authenticate': 'Basic realm="simple"' }, 407), 'Polly.JS').map((c) => c.id),
    ).toEqual(['auth.missing']);
  });
});

describe('auth.missing to a 403: an anonymous API call', () => {
  it('an XHR too; a challenge makes it stronger', () => {
    expect(cause(refused({}, {}, 403, { resourceType: 'xhr' }), 'auth.missing').confidence).toBe(0.42);
    const c = cause(refused({}, { 'WWW-Authenticate': BEARER }, 403), 'auth.missing');
    expect(c.confidence).toBe(0.7);
    expect(c.evidence.map((e) => e.detail)).toContain('WWW-Authenticate: Bearer realm="example"');
    expect(c.title).toBe('The API refused an anonymous request (403, no credentials at all)');
    expect(c.summary).toBe(
      'The call carried no Authorization header, API key or cookie. Many frameworks answer 403 rather than 401 to ' +
        'anonymous users, so the likeliest reading is that the client did not authenticate.',
    );
    expect(c.evidence).toContainEqual({
      where: 'request.header',
      name: 'authorization',
      detail: 'no Authorization header, API key or cookie',
    });
    expect(c.fixes).toEqual([
      'Check that the client attaches its credential (token, key or session cookie) to this call.',
    ]);
    // Two challenges at most are quoted.
    const three = cause(refused({}, { 'WWW-Authenticate': [BEARER, BASIC, 'Negotiate'] }, 403));
    expect(three.evidence.filter((e) => e.name === 'www-authenticate')).toHaveLength(2);
    // A page load is not an API call.
    expect(missing(refused({}, {}, 403, { resourceType: 'document' }))).toBe(false);
  });

  it('a 403 that is a rate limit (GitHub: x-ratelimit-remaining 0, or Retry-After) is not a missing credential', () => {
    // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
    const github = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1795262650' };
    expect(missing(refused({}, github, 403))).toBe(false);
    expect(missing(refused({}, { 'Retry-After': '60' }, 403))).toBe(false);
  });

  it('a cookie or an API key makes it something other than anonymous', () => {
    expect(missing(refused({ Cookie: 'theme=dark' }, {}, 403))).toBe(false);
    expect(missing(refused({ 'X-API-Key': 'k-12345678' }, {}, 403))).toBe(false);
  });
});

describe('auth.missing leaves token endpoints alone', () => {
  it('a 401 from an OAuth token endpoint carries its credentials in the body', () => {
    const token: EntrySpec = {
      method: 'POST',
      url: 'https://login.example.com/oauth2/token',
      status: 401,
      requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
      requestBody: 'grant_type=client_credentials&client_id=app&client_secret=s3cr3t',
      requestMimeType: 'application/x-www-form-urlencoded',
      responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Basic realm="token"' },
    };
    expect(missing([token])).toBe(false);
    expect(causesOf([token]).length).toBeGreaterThan(0);
  });
});
