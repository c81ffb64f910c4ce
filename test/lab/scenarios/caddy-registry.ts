// Caddy 2.6 (basicauth, respond by matcher) and Distribution 2.8 (docker-registry) with token auth (Debian).
import type { Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const C = 'caddy';
const R = 'registry';

export const CADDY_SCENARIOS: Scenario[] = [
  {
    id: 'basicauth-none',
    what: 'basicauth, no credentials',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/private/report.txt'))),
    expect: [refusal('/private/', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'basicauth-wrong',
    what: 'basicauth, wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/private/report.txt'), { headers: { authorization: basic('lab', 'x') } })),
    expect: [refusal('/private/', 401, 'auth.invalid', 'wrong Basic password')],
  },
  {
    id: 'respond-403-empty',
    what: 'respond @admin 403 (empty body)',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(C, '/admin/settings'))),
    expect: [refusal('/admin/', 403, 'permission.denied', 'an empty 403 from a matcher', ['filesystem.forbidden'])],
  },
  {
    id: 'scanner-ua',
    what: "respond 403 to a scanner's User-Agent",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(C, '/index.html'));
      await t.api.get(t.url(C, '/index.html?x=1'), {
        headers: { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' },
      });
    },
    expect: [refusal('/index.html?x', 403, 'waf.blocked', '"Access denied" for sqlmap', ['permission.denied'])],
  },
  {
    id: 'api-key-wrong',
    what: 'a wrong X-Api-Key: JSON 401 invalid_api_key',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/items'), { headers: { 'x-api-key': 'lab-key-000' } })),
    expect: [refusal('/api/', 401, 'api_key.invalid', '{"error":"invalid_api_key"} with a key sent')],
  },
  {
    id: 'api-key-missing',
    what: 'no X-Api-Key: the same JSON 401',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/items'))),
    expect: [
      refusal('/api/', 401, 'api_key.missing', 'no key sent; the body says invalid_api_key', [
        'api_key.invalid',
        'auth.missing',
      ]),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'file_server: a missing file',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(C, '/missing.html'))),
    expect: [quiet('/missing.html', 404, 'not found')],
  },
  {
    id: 'lookalike-403-text',
    what: 'a 200 help page about 403 errors',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/docs/errors.html'))),
    expect: [quiet('/docs/errors.html', 200, 'talks about 403, served 200')],
  },
];

export const REGISTRY_SCENARIOS: Scenario[] = [
  {
    id: 'v2-anonymous',
    what: 'GET /v2/ without a token: 401 Bearer challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(R, '/v2/'))),
    expect: [
      refusal('/v2/', 401, 'auth.missing', 'WWW-Authenticate: Bearer realm=…,service=lab-registry; nothing sent'),
    ],
  },
  {
    id: 'manifest-anonymous',
    what: 'pulling a manifest without a token (scope in the challenge)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(R, '/v2/lab/app/manifests/latest'), {
        headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' },
      })),
    expect: [
      refusal('/manifests/', 401, 'auth.missing', 'Bearer challenge with scope=repository:lab/app:pull; no token'),
    ],
  },
  {
    id: 'manifest-bad-token',
    what: 'pulling with a token the registry cannot verify',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(R, '/v2/lab/app/manifests/latest'), {
        headers: {
          authorization:
            'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJvdGhlciIsInN1YiI6ImxhYiJ9.c2lnbmF0dXJl',
        },
      })),
    expect: [refusal('/manifests/', 401, 'auth.invalid', 'error="invalid_token"; token from another issuer')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown API path',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(R, '/v3/'))),
    expect: [quiet('/v3/', 404, 'not found')],
  },
];
