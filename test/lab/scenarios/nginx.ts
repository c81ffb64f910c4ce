// nginx 1.22 (Debian): its own modules refuse (auth_basic, access, limit_req, referer, secure_link, auth_request).
import { createHash } from 'node:crypto';
import type { Scenario } from '../types';
import { appPage, basic, loadImage, quiet, refusal } from './helpers';

const N = 'nginx';

/** nginx's secure_link_md5 "$secure_link_expires$uri lab-secret", base64url without padding. */
function secureLink(uri: string, expires: number): string {
  const md5 = createHash('md5').update(`${expires}${uri} lab-secret`).digest('base64url');
  return `${uri}?md5=${md5}&expires=${expires}`;
}

export const NGINX_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'auth_basic location, no credentials (API client)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(N, '/private/report.txt'))),
    expect: [refusal('/private/', 401, 'auth.missing', 'auth_basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'auth_basic, wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/private/report.txt'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/private/', 401, 'auth.invalid', 'Basic credentials sent for user lab with a wrong password')],
  },
  {
    id: 'basic-ok-after-wrong',
    what: 'auth_basic: wrong password, then the right one (the 200 stays quiet)',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(N, '/private/report.txt'), { headers: { authorization: basic('lab', 'typo') } });
      await t.api.get(t.url(N, '/private/report.txt'), { headers: { authorization: basic('lab', 'labpass') } });
    },
    expect: [
      refusal('/private/', 401, 'auth.invalid', 'wrong Basic password'),
      quiet('/private/', 200, 'the right password: 200'),
    ],
  },
  {
    id: 'basic-browser',
    what: 'auth_basic page opened in Chromium without credentials',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(N, '/private/report.txt'))),
    expect: [refusal('/private/', 401, 'auth.missing', 'navigation to a Basic-protected page, no credentials')],
  },
  {
    id: 'deny-ip',
    what: 'access module: deny 127.0.0.1 (the bare nginx 403 page)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(N, '/internal/'))),
    expect: [
      refusal(
        '/internal/',
        403,
        'filesystem.forbidden',
        'bare nginx 403 page; the config denies the IP, which the capture cannot show',
        ['ip.blocked', 'permission.denied'],
      ),
    ],
  },
  {
    id: 'limit-req-429',
    what: 'limit_req 1r/m with limit_req_status 429: second call refused',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(N, '/api/limited'));
      await t.api.get(t.url(N, '/api/limited'));
    },
    expect: [
      quiet('/api/limited', 200, 'first call within the limit'),
      refusal('/api/limited', 429, 'rate_limit.exceeded', 'nginx 429 page from limit_req'),
    ],
  },
  {
    id: 'limit-req-503',
    what: "limit_req with nginx's default status 503 (reads as an outage: must stay quiet)",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(N, '/api/limited503'));
      await t.api.get(t.url(N, '/api/limited503'));
    },
    expect: [quiet('/api/limited503', 503, 'a bare 503 page: nothing says refusal')],
  },
  {
    id: 'referer-hotlink',
    what: 'valid_referers: an <img> hotlinked from another site',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/images/logo.png'), { headers: { referer: 'http://hotlinker.example/page' } })),
    expect: [
      refusal('/images/', 403, 'filesystem.forbidden', 'bare nginx 403 for a foreign Referer', ['permission.denied']),
    ],
  },
  {
    id: 'secure-link-bad-hash',
    what: 'secure_link: a link signed with the wrong secret',
    via: 'api',
    run: async (t) => {
      const exp = Math.floor(Date.now() / 1000) + 3600;
      await t.api.get(t.url(N, `/secure/file.txt?md5=AAAAAAAAAAAAAAAAAAAAAA&expires=${exp}`));
    },
    expect: [
      refusal('/secure/', 403, 'signature.mismatch', 'md5 of the link does not match', [
        'signed_url.expired',
        'filesystem.forbidden',
      ]),
    ],
  },
  {
    id: 'secure-link-ok',
    what: 'secure_link: a correctly signed link (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, secureLink('/secure/file.txt', Math.floor(Date.now() / 1000) + 3600)))),
    expect: [quiet('/secure/', 200, 'valid signed link')],
  },
  {
    id: 'auth-request-invalid',
    what: 'auth_request: the auth service rejects the bearer token (401 passed through)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/protected/data'), { headers: { authorization: 'Bearer lab-stale-token' } })),
    expect: [refusal('/protected/', 401, 'auth.invalid', 'token sent; auth service said invalid_token')],
  },
  {
    id: 'auth-request-forbidden',
    what: 'auth_request: the auth service answers 403 for a read-only token',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(N, '/protected/data'), {
        headers: { authorization: 'Bearer lab-readonly-token' },
      })),
    expect: [
      refusal('/protected/', 403, 'permission.denied', 'token accepted, identity lacks permission', [
        'filesystem.forbidden',
      ]),
    ],
  },
  {
    id: 'dir-no-index',
    what: 'directory without index.html, autoindex off',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(N, '/files/'))),
    expect: [refusal('/files/', 403, 'filesystem.forbidden', 'directory listing is off: bare 403')],
  },
  {
    id: 'lookalike-404',
    what: 'a missing file (404)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(N, '/nothing-here.html'))),
    expect: [quiet('/nothing-here', 404, 'not found is no refusal')],
  },
  {
    id: 'lookalike-500',
    what: 'return 500',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(N, '/broken'))),
    expect: [quiet('/broken', 500, 'server error is no refusal')],
  },
  {
    id: 'lookalike-502',
    what: 'proxy_pass to a closed port: 502 Bad Gateway',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(N, '/upstream/x'))),
    expect: [quiet('/upstream/', 502, 'bad gateway is no refusal')],
  },
  {
    id: 'lookalike-304',
    what: 'a conditional GET answered 304',
    via: 'api',
    run: async (t) => {
      const r = await t.api.get(t.url(N, '/data.json'));
      const etag = r.headers()['etag'] ?? '';
      await t.api.get(t.url(N, '/data.json'), { headers: { 'if-none-match': etag } });
    },
    expect: [quiet('/data.json', 304, 'not modified')],
  },
  {
    id: 'lookalike-403-text',
    what: 'a 200 help page that talks about "403 Forbidden"',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(N, '/docs/errors.html'))),
    expect: [quiet('/docs/errors.html', 200, 'a page about 403 errors, served 200')],
  },
  {
    id: 'cors-preflight-no-acao',
    what: 'fetch with Authorization from another origin; the 204 preflight lacks Access-Control-Allow-Origin',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(N, '/cors-bad/items'), { headers: { authorization: 'Bearer lab-good-token' } });
    },
    expect: [
      refusal(
        '/cors-bad/',
        -1,
        'cors.missing_allow_origin',
        'preflight 204 without ACAO; Chromium blocks the call',
        [],
        'GET',
      ),
    ],
  },
  {
    id: 'cors-preflight-ok',
    what: 'the same call against a location whose preflight is right (quiet)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(N, '/cors-good/items'), { headers: { authorization: 'Bearer lab-good-token' } });
    },
    expect: [quiet('/cors-good/', 200, 'preflight and call succeed', 'GET')],
  },
  {
    id: 'devtools-preflight-no-acao',
    what: 'the same call recorded by DevTools (getHAR keeps the preflight): 204 without ACAO, then the blocked GET',
    via: 'devtools',
    run: async (t) => {
      await t.fetchInPage(t.url(N, '/cors-bad/items'), { headers: { authorization: 'Bearer lab-good-token' } });
    },
    expect: [
      refusal(
        '/cors-bad/',
        204,
        'cors.missing_allow_origin',
        'the 204 preflight has no ACAO: flagged on the preflight',
        [],
        'OPTIONS',
      ),
      refusal(
        '/cors-bad/',
        0,
        'cors.missing_allow_origin',
        'the call behind it, blocked (status 0, net::ERR_FAILED)',
        [],
        'GET',
      ),
    ],
  },
  {
    id: 'devtools-preflight-ok',
    what: 'a passing preflight and its call, recorded by DevTools (both quiet)',
    via: 'devtools',
    run: async (t) => {
      await t.fetchInPage(t.url(N, '/cors-good/items'), {
        headers: { authorization: 'Bearer lab-good-token', 'x-lab': '1' },
      });
    },
    expect: [
      quiet('/cors-good/', 204, 'successful preflight with ACAO', 'OPTIONS'),
      quiet('/cors-good/', 200, 'the call it allowed', 'GET'),
    ],
  },
  {
    id: 'orb-json-img',
    what: 'an <img> pointing at a nosniff JSON API: Chromium blocks it (ORB)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.page.evaluate(loadImage(t.url(N, '/orb/profile')));
    },
    expect: [refusal('/orb/', -1, 'browser.corp_blocked', 'net::ERR_BLOCKED_BY_ORB on a no-cors JSON response')],
  },
];
