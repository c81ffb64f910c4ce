import { describe, expect, it } from 'vitest';
import { diagnoseOne as one, sampleEntry, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';
import { readCredentials } from '../../../lib/inspect/credentials';
import { isSessionLike } from '../../../lib/inspect/cookie-jar';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

// The tenth vendor pass's classes (MISSES.md): refusals stated in a 200, 400, 402 or 404 that no table flagged
// (trading APIs, Synology DSM, AT Protocol, Notion, prepaid credit), a field of the body that names a cause the
// status does not (APNs' reason, Adyen's 010, Strava's missing permission, Azure's data-plane firewalls, Akamai
// EdgeGrid's signature, Google's assertion timeframe, ACME's problem types), and credentials the engine did not see
// (xi-api-key, Pusher's auth_key, Proxmox's PVEAuthCookie). Each with the look-alike of the same shape left alone.

const flagged = (spec: EntrySpec) => one(spec).d.flagged;

describe('trading and market-data APIs state refusals in a 200', () => {
  const kraken = sampleEntry('kraken.invalid_key', 'https://api.kraken.com/0/private/Balance');

  it("reads Kraken's EAPI errors and leaves its order and argument errors alone", () => {
    expect(one(kraken).top).toBe('api_key.invalid');
    expect(one({ ...kraken, body: '{"error":["EAPI:Invalid signature"]}' }).top).toBe('signature.mismatch');
    expect(one({ ...kraken, body: '{"error":["EAPI:Rate limit exceeded"]}' }).top).toBe('rate_limit.exceeded');
    expect(flagged({ ...kraken, body: '{"error":["EOrder:Insufficient funds"]}' })).toBe(false);
    expect(flagged({ ...kraken, body: '{"error":[],"result":{"ZUSD":"0.1795"}}' })).toBe(false);
  });

  it("reads Kraken's words only on Kraken's API host", () => {
    expect(flagged({ ...kraken, url: 'https://api.example.com/0/private/Balance' })).toBe(false);
  });

  it("reads Bybit's retCode 10002 as the clock, 10003 as the key, 10004 as the signature; 0 is a success", () => {
    const b = sampleEntry('bybit.timestamp', '');
    expect(one(b).top).toBe('clock.skew');
    expect(one(sampleEntry('bybit.api_key_invalid', '')).top).toBe('api_key.invalid');
    expect(one(sampleEntry('bybit.sign', '')).top).toBe('signature.mismatch');
    expect(flagged({ ...b, body: '{"retCode":0,"retMsg":"OK","result":{"list":[]},"retExtInfo":{},"time":1}' })).toBe(
      false,
    );
    // 110007 is an order refused for the balance, a business error: no row names it.
    expect(flagged({ ...b, body: '{"retCode":110007,"retMsg":"ab not enough for new order","result":{}}' })).toBe(
      false,
    );
  });

  it("reads Alpha Vantage's Note as the frequency limit and its apikey message by whether a key was sent", () => {
    expect(one(sampleEntry('alphavantage.frequency', '')).top).toBe('rate_limit.exceeded');
    expect(one(sampleEntry('alphavantage.apikey', '')).top).toBe('api_key.invalid');
    expect(one(sampleEntry('alphavantage.apikey_missing', '')).top).toBe('api_key.missing');
    const information =
      '{"Information":"the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key)."}';
    expect(one({ ...sampleEntry('alphavantage.apikey', ''), body: information }).top).toBe('api_key.invalid');
    const invalidCall =
      '{"Error Message":"Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY."}';
    expect(flagged({ ...sampleEntry('alphavantage.apikey', ''), body: invalidCall })).toBe(false);
  });
});

describe("Synology DSM's Web API errors (a 200 with a bare code)", () => {
  it('reads 119, 105 and 106 and leaves a missing parameter (101) alone', () => {
    const sid = sampleEntry('synology.sid_not_found', '');
    expect(one(sid).top).toBe('auth.invalid');
    expect(one({ ...sid, body: '{"success":false,"error":{"code":105}}' }).top).toBe('permission.denied');
    expect(one({ ...sid, body: '{"error":{"code":106},"success":false}' }).top).toBe('auth.token_expired');
    expect(flagged({ ...sid, body: '{"error":{"code":101},"success":false}' })).toBe(false);
  });

  it('needs the whole DSM shape: a code 119 inside a larger body is not it', () => {
    const sid = sampleEntry('synology.sid_not_found', '');
    expect(flagged({ ...sid, body: '{"error":{"code":119},"success":false,"data":{"items":[]}}' })).toBe(false);
  });
});

describe("APNs' provider-token reasons at 403", () => {
  it('names the token fault the reason states', () => {
    expect(one(sampleEntry('apns.expired_provider_token', '')).top).toBe('auth.token_expired');
    expect(one(sampleEntry('apns.invalid_provider_token', '')).top).toBe('auth.invalid');
    expect(one(sampleEntry('apns.missing_provider_token', '')).top).toBe('auth.missing');
  });

  it('leaves device-token answers alone (400 BadDeviceToken, 410 Unregistered)', () => {
    const s = sampleEntry('apns.invalid_provider_token', '');
    expect(flagged({ ...s, status: 400, body: '{"reason":"BadDeviceToken"}' })).toBe(false);
    expect(flagged({ ...s, status: 410, body: '{"reason":"Unregistered","timestamp":1795262400000}' })).toBe(false);
  });
});

describe('a field of the body names the cause the status does not', () => {
  it("reads Key Vault's and Cosmos DB's firewall refusals as the network, on their own hosts", () => {
    const kv = sampleEntry('azure.keyvault.firewall', '');
    expect(one(kv).top).toBe('ip.blocked');
    expect(one(sampleEntry('azure.cosmos.firewall', '')).top).toBe('ip.blocked');
    expect(signatureIds({ ...kv, url: 'https://api.example.com/secrets/x' })).not.toContain('azure.keyvault.firewall');
    // The access-policy refusal of the same vault is the identity's.
    const policy =
      '{"error":{"code":"Forbidden","message":"The user, group or application \'appid=1\' does not have secrets get permission on key vault \'kv\'.","innererror":{"code":"AccessDenied"}}}';
    expect(one({ ...kv, body: policy }).top).toBe('permission.denied');
  });

  it("reads Adyen's 010 as the credential's role, and its 401 000 still as the key", () => {
    const a = sampleEntry('adyen.not_allowed', '');
    expect(one(a).top).toBe('permission.denied');
    const unauthorized =
      '{"status":401,"errorCode":"000","message":"HTTP Status Response - Unauthorized","errorType":"security"}';
    expect(one({ ...a, status: 401, body: unauthorized }).top).toBe('api_key.invalid');
  });

  it("reads Strava's missing *_permission as the token's scope, and an invalid access_token as the token", () => {
    const s = sampleEntry('strava.missing_scope', '');
    expect(one(s).top).toBe('permission.insufficient_scope');
    const invalid =
      '{"message":"Authorization Error","errors":[{"resource":"Athlete","field":"access_token","code":"invalid"}]}';
    expect(one({ ...s, body: invalid }).top).toBe('auth.invalid');
  });

  it("reads ElevenLabs' quota_exceeded at 401 as the quota, with xi-api-key counted as the key sent", () => {
    const e = sampleEntry('elevenlabs.quota_exceeded', '');
    expect(one(e).top).toBe('quota.exceeded');
    const invalid = '{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}';
    expect(one({ ...e, body: invalid }).top).toBe('api_key.invalid');
  });

  it("reads Akamai EdgeGrid's pep-authn denial as the signature", () => {
    expect(one(sampleEntry('akamai.edgegrid.signature', '')).top).toBe('signature.mismatch');
  });

  it("reads RabbitMQ's Not management user as a missing tag, and Login failed as the password", () => {
    const r = sampleEntry('rabbitmq.not_management_user', '');
    expect(one(r).top).toBe('permission.denied');
    expect(one({ ...r, body: '{"error":"not_authorised","reason":"Login failed"}' }).top).toBe('auth.invalid');
  });

  it("reads Typesense's key message by whether a key was sent", () => {
    expect(one(sampleEntry('typesense.invalid_key', '')).top).toBe('api_key.invalid');
    expect(one(sampleEntry('typesense.missing_key', '')).top).toBe('api_key.missing');
  });

  it("reads Meilisearch's missing_authorization_header as malformed when a header without Bearer was sent", () => {
    const m = sampleEntry('meilisearch.authorization_not_bearer', '');
    expect(one(m).top).toBe('auth.malformed');
    expect(['api_key.missing', 'auth.missing']).toContain(one({ ...m, requestHeaders: {} }).top);
  });
});

describe('refusals at 400, 402 and 404', () => {
  it('reads an AT Protocol ExpiredToken at 400, and leaves its InvalidRequest alone', () => {
    const t = sampleEntry('atproto.expired_token', '');
    expect(one(t).top).toBe('auth.token_expired');
    // The other wording @atproto/api's session handling recognises.
    expect(one({ ...t, body: '{"error":"ExpiredToken","message":"Token is expired"}' }).top).toBe('auth.token_expired');
    expect(flagged({ ...t, body: '{"error":"InvalidRequest","message":"Profile not found"}' })).toBe(false);
  });

  it("reads Notion's 404 for an object not shared with the integration, not its other 404s", () => {
    const n = sampleEntry('notion.not_shared', '');
    expect(one(n).top).toBe('permission.denied');
    const route = '{"object":"error","status":404,"code":"invalid_request_url","message":"Invalid request URL."}';
    expect(flagged({ ...n, body: route })).toBe(false);
  });

  it('reads a 402 whose words name used-up credit or balance, and leaves a declined card alone', () => {
    const b = sampleEntry('generic.credit_exhausted', '');
    expect(one(b).top).toBe('billing.disabled');
    const replicate =
      '{"title":"Insufficient credit","detail":"You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit.","status":402}';
    expect(one({ ...b, url: 'https://api.replicate.com/v1/predictions', body: replicate }).top).toBe(
      'billing.disabled',
    );
    // Stripe's 402 card_declined (https://docs.stripe.com/declines/codes): a payment error, not a refused caller.
    const card =
      '{"error":{"code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","type":"card_error"}}';
    expect(flagged({ ...b, url: 'https://api.stripe.com/v1/payment_intents', body: card })).toBe(false);
  });
});

describe('stated codes the shared tables read as another cause', () => {
  const token = (body: string, host = 'oauth2.googleapis.com'): EntrySpec => ({
    method: 'POST',
    url: `https://${host}/token`,
    requestBody: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJ.eyJ.c2ln',
    requestMimeType: 'application/x-www-form-urlencoded',
    status: 400,
    body,
  });
  const timeframe =
    '{"error":"invalid_grant","error_description":"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."}';

  it("reads Google's assertion-timeframe invalid_grant as the clock, other invalid_grants as the grant", () => {
    expect(one(token(timeframe)).top).toBe('clock.skew');
    expect(one(token('{"error":"invalid_grant","error_description":"Invalid JWT Signature."}')).top).toBe(
      'auth.invalid',
    );
  });

  it("keeps Google's wording to Google's token endpoint", () => {
    expect(one(token(timeframe, 'auth.example.com')).top).not.toBe('clock.skew');
  });

  const acme = (type: string, detail: string, status: number): EntrySpec => ({
    method: 'POST',
    url: 'https://acme-v02.api.letsencrypt.org/acme/new-order',
    requestHeaders: { 'Content-Type': 'application/jose+json' },
    requestBody: '{"protected":"e30","payload":"e30","signature":"c2ln"}',
    status,
    mimeType: 'application/problem+json',
    body: JSON.stringify({ type: `urn:ietf:params:acme:error:${type}`, detail, status }),
  });

  it("reads ACME's refusing problem types and leaves its request errors alone", () => {
    expect(one(acme('accountDoesNotExist', 'No account exists with the provided key', 400)).top).toBe('auth.invalid');
    expect(one(acme('unauthorized', 'Account is not valid, has status "deactivated"', 403)).top).toBe(
      'permission.denied',
    );
    expect(flagged(acme('malformed', 'Unable to validate JWS', 400))).toBe(false);
    expect(flagged(acme('badCSR', 'Error finalizing order :: CSR contains no names', 400))).toBe(false);
  });
});

describe('credentials the engine did not see', () => {
  const creds = (spec: EntrySpec) => readCredentials(toExchange(makeEntry(spec), 0));

  it('counts a vendor-prefixed *-api-key header (ElevenLabs xi-api-key) as a key, not any header ending so', () => {
    const url = 'https://api.elevenlabs.io/v1/voices';
    expect(creds({ url, status: 401, requestHeaders: { 'xi-api-key': 'sk_0' } }).apiKeys.map((k) => k.name)).toEqual([
      'xi-api-key',
    ]);
    expect(creds({ url, status: 401, requestHeaders: { 'accept-api-key-version': '2' } }).apiKeys).toEqual([]);
  });

  it("counts Pusher's auth_key query parameter as the key sent", () => {
    const url =
      'https://api-eu.pusher.com/apps/1/events?auth_key=278d425bdf160c739803&auth_timestamp=1&auth_signature=x';
    expect(creds({ url, status: 401 }).apiKeys.map((k) => k.name)).toEqual(['auth_key']);
  });

  it("reads Pusher's timestamp refusal as the clock", () => {
    expect(one(sampleEntry('pusher.timestamp_expired', '')).top).toBe('clock.skew');
  });

  it("takes Proxmox VE's PVEAuthCookie for a session cookie", () => {
    expect(isSessionLike('PVEAuthCookie')).toBe(true);
    expect(isSessionLike('PVELangCookie')).toBe(false);
  });

  // pve-common PVE/Ticket.pm: raise("Permission denied - invalid csrf token\n", code => HTTP_UNAUTHORIZED); the reason
  // travels in the status line, with {"data":null} as the body.
  const pve: EntrySpec = {
    method: 'POST',
    url: 'https://pve.example.com:8006/api2/json/nodes/pve1/qemu/100/status/start',
    requestHeaders: { Cookie: 'PVEAuthCookie=PVE%3Aroot%40pam%3A6A7B8C9D%3A%3Asig' },
    requestBody: '',
    requestMimeType: 'application/x-www-form-urlencoded',
    status: 401,
    statusText: 'permission denied - invalid csrf token',
    body: '{"data":null}',
  };

  it('reads a CSRF refusal stated in the status line over the session cookie it came with', () => {
    expect(one(pve).top).toBe('csrf.invalid');
  });

  it('still reads the session cookie when the 401 says nothing of CSRF', () => {
    expect(one({ ...pve, statusText: 'authentication failure' }).top).toBe('auth.invalid');
  });
});
