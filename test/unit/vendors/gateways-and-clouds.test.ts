import { describe, expect, it } from 'vitest';
import { BEARER, diagnoseOne as one, sampleEntry, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';

// Refusals of gateways, clouds and identity providers as their documentation shows them (issue 17's eighth vendor
// pass): each is read for the cause it names, and its look-alikes stay with the other readings.
const sample = (id: string, over: Partial<EntrySpec> = {}): EntrySpec =>
  sampleEntry(id, 'https://api.example.com/v1/resource', over);

describe('gateway, cloud and identity-provider refusals', () => {
  it.each([
    ['google.storage.anonymous', 'auth.missing'],
    ['github.oauth.bad_verification_code', 'auth.invalid'],
    ['github.oauth.incorrect_client_credentials', 'auth.invalid'],
    ['wso2.scope', 'permission.insufficient_scope'],
    ['supabase.storage.rls', 'permission.denied'],
    ['pypi.invalid_auth', 'auth.invalid'],
    ['crates.auth_failed', 'auth.invalid'],
    ['trello.invalid_key', 'api_key.invalid'],
    ['ddos_guard.challenge', 'bot.challenge'],
  ])('%s is the top cause: %s', (id, cause) => {
    expect(one(sample(id)).top).toBe(cause);
  });

  // https://cloud.google.com/storage/docs/troubleshooting: the XML API says it in <Details> of a 403 AccessDenied,
  // which S3's AccessDenied row would otherwise read as a missing permission.
  it("reads Cloud Storage's XML answer to an anonymous caller as no credential", () => {
    const body =
      "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied.</Message>" +
      '<Details>Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object. ' +
      "Permission 'storage.objects.get' denied on resource (or it may not exist).</Details></Error>";
    const spec = sample('google.storage.anonymous', { status: 403, body, mimeType: 'application/xml' });
    expect(one(spec).top).toBe('auth.missing');
  });

  it('keeps a named Cloud Storage caller without the permission as a missing role', () => {
    const body =
      '{"error":{"code":403,"message":"sa@p.iam.gserviceaccount.com does not have storage.objects.get access to the ' +
      'Google Cloud Storage object.","errors":[{"message":"…","domain":"global","reason":"forbidden"}]}}';
    const spec = sample('google.storage.anonymous', { status: 403, body, requestHeaders: BEARER });
    expect(signatureIds(spec)).not.toContain('google.storage.anonymous');
    expect(one(spec).top).toBe('permission.denied');
  });

  it("reads GitHub's token-endpoint errors only on github.com", () => {
    const elsewhere = sample('github.oauth.bad_verification_code', { url: 'https://auth.example.com/oauth/token' });
    expect(signatureIds(elsewhere)).not.toContain('github.oauth.bad_verification_code');
  });

  // GitHub's device flow polls the same endpoint and is answered 200 authorization_pending until the user approves:
  // that is no refusal (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps).
  it('leaves the device flow polling answer unflagged', () => {
    const body = '{"error":"authorization_pending","error_description":"The authorization request is still pending."}';
    expect(one(sample('github.oauth.bad_verification_code', { body })).d.flagged).toBe(false);
  });

  // Supabase Storage states a refusal in the body of an HTTP 400; a 400 about something else stays unflagged.
  it("flags Supabase Storage's policy refusal in a 400, and only that", () => {
    expect(one(sample('supabase.storage.rls')).d.flagged).toBe(true);
    const body = '{"statusCode":"400","error":"InvalidKey","message":"Invalid key: a b.png"}';
    expect(one(sample('supabase.storage.rls', { body })).d.flagged).toBe(false);
  });

  it("reads Trello's and crates.io's bare words only on their hosts", () => {
    const elsewhere = { url: 'https://api.example.com/1/members/me?key=abc' };
    expect(signatureIds(sample('trello.invalid_key', elsewhere))).not.toContain('trello.invalid_key');
    expect(signatureIds(sample('crates.auth_failed', elsewhere))).not.toContain('crates.auth_failed');
  });

  // Only DDoS-Guard's own server answers so; a page that merely mentions it (a site's own 403) is not its check.
  it('reads the DDoS-Guard check only from its server', () => {
    expect(signatureIds(sample('ddos_guard.challenge', { responseHeaders: { server: 'nginx' } }))).not.toContain(
      'ddos_guard.challenge',
    );
  });

  it("does not read WSO2's other faults as the scope row", () => {
    const invalid = '{"code":"900901","message":"Invalid Credentials","description":"Invalid Credentials."}';
    expect(signatureIds(sample('wso2.scope', { status: 401, body: invalid }))).not.toContain('wso2.scope');
  });
});

// https://developers.cloudflare.com/fundamentals/api/troubleshooting/: the v4 API nests the precise reason in
// error_chain under a general code (6003 "Invalid request headers").
describe("Cloudflare's error_chain", () => {
  const url = 'https://api.cloudflare.com/client/v4/zones';
  const chained = (inner: string) =>
    `{"success":false,"errors":[{"code":6003,"message":"Invalid request headers","error_chain":[${inner}]}],"messages":[],"result":null}`;

  it('reads the inner code before the outer one', () => {
    const body = chained('{"code":6111,"message":"Invalid format for Authorization header"}');
    expect(one({ url, status: 400, body, requestHeaders: { Authorization: 'Bearer abc def' } }).top).toBe(
      'auth.malformed',
    );
  });

  it('keeps the outer reading when the chain is empty', () => {
    expect(one({ url, status: 400, body: chained('') }).top).toBe('auth.missing');
  });
});

describe('credentials in their own headers', () => {
  // Fastly's API answers a wrong Fastly-Key with 401 {"msg":"Provided credentials are missing or invalid"}
  // (https://www.fastly.com/documentation/reference/api/#authentication).
  it('reads "credentials are missing or invalid" to a request that sent a key as the key refused', () => {
    const spec: EntrySpec = {
      url: 'https://api.fastly.com/service',
      status: 401,
      body: '{"msg":"Provided credentials are missing or invalid"}',
      requestHeaders: { 'Fastly-Key': 'abcdefABCDEF0123456789abcdefABCD' },
    };
    expect(one(spec).top).toBe('api_key.invalid');
    expect(one({ ...spec, requestHeaders: {} }).top).toBe('auth.missing');
  });

  // Pipedrive takes its token as api_token= (https://pipedrive.readme.io/docs/how-to-find-the-api-token) and answers a
  // wrong one 401 {"success":false,"error":"unauthorized access","errorCode":401}.
  it('counts an api_token query parameter as a key sent', () => {
    const spec: EntrySpec = {
      url: 'https://api.pipedrive.com/v1/deals?api_token=0123456789abcdef0123456789abcdef01234567',
      status: 401,
      body: '{"success":false,"error":"unauthorized access","errorCode":401}',
    };
    expect(one(spec).ids).not.toContain('auth.missing');
  });

  // MuleSoft's Client ID Enforcement answers a wrong pair with 401 {"error":"Invalid client id or secret"}
  // (https://docs.mulesoft.com/mule-gateway/policies-included-client-id-enforcement).
  it('counts client_id / client_secret headers as credentials sent', () => {
    const spec: EntrySpec = {
      url: 'https://api.example.com/v1/orders',
      status: 401,
      body: '{"error":"Invalid client id or secret"}',
      requestHeaders: { client_id: 'abc', client_secret: 'wrong' },
    };
    expect(one(spec).ids).not.toContain('auth.missing');
  });
});
