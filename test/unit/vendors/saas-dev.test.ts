import { describe, expect, it } from 'vitest';
import { SIGNATURE_SAMPLES } from '../../../lib/vendors/samples';
import { BEARER, diagnoseOne as one, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';

// The rows of lib/vendors/saas-dev.ts and codes/zoom.ts: the vendor's body names the cause, the
// request decides between "none sent" and "refused", and look-alikes stay quiet.
function sample(id: string, over: Partial<EntrySpec> = {}): EntrySpec {
  const s = SIGNATURE_SAMPLES[id]!;
  return { url: s.url!, status: s.status, body: s.body, requestHeaders: { ...s.request }, ...over };
}

describe('developer-platform signatures', () => {
  it.each([
    ['twitch.missing_scope', 'permission.insufficient_scope'],
    ['postmark.no_token', 'api_key.missing'],
    ['postmark.wrong_token', 'api_key.invalid'],
    ['algolia.invalid_key', 'api_key.invalid'],
    ['algolia.no_key', 'api_key.missing'],
    ['algolia.acl', 'api_key.restricted'],
    ['figma.invalid_token', 'auth.invalid'],
    ['figma.no_token', 'auth.missing'],
    ['vercel.invalid_token', 'auth.invalid'],
    ['vercel.missing_token', 'auth.missing'],
    ['asana.invalid_token', 'auth.invalid'],
    ['asana.no_token', 'auth.missing'],
  ])('%s is the top cause: %s', (id, cause) => {
    expect(one(sample(id)).top).toBe(cause);
  });

  it('counts the key Algolia browser clients send in the query string', () => {
    const url =
      'https://latency-dsn.algolia.net/1/indexes/*/queries?x-algolia-api-key=6be0576ff61c053d5f9a3225e2a90f76&x-algolia-application-id=LATENCY';
    expect(one(sample('algolia.no_key', { url, method: 'POST' })).top).toBe('api_key.invalid');
  });

  it('counts a Postmark server token as a key sent', () => {
    const request = { 'X-Postmark-Server-Token': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
    expect(one(sample('postmark.no_token', { requestHeaders: request })).top).toBe('api_key.invalid');
  });

  it('reads the wording only on the vendor host', () => {
    for (const id of [
      'algolia.acl',
      'vercel.invalid_token',
      'figma.invalid_token',
      'twitch.missing_scope',
      'asana.no_token',
    ])
      expect(signatureIds(sample(id, { url: 'https://api.example.com/v1/x' }))).not.toContain(id);
  });

  it('does not read a Vercel 404 or a Figma 404 as a refusal', () => {
    const vercel = '{"error":{"code":"not_found","message":"Project not found"}}';
    expect(
      one({ url: 'https://api.vercel.com/v9/projects/x', status: 404, body: vercel, requestHeaders: BEARER }).d.flagged,
    ).toBe(false);
    const figma = '{"status":404,"err":"Not found"}';
    expect(
      one({ url: 'https://api.figma.com/v1/files/x', status: 404, body: figma, requestHeaders: BEARER }).d.flagged,
    ).toBe(false);
  });

  it('leaves a Postmark validation error (422, another ErrorCode) unflagged', () => {
    const body = '{"ErrorCode":300,"Message":"Invalid email request"}';
    const request = { 'X-Postmark-Server-Token': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
    expect(
      one({ url: 'https://api.postmarkapp.com/email', status: 422, body, requestHeaders: request }).d.flagged,
    ).toBe(false);
  });

  it('keeps an Asana 403 (no access to the object) out of the token rows', () => {
    const body = '{"errors":[{"message":"Forbidden","help":"…"}]}';
    expect(
      signatureIds({ url: 'https://app.asana.com/api/1.0/tasks/1', status: 403, body, requestHeaders: BEARER }),
    ).toEqual([]);
  });
});

// https://developers.zoom.us/docs/api/rest/error-definitions/
// Raygun's crash-reporting API documents its response codes: 202 accepted, 400 bad message, 403 an
// invalid API key, 413 too large, 429 over the plan's limit
// (https://raygun.com/documentation/product-guides/crash-reporting/api/). A 403 there means the key,
// whether or not the capture kept the body: page captures of raygun4js (WebPagetest) keep none.
describe('Raygun ingestion', () => {
  const KEY = 'k3y0123456789abcdefEXAMPLE';
  const page = (over: Partial<EntrySpec> = {}): EntrySpec => ({
    url: `https://api.raygun.io/events?apikey=${KEY}`,
    method: 'POST',
    status: 403,
    requestHeaders: { Origin: 'https://www.example.com', 'Content-Type': 'text/plain;charset=UTF-8' },
    ...over,
  });

  it('reads a 403 to the X-ApiKey header as a key Raygun does not accept, body or none', () => {
    expect(one(sample('raygun.invalid_api_key')).top).toBe('api_key.invalid');
    expect(one(sample('raygun.invalid_api_key', { body: '', mimeType: 'application/json' })).top).toBe(
      'api_key.invalid',
    );
  });

  it("reads raygun4js's apikey= in the query the same way, on api.raygun.io and api.raygun.com", () => {
    expect(one(page()).top).toBe('api_key.invalid');
    expect(one(page({ url: `https://api.raygun.com/entries?apikey=${KEY}` })).top).toBe('api_key.invalid');
  });

  it('speaks only for a 403 with a key, on the Raygun host', () => {
    expect(signatureIds(page({ url: `https://api.example.com/events?apikey=${KEY}` }))).not.toContain(
      'raygun.invalid_api_key',
    );
    expect(signatureIds(page({ url: 'https://api.raygun.io/events' }))).not.toContain('raygun.invalid_api_key');
    expect(signatureIds(page({ status: 429 }))).not.toContain('raygun.invalid_api_key');
    expect(signatureIds(page({ status: 413 }))).not.toContain('raygun.invalid_api_key');
  });
});

describe('Zoom codes', () => {
  const ZOOM = 'https://api.zoom.us/v2/users/me';

  it('flags the 400 that names missing scopes', () => {
    const body =
      '{"code":4711,"message":"Invalid access token, does not contain scopes:[user:read:user:admin, user:read:user]."}';
    const { d, top } = one({ url: ZOOM, status: 400, body, requestHeaders: BEARER });
    expect(d.flagged).toBe(true);
    expect(top).toBe('permission.insufficient_scope');
  });

  it('tells an expired token from an invalid one under code 124', () => {
    expect(
      one({ url: ZOOM, status: 401, body: '{"code":124,"message":"Access token is expired."}', requestHeaders: BEARER })
        .top,
    ).toBe('auth.token_expired');
    expect(
      one({ url: ZOOM, status: 401, body: '{"code":124,"message":"Invalid access token."}', requestHeaders: BEARER })
        .top,
    ).toBe('auth.invalid');
  });

  it('leaves a Zoom 404 and the same code elsewhere alone', () => {
    const notFound = '{"code":1001,"message":"User does not exist: x@example.com."}';
    expect(one({ url: ZOOM, status: 404, body: notFound, requestHeaders: BEARER }).d.flagged).toBe(false);
    const elsewhere = '{"code":4711,"message":"Quantity out of range"}';
    expect(one({ url: 'https://api.example.com/v1/orders', status: 400, body: elsewhere }).d.flagged).toBe(false);
  });
});
