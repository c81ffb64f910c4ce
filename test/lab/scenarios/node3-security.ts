// The third set (issue 17), continued: Express with helmet, rate-limiter-flexible and lusca
// (conf/express-helmet.mjs), and restify 11 with restify-errors and its plugins (conf/restify.mjs). The labels
// were written before the engine read any of these recordings.
import type { Scenario } from '../types';
import { appPage, basic, loadImage, quiet, refusal } from './helpers';

const EH = 'express-helmet';
const RS = 'restify';

export const EXPRESS_HELMET_SCENARIOS: Scenario[] = [
  {
    id: 'corp-same-origin-img',
    what: "helmet()'s default Cross-Origin-Resource-Policy: same-origin; the lab page embeds the image",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.page.evaluate(loadImage(t.url(EH, '/avatars/7.png')));
    },
    expect: [refusal('/avatars/', undefined, 'browser.corp_blocked', 'CORP same-origin on a cross-origin <img>')],
  },
  {
    id: 'corp-cross-origin-img',
    what: "helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }): the same embed loads (quiet)",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.page.evaluate(loadImage(t.url(EH, '/public/7.png')));
    },
    expect: [quiet('/public/', 200, 'CORP cross-origin: the image loads')],
  },
  {
    id: 'coep-embed',
    what: 'a page with helmet({ crossOriginEmbedderPolicy: true }) embeds an image from another origin that sends no CORP',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(EH, '/coep/page'));
      await t.page.waitForLoadState('load');
    },
    expect: [
      refusal(
        '/plain/chart.png',
        undefined,
        'browser.corp_blocked',
        "the page's COEP require-corp, no CORP on the image",
      ),
    ],
  },
  {
    id: 'csp-script',
    what: "a page under helmet()'s default CSP (script-src 'self') loads a script from another origin",
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(EH, '/csp/page'));
      await t.page.waitForLoadState('load');
    },
    expect: [refusal('/plain/widget.js', undefined, 'browser.csp_blocked', "script-src 'self' in the page's CSP")],
  },
  {
    id: 'rate-limiter-flexible',
    what: "rate-limiter-flexible's README middleware (1 point a minute): two searches",
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(EH, '/api/search?q=a'));
    },
    expect: [
      quiet('/api/search', 200, 'the first search'),
      refusal('/api/search', 429, 'rate_limit.exceeded', 'text/html "Too Many Requests", no headers'),
    ],
  },
  {
    id: 'lusca-csrf-missing',
    what: 'lusca.csrf(): the session cookie is set, the JSON POST carries no token (403, Express\'s "Error: CSRF token missing" page)',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EH, '/lusca/form'));
      await t.api.post(t.url(EH, '/lusca/transfer'), { data: { amount: 10 } });
    },
    expect: [refusal('/lusca/transfer', 403, 'csrf.invalid', 'Error: CSRF token missing', [], 'POST')],
  },
  {
    id: 'lusca-csrf-mismatch',
    what: 'lusca.csrf(): a POST with an X-CSRF-Token from another session',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(EH, '/lusca/form'));
      await t.api.post(t.url(EH, '/lusca/transfer'), {
        data: { amount: 10 },
        headers: { 'x-csrf-token': 'bm90LXRoaXMtc2Vzc2lvbnM=' },
      });
    },
    expect: [refusal('/lusca/transfer', 403, 'csrf.invalid', 'Error: CSRF token mismatch', [], 'POST')],
  },
  {
    id: 'lusca-csrf-ok',
    what: 'lusca.csrf(): the POST echoes the token from /lusca/form (quiet)',
    via: 'api',
    run: async (t) => {
      const { csrf } = (await (await t.api.get(t.url(EH, '/lusca/form'))).json()) as { csrf: string };
      await t.api.post(t.url(EH, '/lusca/transfer'), { data: { amount: 10 }, headers: { 'x-csrf-token': csrf } });
    },
    expect: [quiet('/lusca/transfer', 200, 'a passing CSRF POST', 'POST')],
  },
];

export const RESTIFY_SCENARIOS: Scenario[] = [
  {
    id: 'unauthorized-none',
    what: 'nothing sent: UnauthorizedError, 401 {"code":"Unauthorized","message":"Authorization required"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RS, '/files/1'))),
    expect: [refusal('/files/', 401, 'auth.missing', 'no Authorization; the message asks for one')],
  },
  {
    id: 'invalid-credentials',
    what: 'a wrong Basic password: InvalidCredentialsError, 401 {"code":"InvalidCredentials"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(RS, '/files/1'), { headers: { authorization: basic('lab', 'nope') } })),
    expect: [refusal('/files/', 401, 'auth.invalid', '"Invalid username or password"')],
  },
  {
    id: 'not-authorized',
    what: 'a signed-in user, a file not theirs: NotAuthorizedError, 403 {"code":"NotAuthorized"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(RS, '/files/2'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [refusal('/files/', 403, 'permission.denied', '"You may not read file 2" to a known user')],
  },
  {
    id: 'throttle',
    what: 'restify.plugins.throttle (burst 1, 0.5 r/s per IP): two exports at once',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 2; i++) await t.api.get(t.url(RS, '/export'));
    },
    expect: [
      quiet('/export', 200, 'the first export'),
      refusal(
        '/export',
        429,
        'rate_limit.exceeded',
        '{"code":"TooManyRequests","message":"You have exceeded your request rate of 0.5 r/s."}',
      ),
    ],
  },
  {
    id: 'lookalike-invalid-argument',
    what: 'a signup with a short password: InvalidArgumentError, 409 {"code":"InvalidArgument"} (restify\'s validation error)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(RS, '/signup'), { data: { username: 'lab', password: 'short' } })),
    expect: [quiet('/signup', 409, '"password must be at least 8 characters": validation', 'POST')],
  },
  {
    id: 'lookalike-404',
    what: 'an unknown route: 404 {"code":"ResourceNotFound"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(RS, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
  {
    id: 'lookalike-method',
    what: 'a DELETE on a GET route: 405 {"code":"MethodNotAllowed"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.delete(t.url(RS, '/files/1'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/files/', 405, 'method not allowed, a routing answer', 'DELETE')],
  },
];
