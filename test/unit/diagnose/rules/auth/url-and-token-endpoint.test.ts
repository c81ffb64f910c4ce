import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import type { Rule } from '../../../../../lib/core/context';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import { signedUrlExpiredRule } from '../../../../../lib/diagnose/rules/auth/signed-url';
import { tokenEndpointRule } from '../../../../../lib/diagnose/rules/auth/token-endpoint';
import { DATE, answered, ruleCauses } from './support';

// Two credentials that do not travel in an Authorization header, each rule alone: a signed URL
// whose own window is over (signed_url.expired; the AWS documentation's presigned GET,
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html, and an Azure SAS),
// and a refused call to an OAuth token endpoint (RFC 6749 §4.1.3 and §6's example requests), where
// the client's credentials and the grant are in the body. DATE is 2026-11-21T12:04:10Z.

const CLOCK = Date.parse(DATE);

const run = (rule: Pick<Rule, 'run'>, entry: Partial<EntrySpec>): Cause[] =>
  ruleCauses(rule, answered(403, { url: 'https://api.example.com/', ...entry }));

const amz = (ms: number) => new Date(CLOCK + ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
/** Signed `signedAgo` ms before the Date, valid `expires` seconds. */
const presigned = (signedAgo: number, expires: number) =>
  'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request' +
  `&X-Amz-Date=${amz(-signedAgo)}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host` +
  '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

describe('signed_url.expired', () => {
  it('says how long ago the window closed, when it was signed and for how long', () => {
    const [c, ...rest] = run(signedUrlExpiredRule, { url: presigned(2 * 3600_000, 3600) });
    expect(rest).toEqual([]);
    expect(c!.title).toBe('The presigned S3/AWS URL (SigV4) expired 1 h before the request');
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus7);
    expect(c!.summary).toBe(
      "The URL carries its own expiry, 2026-11-21T11:04:10Z, and the response's Date is later. " +
        'It was signed at 2026-11-21T10:04:10Z with a validity of 1 h. The signature itself may be fine; its time window is over.',
    );
    expect(c!.evidence).toEqual([
      {
        where: 'request.query',
        detail: `x-amz-date=${amz(-2 * 3600_000)}&x-amz-expires=3600 → expires 2026-11-21T11:04:10Z < Date 2026-11-21T12:04:10Z`,
      },
      { where: 'response.status', detail: '403' },
    ]);
    expect(c!.fixes[0]).toMatch(/^Generate a fresh signed URL right before it is used/);
  });

  it('expiring exactly at the Date is expired "just" before; a second later it is still valid', () => {
    expect(run(signedUrlExpiredRule, { url: presigned(3600_000, 3600) })[0]!.title).toBe(
      'The presigned S3/AWS URL (SigV4) expired just before the request',
    );
    expect(run(signedUrlExpiredRule, { url: presigned(3600_000, 3601) })).toEqual([]);
  });

  it('an Azure SAS past its se: no signing time to quote', () => {
    const [c] = run(signedUrlExpiredRule, {
      url: 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&st=2026-11-21T10:00:00Z&se=2026-11-21T11:00:00Z&sr=b&sp=r&sig=abc',
    });
    expect(c!.title).toBe('The Azure shared access signature (SAS) expired 1 h 4 min before the request');
    expect(c!.summary).toBe(
      "The URL carries its own expiry, 2026-11-21T11:00:00Z, and the response's Date is later. " +
        'The signature itself may be fine; its time window is over.',
    );
  });

  it('against the request start (no response Date) it is less sure, and says which clock', () => {
    const [c] = run(signedUrlExpiredRule, {
      url: presigned(2 * 3600_000, 3600),
      responseHeaders: {},
      startedDateTime: new Date(CLOCK).toISOString(),
    });
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus22);
    expect(c!.summary).toContain("and the request's start time (the response had no Date header) is later.");
  });

  it('only on 400, 401, 403, and only for a signed URL', () => {
    for (const status of [400, 401, 403])
      expect(run(signedUrlExpiredRule, { status, url: presigned(2 * 3600_000, 3600) })).toHaveLength(1);
    for (const status of [404, 500])
      expect(run(signedUrlExpiredRule, { status, url: presigned(2 * 3600_000, 3600) })).toEqual([]);
    expect(run(signedUrlExpiredRule, { url: 'https://api.example.com/x?expires=soon' })).toEqual([]);
  });
});

describe('a refused call to an OAuth token endpoint', () => {
  const code = {
    method: 'POST',
    url: 'https://server.example.com/token',
    requestHeaders: { Authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' },
    requestBody:
      'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb',
    requestMimeType: 'application/x-www-form-urlencoded',
    status: 400,
  };
  const refresh = { ...code, requestBody: 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA' };

  it("an authorization code: the client's credentials or the grant, with both named", () => {
    const [c, ...rest] = run(tokenEndpointRule, code);
    expect(rest).toEqual([]);
    expect(c!.id).toBe('auth.invalid');
    expect(c!.confidence).toBe(CONFIDENCE.possible);
    expect(c!.title).toBe("The token endpoint refused the client's credentials or the grant");
    expect(c!.summary).toMatch(
      /^This is a call to an OAuth token endpoint \(grant_type=authorization_code in the request body\); its credentials are the client's \(client authenticated with HTTP Basic\) and the grant itself \(authorization_code\)\. One of them was refused/,
    );
    expect(c!.evidence[0]).toEqual({
      where: 'request.body',
      name: 'grant_type',
      detail:
        'OAuth token request: grant_type=authorization_code in the request body; client authenticated with HTTP Basic',
    });
    expect(c!.fixes[1]).toBe(
      'Check client_id, client_secret and redirect_uri against the app registration for this environment.',
    );
  });

  it('a refresh token: sign in again and keep the rotated one', () => {
    const [c] = run(tokenEndpointRule, refresh);
    expect(c!.title).toBe('The token endpoint refused the refresh token or the client credentials');
    expect(c!.fixes[1]).toMatch(/^Sign the user in again to get a new refresh token/);
  });

  it('names how the client authenticated: a secret in the body, an assertion, or nothing seen', () => {
    const detail = (body: string) =>
      run(tokenEndpointRule, { ...code, requestHeaders: {}, requestBody: body })[0]!.evidence[0]!.detail;
    expect(detail('grant_type=client_credentials&client_id=a&client_secret=b')).toMatch(
      /; client_secret in the request body$/,
    );
    expect(detail('grant_type=client_credentials&client_assertion_type=x&client_assertion=eyJ.x.y')).toMatch(
      /; client_assertion \(signed JWT\) in the request body$/,
    );
    expect(detail('grant_type=client_credentials&client_id=a')).toMatch(/; no client authentication seen/);
  });

  it('a POST to a token path without a grant_type: the path is why, no grant named', () => {
    const [c] = run(tokenEndpointRule, { ...code, requestBody: '' });
    expect(c!.summary).toMatch(
      /\(POST to \/token\); its credentials are the client's \(client authenticated with HTTP Basic\) and the grant itself\. /,
    );
  });

  it('a hidden client secret is noted', () => {
    const [c] = run(tokenEndpointRule, { ...code, requestHeaders: { Authorization: 'Basic [REDACTED]' } });
    expect(c!.evidence.map((e) => e.name ?? e.where)).toEqual(['grant_type', 'response.status', 'hidden']);
  });

  it('only on 400, 401, 403, and only for a token request', () => {
    for (const status of [400, 401, 403]) expect(run(tokenEndpointRule, { ...code, status })).toHaveLength(1);
    for (const status of [404, 429, 500]) expect(run(tokenEndpointRule, { ...code, status })).toEqual([]);
    expect(run(tokenEndpointRule, { ...code, method: 'GET', requestBody: undefined })).toEqual([]);
  });
});
