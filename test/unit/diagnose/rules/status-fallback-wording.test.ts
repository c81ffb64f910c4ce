// The status baseline (lib/diagnose/rules/fallback.ts), the rule alone, at the level and in the words
// the user reads when nothing more specific spoke: which credential the server judged (an API key
// alone, a token endpoint's body credentials, a proxy's), how sure, and what is advised.
import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../lib/core/context';
import { LogIndex } from '../../../../lib/core/log-index';
import type { Cause } from '../../../../lib/core/causes';
import { CONFIDENCE } from '../../../../lib/core/confidence';
import { statusFallback } from '../../../../lib/diagnose/rules/fallback';
import { makeHar, type EntrySpec } from '../../../support/har';

const API = 'https://api.example.com/v1/items';

function run(spec: Partial<EntrySpec> & { status: number }): Cause[] {
  const log = new LogIndex(makeHar([{ url: API, ...spec }]));
  return statusFallback.run(new RuleContext(log.exchanges.at(-1)!, log));
}

describe('401 and 407', () => {
  it('nothing sent: weak "missing", with what to send', () => {
    const [c, ...rest] = run({ status: 401, statusText: 'Unauthorized' });
    expect(rest).toEqual([]);
    expect(c!.confidence).toBe(CONFIDENCE.weakPlus25);
    expect(c!.summary).toBe(
      '401 means "authenticate first", and the request carried no Authorization header or API key.',
    );
    expect(c!.evidence).toEqual([{ where: 'response.status', detail: '401 Unauthorized' }]);
    expect(c!.fixes).toEqual([
      'Send the credential the API expects (see the WWW-Authenticate challenge or the API docs).',
    ]);
  });

  it('a token sent: weaker "rejected", naming the server', () => {
    const [c] = run({ status: 401, requestHeaders: { Authorization: 'Bearer 0123456789abcdef0123' } });
    expect(c!.confidence).toBe(CONFIDENCE.weakPlus20);
    expect(c!.evidence).toEqual([{ where: 'response.status', detail: '401' }]);
    expect(c!.summary).toBe(
      'The request carried credentials and the server still answered 401: they are wrong, revoked or meant for another service.',
    );
    expect(c!.fixes[0]).toMatch(/^Check that the credential belongs to this environment/);
  });

  it('only an API key sent: the key is what was refused', () => {
    const [c] = run({ status: 401, requestHeaders: { 'X-API-Key': 'k_live_0123456789abcdef' } });
    expect(c!.id).toBe('api_key.invalid');
    expect(c!.title).toBe('The server rejected the credentials sent');
  });

  it("a token endpoint's credentials travel in the body: something was sent, and it is not a key", () => {
    const [c] = run({
      status: 401,
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      requestBody: 'grant_type=client_credentials&client_id=abc&client_secret=def',
      requestMimeType: 'application/x-www-form-urlencoded',
    });
    expect(c!.id).toBe('auth.invalid');
  });

  it('a hidden credential is noted on the "rejected" reading', () => {
    const [c] = run({ status: 401, requestHeaders: { Authorization: 'Bearer [REDACTED]' } });
    expect(c!.evidence.map((e) => e.name ?? e.where)).toEqual(['response.status', 'hidden']);
  });

  it('407: the proxy, Proxy-Authorization and the proxy settings', () => {
    const [none] = run({ status: 407 });
    expect(none!.fixes).toEqual(['Configure the proxy credentials in the client.']);
    const [sent] = run({ status: 407, requestHeaders: { 'Proxy-Authorization': 'Basic dTpw' } });
    expect(sent!.summary).toMatch(/^The request carried credentials and the proxy still answered 407/);
    // An API key to the origin is not a credential for the proxy.
    expect(run({ status: 407, requestHeaders: { 'X-API-Key': 'k_live_0123456789abcdef' } })[0]!.id).toBe(
      'auth.missing',
    );
  });
});

describe('403', () => {
  const keyed = { 'X-API-Key': 'k_live_0123456789abcdef' };

  it('a bare 403 to a call whose only credential is an API key: the key was not accepted, then permission', () => {
    const causes = run({ status: 403, requestHeaders: keyed, body: '', mimeType: 'text/plain' });
    expect(causes.map((c) => [c.id, c.confidence])).toEqual([
      ['api_key.invalid', (CONFIDENCE.weak + CONFIDENCE.possible) / 2],
      ['permission.denied', CONFIDENCE.weak],
    ]);
    expect(causes[0]!.title).toBe('The API key sent was not accepted (bare 403)');
    expect(causes[0]!.summary).toBe(
      "The request's only credential was an API key (x-api-key in the header) and the server answered 403 without " +
        'saying why: the key is unknown, revoked or for another environment, or it is valid but not allowed here.',
    );
    expect(causes[0]!.fixes).toEqual([
      'Check the key against the one issued for this environment (copy it again), then the access it grants to this resource.',
    ]);
    expect(causes[1]!.title).toBe('The server refused the request (403)');
    expect(causes[1]!.evidence).toEqual([{ where: 'response.status', detail: '403' }]);
    expect(causes[1]!.fixes).toEqual([
      'Check the role, ACL or policy that guards this resource for the identity used.',
    ]);
    expect(causes[0]!.summary).toMatch(/^The request's only credential was an API key \(x-api-key in the header\)/);
    expect(causes[0]!.evidence[1]).toEqual({
      where: 'request.header',
      name: 'x-api-key',
      detail: 'API key sent in x-api-key (header); no Authorization header or cookie',
    });
  });

  it('a key in the query is quoted as a query parameter', () => {
    const [c] = run({ status: 403, url: `${API}?api_key=k_live_0123456789abcdef`, body: '' });
    expect(c!.evidence[1]).toMatchObject({ where: 'request.query', name: 'api_key' });
  });

  it('not when nothing was sent, nor when the body was not captured (it may have said why)', () => {
    expect(run({ status: 403, body: '' }).map((c) => c.id)).toEqual(['permission.denied']);
    expect(run({ status: 403, requestHeaders: keyed }).map((c) => c.id)).toEqual(['permission.denied']);
  });

  it('not when a token or a cookie went too, nor when the key was redacted', () => {
    const ids = (h: Record<string, string>, url = API) =>
      run({ status: 403, url, requestHeaders: h, body: '' }).map((c) => c.id);
    expect(ids({ ...keyed, Authorization: 'Bearer 0123456789abcdef0123' })).toEqual(['permission.denied']);
    expect(ids({ ...keyed, Cookie: 'sessionid=abc' })).toEqual(['permission.denied']);
    expect(ids({ 'X-API-Key': '[REDACTED]' })).toEqual(['permission.denied']);
  });

  it('permission.denied says whether an identity was known', () => {
    expect(run({ status: 403, requestHeaders: { Cookie: 'sessionid=abc' } })[0]!.summary).toMatch(
      /^The server understood who is asking and refused/,
    );
    expect(run({ status: 403 })[0]!.summary).toBe(
      '403 without credentials: the resource is not public, or a rule in front of it refused the request.',
    );
  });
});

describe('419 and 429', () => {
  it("419 is Laravel's Page Expired, possible", () => {
    const [c] = run({ status: 419 });
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus15);
    expect(c!.title).toBe('The CSRF token is missing or stale (419)');
  });

  it('429 is a rate limit, honour Retry-After', () => {
    const [c] = run({ status: 429, statusText: 'Too Many Requests' });
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c!.evidence).toEqual([{ where: 'response.status', detail: '429 Too Many Requests' }]);
    expect(c!.fixes).toEqual(['Back off and retry later; honour Retry-After when present.']);
  });

  it('other statuses get no baseline', () => {
    for (const status of [200, 400, 404, 418, 500]) expect(run({ status })).toEqual([]);
  });
});
