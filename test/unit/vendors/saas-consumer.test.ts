import { describe, expect, it } from 'vitest';
import { SIGNATURE_SAMPLES } from '../../../lib/vendors/samples';
import { BEARER, diagnoseOne as one, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';

// The rows of lib/vendors/saas-consumer.ts, codes/facebook.ts and codes/keycloak.ts: each names its
// cause on the vendor's documented body, and stays quiet on the look-alikes around it.

/** A sample replayed at another URL (same status, headers, request and body). */
function sampleAt(id: string, url: string): EntrySpec {
  const s = SIGNATURE_SAMPLES[id]!;
  return { url, status: s.status, body: s.body, requestHeaders: { ...s.request }, responseHeaders: { ...s.headers } };
}

describe('Dropbox, Spotify, Shopify, X and HubSpot signatures', () => {
  it.each([
    ['dropbox.expired_access_token', 'auth.token_expired'],
    ['dropbox.missing_scope', 'permission.insufficient_scope'],
    ['spotify.insufficient_scope', 'permission.insufficient_scope'],
    ['shopify.merchant_approval', 'permission.insufficient_scope'],
    ['x.client_not_enrolled', 'api_key.restricted'],
    ['x.usage_capped', 'quota.exceeded'],
    ['hubspot.expired_authentication', 'auth.token_expired'],
  ])('%s is the top cause: %s', (id, cause) => {
    const s = SIGNATURE_SAMPLES[id]!;
    expect(one(sampleAt(id, s.url!)).top).toBe(cause);
  });

  it('reads the same bodies nowhere but on the vendor host', () => {
    for (const id of [
      'dropbox.missing_scope',
      'spotify.insufficient_scope',
      'x.usage_capped',
      'hubspot.missing_scopes',
    ])
      expect(signatureIds(sampleAt(id, 'https://api.example.com/v1/thing'))).not.toContain(id);
  });

  it('does not read a Dropbox route error (409 path/not_found) as a refusal', () => {
    const body = '{"error_summary": "path/not_found/..", "error": {".tag": "path", "path": {".tag": "not_found"}}}';
    const { d } = one({
      url: 'https://api.dropboxapi.com/2/files/list_folder',
      status: 409,
      body,
      requestHeaders: BEARER,
    });
    expect(d.flagged).toBe(false);
  });

  it('leaves a Spotify 404 and a 200 that quotes the wording alone', () => {
    const notFound = one({
      url: 'https://api.spotify.com/v1/tracks/x',
      status: 404,
      body: '{"error":{"status":404,"message":"Non existing id"}}',
      requestHeaders: BEARER,
    });
    expect(notFound.d.flagged).toBe(false);
    const quoted = one({
      url: 'https://api.spotify.com/v1/playlists/x',
      status: 200,
      body: '{"name":"errors","description":"\\"message\\": \\"The access token expired\\""}',
      requestHeaders: BEARER,
    });
    expect(quoted.d.flagged).toBe(false);
  });

  it('keeps an expired Spotify token apart from a missing one', () => {
    const url = 'https://api.spotify.com/v1/me';
    const noToken = '{"error":{"status":401,"message":"No token provided"}}';
    expect(one({ url, status: 401, body: noToken }).top).toBe('auth.missing');
    // "No token provided" while a token was sent is not this row's reading.
    expect(signatureIds({ url, status: 401, body: noToken, requestHeaders: BEARER })).not.toContain('spotify.no_token');
  });

  it('reads an X rate limit as a rate limit, not the monthly cap', () => {
    const body = '{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}';
    const { top } = one({ url: 'https://api.x.com/2/tweets', status: 429, body, requestHeaders: BEARER });
    expect(top).toBe('rate_limit.exceeded');
  });

  it('does not flag a HubSpot validation error', () => {
    const body =
      '{"status":"error","message":"Property values were not valid","correlationId":"1","category":"VALIDATION_ERROR"}';
    expect(
      one({ url: 'https://api.hubapi.com/crm/v3/objects/contacts', status: 400, body, requestHeaders: BEARER }).d
        .flagged,
    ).toBe(false);
  });

  it("reads Shopify's other 403s without the scope reading", () => {
    const body = '{"errors":"Unavailable Shop"}';
    expect(
      signatureIds({ url: 'https://acme.myshopify.com/admin/api/2024-01/shop.json', status: 403, body }),
    ).not.toContain('shopify.merchant_approval');
  });
});

// https://developers.facebook.com/docs/graph-api/guides/error-handling: Graph answers most refusals with 400.
describe('Meta Graph API codes', () => {
  const GRAPH = 'https://graph.facebook.com/v19.0/me';
  const graph = (code: number, message: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AbCdEf' } });

  it.each([
    [
      graph(
        190,
        'Error validating access token: Session has expired on Friday, 09-Feb-24 08:00:00 PST. The current time is Friday, 09-Feb-24 09:12:44 PST.',
        { error_subcode: 463 },
      ),
      'auth.token_expired',
    ],
    [graph(190, 'Invalid OAuth access token - Cannot parse access token'), 'auth.invalid'],
    [graph(4, '(#4) Application request limit reached', { is_transient: true }), 'rate_limit.exceeded'],
    [graph(613, 'Calls to this api have exceeded the rate limit.'), 'rate_limit.exceeded'],
    [graph(10, '(#10) Application does not have permission for this action'), 'permission.insufficient_scope'],
  ])('flags a 400 %s as %s', (body, cause) => {
    const { d, top } = one({ url: GRAPH, status: 400, body, requestHeaders: BEARER });
    expect(d.flagged).toBe(true);
    expect(top).toBe(cause);
  });

  it('reads "an active access token must be used" without a token as auth.missing', () => {
    const body = graph(2500, 'An active access token must be used to query information about the current user.');
    expect(one({ url: GRAPH, status: 400, body }).top).toBe('auth.missing');
  });

  it('leaves parameter errors and other hosts alone', () => {
    const invalidParam = JSON.stringify({
      error: {
        message: '(#100) Tried accessing nonexisting field (x)',
        type: 'OAuthException',
        code: 100,
        fbtrace_id: 'A',
      },
    });
    expect(one({ url: GRAPH, status: 400, body: invalidParam, requestHeaders: BEARER }).d.flagged).toBe(false);
    // The same numbers mean nothing on an API that is not Meta's.
    const elsewhere = JSON.stringify({ error: { message: 'Too many widgets', code: 4 } });
    expect(one({ url: 'https://api.example.com/v1/widgets', status: 400, body: elsewhere }).d.flagged).toBe(false);
  });
});

describe('Keycloak token endpoint', () => {
  const TOKEN = 'https://sso.example.com/realms/acme/protocol/openid-connect/token';
  const grant = (description: string) =>
    one({
      method: 'POST',
      url: TOKEN,
      status: 400,
      body: JSON.stringify({ error: 'invalid_grant', error_description: description }),
      requestBody: 'grant_type=refresh_token&refresh_token=eyJhbGciOiJIUzI1NiJ9.e30.x&client_id=web',
      requestMimeType: 'application/x-www-form-urlencoded',
    });

  it('reads a lapsed session as an expired token', () => {
    expect(grant('Token is not active').top).toBe('auth.token_expired');
    expect(grant('Session not active').top).toBe('auth.token_expired');
  });

  it('keeps a wrong password and a bad code as invalid', () => {
    expect(grant('Invalid user credentials').top).toBe('auth.invalid');
    expect(grant('Code not valid').top).toBe('auth.invalid');
  });
});
