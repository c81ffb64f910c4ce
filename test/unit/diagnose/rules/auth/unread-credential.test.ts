import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import type { Har } from '../../../../../lib/har/types';
import { unreadCredentialRule } from '../../../../../lib/diagnose/rules/auth/unread-credential';
import { makeHar } from '../../../../support/har';
import { API, DATE, makeJwt, ruleCauses } from './support';

// Whether the server read the credential at all (lib/diagnose/rules/auth/unread-credential.ts),
// the rule alone: a token under a scheme word the server does not read is auth.malformed (the
// shape), and a request with no credential that the server answers as if one were wrong is
// auth.missing. Real captures from the lab (test/fixtures/lab: express-jwt 8's
// credentials_bad_scheme, Django REST framework's TokenAuthentication), and hand-built boundaries.

const runHar = (har: Har): Cause[] => ruleCauses(unreadCredentialRule, har);
const lab = (file: string) => runHar(JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har);
function run(entry: Partial<EntrySpec>, more: EntrySpec[] = [], creator?: string): Cause[] {
  const har = makeHar([
    ...more,
    { url: API, status: 401, ...entry, responseHeaders: { Date: DATE, ...entry.responseHeaders } },
  ]);
  if (creator) har.log.creator = { name: creator, version: '1.65.1' };
  return runHar(har);
}

const JWT = makeJwt({ sub: 'u1', exp: Date.parse(DATE) / 1000 + 3600 });
const KEY40 = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'; // DRF's documented token example

describe('a token under a scheme word the server does not read', () => {
  it('express-jwt names the format it reads: the JWT scheme was not read, send Bearer (lab capture)', () => {
    const [c, ...rest] = lab('express/jwt-wrong-scheme.har');
    expect(rest).toEqual([]);
    expect(c!.id).toBe('auth.malformed');
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.title).toBe('The request used the JWT scheme; the server asks for Bearer (the JWT was not read)');
    expect(c!.summary).toMatch(
      /yet the server's message states the format it reads \("Authorization: Bearer \["\)\. It did not read the header/,
    );
    expect(c!.evidence.map((e) => e.detail)).toEqual([
      expect.stringMatching(/^Authorization: JWT /),
      'the server says "Authorization: Bearer ["',
      '401 Unauthorized',
    ]);
    expect(c!.fixes).toEqual(['Send the credential as "Bearer <credential>" (the scheme the server names).']);
  });

  it('DRF challenges for Token and says none was provided to a Bearer request (lab capture)', () => {
    const [c] = lab('django/drf-wrong-scheme.har');
    expect(c!.title).toBe('The request used the Bearer scheme; the server asks for Token (the token was not read)');
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.summary).toContain('the server answered that no credentials were provided');
    expect(c!.evidence.map((e) => e.detail)).toEqual([
      expect.stringMatching(/^Authorization: Bearer /),
      'WWW-Authenticate: Token',
      'the server says "credentials were not provided"',
      '401 Unauthorized',
    ]);
    expect(c!.fixes).toEqual(['Send the credential as "Token <credential>" (the scheme the server names).']);
  });

  it('a challenge for another scheme alone is likely, naming every scheme asked, quoting two', () => {
    const [c] = run({
      requestHeaders: { Authorization: `Bearer ${KEY40}` },
      responseHeaders: { 'WWW-Authenticate': ['Token', 'Basic realm="api"', 'Negotiate'] },
    });
    expect(c!.confidence).toBe(CONFIDENCE.likely);
    expect(c!.title).toBe(
      'The request used the Bearer scheme; the server asks for Token or Basic or Negotiate (the token was not read)',
    );
    expect(c!.summary).toContain('yet the server challenges for Token or Basic or Negotiate.');
    expect(c!.evidence.filter((e) => e.name === 'www-authenticate')).toHaveLength(2);
  });

  it("only the body's head (4000 characters) is read for the server's words", () => {
    const said = (pad: number) =>
      run({
        requestHeaders: { Authorization: `JWT ${JWT}` },
        body: `${' '.repeat(pad)}{"message":"Format is Authorization: Bearer [token]"}`,
        mimeType: 'application/json',
      });
    expect(said(3000)).toHaveLength(1);
    expect(said(4000)).toEqual([]);
    const none = (pad: number) =>
      run({
        requestHeaders: { Authorization: `JWT ${JWT}` },
        body: `${' '.repeat(pad)}{"detail":"Authentication credentials were not provided."}`,
        mimeType: 'application/json',
      });
    expect(none(3000)).toHaveLength(1);
    expect(none(4000)).toEqual([]);
  });

  it('one of several challenges naming the scheme sent is enough: no mismatch', () => {
    expect(
      run({
        requestHeaders: { Authorization: `Bearer ${KEY40}` },
        responseHeaders: { 'WWW-Authenticate': ['Basic realm="api"', 'Bearer realm="api"'] },
      }),
    ).toEqual([]);
  });

  it('a header with only a likely flaw (two spaces after the scheme) is still judged', () => {
    const [c] = run({
      requestHeaders: { Authorization: `Token  ${KEY40}` },
      responseHeaders: { 'WWW-Authenticate': 'Bearer' },
    });
    expect(c!.title).toBe('The request used the Token scheme; the server asks for Bearer (the token was not read)');
  });

  it('the same scheme word in another case is the same scheme', () => {
    expect(
      run({ requestHeaders: { Authorization: `bearer ${KEY40}` }, responseHeaders: { 'WWW-Authenticate': 'Bearer' } }),
    ).toEqual([]);
  });

  it('"no credentials" to a JWT with no challenge: sent but received none', () => {
    const [c] = run({
      requestHeaders: { Authorization: `JWT ${JWT}` },
      body: '{"detail":"Authentication credentials were not provided."}',
      mimeType: 'application/json',
    });
    expect(c!.title).toBe('A JWT was sent (JWT) but the server says it received none');
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.fixes[0]).toMatch(/^Check the API docs for the scheme word it expects/);
  });

  it('a message that the scheme was wrong, naming none: refused, with no scheme advised', () => {
    const [c] = run({
      requestHeaders: { Authorization: `Token ${KEY40}` },
      body: '{"error":"Unsupported authorization scheme"}',
      mimeType: 'application/json',
    });
    expect(c!.title).toBe('The server refused the Token scheme the token was sent under');
    expect(c!.summary).toContain(
      'the server\'s message states the format it reads ("Unsupported authorization scheme")',
    );
    expect(c!.fixes[0]).toMatch(/^Check the API docs/);
  });

  it('a message naming the credential it read (DRF\'s "Invalid token.") means it was read, whatever the challenge', () => {
    expect(
      run({
        requestHeaders: { Authorization: `Bearer ${KEY40}` },
        responseHeaders: { 'WWW-Authenticate': 'Token' },
        body: '{"detail":"Invalid token."}',
        mimeType: 'application/json',
      }),
    ).toEqual([]);
  });

  it('a JWT under a refused scheme, and an opaque token said to be absent, are named as such', () => {
    const refused = run({
      requestHeaders: { Authorization: `JWT ${JWT}` },
      body: '{"error":"invalid_scheme"}',
      mimeType: 'application/json',
    });
    expect(refused[0]!.title).toBe('The server refused the JWT scheme the JWT was sent under');
    const none = run({
      requestHeaders: { Authorization: `Token ${KEY40}` },
      body: '{"detail":"Authentication credentials were not provided."}',
      mimeType: 'application/json',
    });
    expect(none[0]!.title).toBe('A token was sent (Token) but the server says it received none');
  });

  it("express-jwt's format line to a request already under Bearer says nothing about the scheme", () => {
    expect(
      run({
        requestHeaders: { Authorization: `Bearer ${JWT}` },
        body: '{"error":"credentials_bad_format","message":"Format is Authorization: Bearer [token]"}',
        mimeType: 'application/json',
      }),
    ).toEqual([]);
  });

  it('a short opaque value (under 16 characters) is not taken for a token of the right shape', () => {
    const asked = { 'WWW-Authenticate': 'Bearer realm="lab-api"' };
    expect(run({ requestHeaders: { Authorization: 'Token abcdefghijklmno' }, responseHeaders: asked })).toEqual([]);
    expect(run({ requestHeaders: { Authorization: 'Token abcdefghijklmnop' }, responseHeaders: asked })).toHaveLength(
      1,
    );
  });

  it('Basic, Digest and SigV4 credentials, and redacted ones, are not judged here', () => {
    const asked = { 'WWW-Authenticate': 'Bearer' };
    for (const auth of [
      'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", response="8ca523f5e9506fed4657c9700eebdbec"',
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'b'.repeat(64)}`,
      'Token [REDACTED]',
    ])
      expect(run({ requestHeaders: { Authorization: auth }, responseHeaders: asked }), auth).toEqual([]);
  });

  it('a header the malformed rule names (a doubled scheme) is left to it', () => {
    expect(
      run({
        requestHeaders: { Authorization: `Bearer Bearer ${JWT}` },
        responseHeaders: { 'WWW-Authenticate': 'Token' },
      }),
    ).toEqual([]);
  });

  it('only on 400, 401 and 403', () => {
    const e = {
      requestHeaders: { Authorization: `Bearer ${KEY40}` },
      responseHeaders: { 'WWW-Authenticate': 'Token' },
    };
    for (const status of [400, 401, 403]) expect(run({ ...e, status })).toHaveLength(1);
    for (const status of [404, 407, 500]) expect(run({ ...e, status })).toEqual([]);
  });
});

describe('no credential sent, answered as if one were wrong', () => {
  // node-oidc-provider's invalid_token description for a request without a token.
  const none = {
    'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="no access token provided"',
  };
  const withKey: EntrySpec = {
    url: 'https://api.example.com/v1/me',
    status: 200,
    requestHeaders: { Authorization: `Bearer ${KEY40}` },
    responseHeaders: { Date: DATE },
  };

  it('invalid_token with "no access token provided": auth.missing, certain, the server itself says so', () => {
    const [c, ...rest] = run({ responseHeaders: none });
    expect(rest).toEqual([]);
    expect(c!.id).toBe('auth.missing');
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.title).toBe('No credential was sent; the server reports the absent credential as an invalid one');
    expect(c!.evidence.map((e) => e.detail)).toEqual([
      'no Authorization header, API key or cookie',
      'the server itself says no credential came',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="no access token provided"',
      '401',
    ]);
    // No other call carries one to copy from: the endpoint's own documentation says how.
    expect(c!.fixes).toEqual([
      'Send the credential this endpoint asks for with the call (see its documentation for the header).',
    ]);
    const [d] = run({ responseHeaders: none }, [withKey]);
    expect(d!.fixes[0]).toMatch(/^Attach the credential to this call the way the other calls do/);
  });

  it('a bare invalid_token counts only where the capture can show absence: other entries, or a wire writer', () => {
    const bare = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };
    expect(run({ responseHeaders: bare })).toEqual([]);
    expect(run({ responseHeaders: bare }, [withKey])[0]!.evidence[1]!.detail).toBe(
      '1 other entry carries credential headers',
    );
    expect(run({ responseHeaders: bare }, [withKey, withKey])[0]!.evidence[1]!.detail).toBe(
      '2 other entries carry credential headers',
    );
    expect(run({ responseHeaders: bare }, [], 'Playwright')[0]!.evidence[1]!.detail).toBe(
      'written by Playwright, which records every header as sent',
    );
  });

  it('a request that carried a credential, a signed URL or a token-endpoint call is not "none sent"', () => {
    expect(run({ responseHeaders: none, requestHeaders: { Cookie: 'sessionid=abc' } })).toEqual([]);
    expect(
      run({
        url: 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2026-11-21T13:00:00Z&sr=b&sp=r&sig=abc',
        responseHeaders: none,
      }),
    ).toEqual([]);
    expect(
      run({
        method: 'POST',
        url: 'https://auth.example.com/oauth/token',
        requestBody: 'grant_type=client_credentials',
        requestMimeType: 'application/x-www-form-urlencoded',
        responseHeaders: none,
      }),
    ).toEqual([]);
  });

  it('on 401 and 403; on a 400 only with a stated refusal (none-sent-400.test.ts)', () => {
    expect(run({ status: 403, responseHeaders: none })).toHaveLength(1);
    expect(run({ status: 400, responseHeaders: none })).toEqual([]);
  });

  const STRIPE = '{"error":{"message":"Invalid API Key provided: sk_test_****1234","type":"invalid_request_error"}}';

  it("the server's stated reason about a key it received, to a request without one: api_key.missing", () => {
    // Stripe's answer to a bad key (https://docs.stripe.com/error-codes), here to a request with none.
    const [c] = run(
      {
        body: STRIPE,
        mimeType: 'application/json',
      },
      [],
      'Playwright',
    );
    expect(c!.id).toBe('api_key.missing');
    expect(c!.title).toBe('No API key was sent; the server reports the absent key as an invalid one');
    expect(c!.fixes).toEqual([
      'Send the API key this endpoint asks for with the call (see its documentation for the header).',
    ]);
    const [d] = run({ body: STRIPE, mimeType: 'application/json' }, [withKey], 'Playwright');
    expect(d!.fixes).toEqual([
      'Attach the API key to this call the way the other calls do (header or query parameter).',
    ]);
  });

  it('a message that quotes back a value the request sent: a credential went, somewhere', () => {
    const body = '{"detail":"Invalid token: a1b2c3d4e5f6a7b8c9d0e1f2"}';
    const sent = { body, mimeType: 'application/json' };
    expect(run(sent, [], 'Playwright')[0]!.id).toBe('auth.missing');
    expect(run({ ...sent, url: `${API}?st=a1b2c3d4e5f6a7b8c9d0e1f2` }, [], 'Playwright')).toEqual([]);
  });

  it('another error code in the challenge is not read as "invalid"', () => {
    expect(
      run({
        responseHeaders: {
          'WWW-Authenticate': 'Bearer error="invalid_request", error_description="no access token provided"',
        },
      }),
    ).toEqual([]);
  });
});
