// A preflight refused 401/403/407 (lib/diagnose/rules/cors/preflight-auth.ts): the server authenticates
// OPTIONS, and a browser never sends credentials on a preflight
// (https://fetch.spec.whatwg.org/#cors-preflight-fetch: "credentials mode is 'omit'"), so no login
// can make it pass. A 401 or a challenge says credentials were demanded; a bare 403 may as well be a
// firewall. Entries are shaped as Chrome records them (test/unit/cors/helpers.ts).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { CONFIDENCE } from '../../../../lib/core/confidence';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, preflight } from '../../cors/helpers';

const authOf = (entries: EntrySpec[]) =>
  diagnose(makeHar(entries), { all: true })
    .at(-1)!
    .causes.find((c) => c.id === 'auth.missing');
const refused = (status: number, headers: Record<string, string> = {}, extra: Partial<EntrySpec> = {}) => [
  preflight('PUT', null, status, headers, extra),
  blocked({ method: 'PUT', status: 0 }),
];
const lines = (c: NonNullable<ReturnType<typeof authOf>>) =>
  c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);
const FIX =
  'Exempt OPTIONS from authentication and answer it before the auth layer: Spring Security ' +
  'http.cors() (the CorsFilter runs first); ASP.NET Core app.UseCors() before UseAuthentication(); ' +
  'IIS: allow anonymous OPTIONS (IIS CORS module); API Gateway: no authorizer or API key on the OPTIONS method.';
const NO_CREDENTIALS =
  'preflight credentials | the preflight carried no Authorization and no Cookie, as browsers always send it';

describe('a preflight refused for want of credentials', () => {
  it('401 with a challenge: the challenge quoted, credentials demanded, OPTIONS to be exempted', () => {
    const c = authOf(refused(401, { 'WWW-Authenticate': 'Bearer realm="api"' }))!;
    expect(c.title).toBe('The preflight was refused 401: the server wants credentials on OPTIONS');
    expect(c.summary).toBe(
      'The OPTIONS preflight (entry #0) was answered 401. Browsers send preflights without cookies or Authorization, ' +
        "so a server that authenticates OPTIONS refuses every preflight, whatever the page's login state.",
    );
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(lines(c)).toEqual([
      `preflight #0 | OPTIONS ${API} → 401 (entry #0)`,
      'preflight www-authenticate | response WWW-Authenticate: Bearer realm="api"',
      NO_CREDENTIALS,
    ]);
    expect(c.fixes).toEqual([FIX]);
  });

  it('a 401 without a challenge is still a demand: no firewall reading; a long challenge is clipped', () => {
    const c = authOf(refused(401))!;
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c.summary).toMatch(/login state\.$/);
    const long = authOf(refused(401, { 'WWW-Authenticate': `Bearer realm="${'a'.repeat(300)}"` }))!;
    expect(long.evidence[1]!.detail).toBe(`response WWW-Authenticate: Bearer realm="${'a'.repeat(106)}`);
  });

  it('a bare 403: weaker, and the firewall reading said', () => {
    const c = authOf(refused(403))!;
    expect(c.confidence).toBe(CONFIDENCE.weakPlus20);
    expect(c.summary).toMatch(
      /whatever the page's login state \(a 403 may also be a firewall or a route that rejects OPTIONS\)\.$/,
    );
    expect(lines(c)).toEqual([`preflight #0 | OPTIONS ${API} → 403 (entry #0)`, NO_CREDENTIALS]);
  });

  it('a 403 with a challenge is a demand like a 401: no firewall reading', () => {
    const c = authOf(refused(403, { 'WWW-Authenticate': 'Basic realm="admin"' }))!;
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c.summary).toMatch(/login state\.$/);
  });

  it("407: the proxy's challenge (Proxy-Authenticate) is the one quoted, under its own name", () => {
    const c = authOf(
      refused(407, { 'Proxy-Authenticate': 'Basic realm="corp-proxy"', 'WWW-Authenticate': 'Bearer realm="api"' }),
    )!;
    expect(c.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(lines(c)[1]).toBe('preflight proxy-authenticate | response Proxy-Authenticate: Basic realm="corp-proxy"');
  });

  it('a preflight that carried credentials anyway (a proxy adding them) is said to be unusual', () => {
    for (const header of [{ Authorization: 'Basic dTpw' }, { Cookie: 'sid=1' }] as Record<string, string>[]) {
      const c = authOf(
        refused(401, {}, { requestHeaders: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', ...header } }),
      )!;
      expect(lines(c).at(-1)).toBe(
        'preflight credentials | the preflight carried credentials (unusual: check for a proxy adding them)',
      );
    }
  });

  it('look-alikes stay quiet: a 404 or 405 preflight, a passing preflight, and a call refused 401 behind an allowed preflight', () => {
    expect(authOf(refused(404))).toBeUndefined();
    expect(authOf(refused(405, { 'Access-Control-Allow-Origin': PAGE }))).toBeUndefined();
    const ok = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' };
    expect(authOf([preflight('PUT', null, 204, ok), blocked({ method: 'PUT', status: 0 })])).toBeUndefined();
    // The call itself refused 401 without CORS headers: the block is on the response, the preflight passed.
    const callRefused = diagnose(
      makeHar([preflight('PUT', null, 204, ok), blocked({ method: 'PUT', status: 401, requestHeaders: {} })]),
      { all: true },
    ).at(-1)!;
    expect(callRefused.causes[0]!.id).toBe('cors.missing_allow_origin');
    expect(callRefused.causes.some((c) => c.title.startsWith('The preflight was refused'))).toBe(false);
  });

  it('Local Network Access refused the call before its preflight counted: no preflight-auth cause', () => {
    const url = 'http://192.168.1.10/api';
    const entries = [
      preflight('PUT', null, 401, {}, { url }),
      blocked({ method: 'PUT', status: 0, url, error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' }),
    ];
    const d = diagnose(makeHar(entries), { all: true }).at(-1)!;
    expect(d.causes[0]!.id).toBe('cors.local_network');
    expect(d.causes.some((c) => c.title.startsWith('The preflight was refused'))).toBe(false);
  });
});
