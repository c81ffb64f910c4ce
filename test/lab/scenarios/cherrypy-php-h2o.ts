// The fifth Debian set (issue 17): CherryPy 18 (conf/cherrypy/app.py), PHP 8.2's built-in server with a small site in
// the manual's patterns (conf/php/router.php) and h2o 2.2 with its mruby handlers (conf/h2o/h2o.conf). The labels were
// written before the engine was scored on the recordings.
import type { Scenario } from '../types';
import { appPage, basic, digest, hs256, quiet, refusal } from './helpers';

const C = 'cherrypy';
const P = 'php';
const H = 'h2o';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

export const CHERRYPY_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'tools.auth_basic, nothing sent: 401 with Basic realm="lab", charset="UTF-8"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/basic/'))),
    expect: [refusal('/basic/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'tools.auth_basic, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/basic/'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/basic/', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'digest-none',
    what: 'tools.auth_digest, nothing sent: 401 with a Digest challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/digest/'))),
    expect: [refusal('/digest/', 401, 'auth.missing', 'Digest challenge, no Authorization sent')],
  },
  {
    id: 'digest-wrong',
    what: 'tools.auth_digest: the response computed from the challenge with a wrong password',
    via: 'api',
    run: async (t) => {
      const first = await t.api.get(t.url(C, '/digest/'));
      const challenge = first.headers()['www-authenticate'] ?? '';
      await t.api.get(t.url(C, '/digest/'), {
        headers: { authorization: digest(challenge, 'GET', '/digest/', 'lab', 'wrong') },
      });
    },
    expect: [refusal('/digest/', 401, 'auth.invalid', 'a Digest response sent, challenged again')],
  },
  {
    id: 'role-forbidden',
    what: 'HTTPError(403, "Administrators only.") to a user signed in with Basic',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/basic/settings'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/basic/settings',
        403,
        'permission.denied',
        'CherryPy\'s 403 page "Administrators only." to a Basic caller',
      ),
    ],
  },
  {
    id: 'bearer-none',
    what: 'HTTPError(401) with a Bearer challenge, nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/me'))),
    expect: [refusal('/api/me', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'bearer-unknown',
    what: 'HTTPError(401), a Bearer token the app does not know',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(C, '/api/me'), { headers: { authorization: 'Bearer lab-token-0000' } })),
    expect: [refusal('/api/me', 401, 'auth.invalid', 'a Bearer token sent, challenged again')],
  },
  {
    id: 'referer-refused',
    what: 'tools.referer (the site\'s own origin only): the lab page\'s form POSTs the upload, "Forbidden Referer header."',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      const sent = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(
        `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(t.url(C, '/upload/'))};
          const i = document.createElement('input'); i.name = 'file'; i.value = 'lab'; f.append(i); document.body.append(f); f.submit(); })()`,
      );
      await sent;
      await t.page.waitForLoadState('load');
    },
    expect: [
      refusal(
        '/upload/',
        403,
        'csrf.invalid',
        'a Referer check (a CSRF defence) refusing a cross-site form POST: "403 Forbidden … Forbidden Referer header."',
        ['waf.blocked', 'permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-405',
    what: 'tools.allow (GET only) to a DELETE: 405 with Allow',
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(C, '/api/items'))),
    expect: [quiet('/api/items', 405, 'a method the route does not have, not a refusal of the caller')],
  },
  {
    id: 'lookalike-503',
    what: 'HTTPError(503, "Down for maintenance.") with Retry-After',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/maintenance'))),
    expect: [quiet('/api/maintenance', 503, 'the service is down, not refusing the caller')],
  },
  {
    id: 'lookalike-500',
    what: "an unhandled exception: CherryPy's 500 page (production, no traceback)",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/boom'))),
    expect: [quiet('/api/boom', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: "no such handler: CherryPy's 404 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/nothing-here'))),
    expect: [quiet('/api/nothing-here', 404, 'not found')],
  },
  {
    id: 'lookalike-200-about-403',
    what: 'a status endpoint whose JSON mentions "403 Forbidden errors"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(C, '/api/status'))),
    expect: [quiet('/api/status', 200, 'a 200 that talks about 403')],
  },
];

const PHP_SECRET = 'lab-php-jwt-secret';

export const PHP_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'the manual\'s HTTP authentication example, nothing sent: 401 "Text to send if user hits Cancel button"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/admin.php'))),
    expect: [refusal('/admin.php', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: "the manual's example, a wrong password (the same 401)",
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(P, '/admin.php'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/admin.php', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'jwt-expired',
    what: 'a Bearer JWT whose exp is past: 401 invalid_token "The access token expired"',
    via: 'api',
    run: async (t) => {
      const token = hs256({ sub: 'lab', exp: Math.floor(Date.now() / 1000) - 3600 }, PHP_SECRET);
      await t.api.get(t.url(P, '/api/me.php'), { headers: { authorization: `Bearer ${token}` } });
    },
    expect: [
      refusal(
        '/api/me.php',
        401,
        'auth.token_expired',
        'RFC 6750 invalid_token, "The access token expired"; exp in the past',
      ),
    ],
  },
  {
    id: 'jwt-bad-signature',
    what: 'a Bearer JWT signed with another secret: 401 invalid_token "The access token is invalid"',
    via: 'api',
    run: async (t) => {
      const token = hs256({ sub: 'lab', exp: Math.floor(Date.now() / 1000) + 3600 }, 'another-secret');
      await t.api.get(t.url(P, '/api/me.php'), { headers: { authorization: `Bearer ${token}` } });
    },
    expect: [refusal('/api/me.php', 401, 'auth.invalid', 'RFC 6750 invalid_token to a token the API did not sign')],
  },
  {
    id: 'bearer-none',
    what: 'the API with no Authorization: 401 {"error":"unauthorized"} with a Bearer challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/api/me.php'))),
    expect: [refusal('/api/me.php', 401, 'auth.missing', 'Bearer challenge, no Authorization sent')],
  },
  {
    id: 'csrf-invalid',
    what: 'a session CSRF token compared with hash_equals: a script POSTs the profile with a wrong token (403 "Invalid CSRF token")',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(P, '/profile.php'));
      await t.fetchInPage(t.url(P, '/profile.php'), {
        method: 'POST',
        headers: form,
        body: 'csrf_token=0000&name=lab',
      });
    },
    expect: [
      refusal('/profile.php', 403, 'csrf.invalid', '"Invalid CSRF token" to a same-origin form POST', [], 'POST'),
    ],
  },
  {
    id: 'lookalike-csrf-passing',
    what: 'the profile form submitted with its token: 200',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(P, '/profile.php'));
      const posted = t.page.waitForResponse((r) => r.request().method() === 'POST');
      await t.page.evaluate(`(() => { const f = document.forms[0]; f.name.value = 'lab'; f.submit(); })()`);
      await posted;
      await t.page.waitForLoadState('load');
    },
    expect: [quiet('/profile.php', 200, 'the token matched: the profile was saved', 'POST')],
  },
  {
    id: 'cors-partner-origin',
    what: 'header("Access-Control-Allow-Origin: https://partner.example.com"); the lab page\'s fetch',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(P, '/api/partner.php'));
    },
    expect: [
      refusal(
        '/api/partner.php',
        undefined,
        'cors.allow_origin_mismatch',
        'the answer allows one other origin; the browser withholds it from the lab page',
      ),
    ],
  },
  {
    id: 'session-redirect-fetch',
    what: 'a session guard: a fetch() without the session is sent to /login.php?redirect=%2Faccount.php, followed',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(P, '/login.php'));
      await t.fetchInPage(t.url(P, '/account.php'));
    },
    expect: [refusal('/account.php', 302, 'auth.missing', 'the call was answered by a redirect to the login page')],
  },
  {
    id: 'lookalike-login-then-redirect',
    what: 'a visitor sent to the login page signs in and is sent back to redirect=',
    via: 'browser',
    run: async (t) => {
      await t.open(t.url(P, '/account.php'));
      await t.page.evaluate(`(() => { const f = document.forms[0];
        f.username.value = 'lab'; f.password.value = 'labpass'; f.submit(); })()`);
      await t.page.waitForURL(/\/account\.php$/);
      await t.page.waitForLoadState('load');
    },
    expect: [
      quiet('/account.php', 302, 'a page navigation sent to the login page: the browser shows it', 'GET'),
      quiet('/login.php', 302, 'the login succeeded: the redirect back is ordinary navigation', 'POST'),
      quiet('/account.php', 200, 'the account page, signed in', 'GET'),
    ],
  },
  {
    id: 'lookalike-validation-422',
    what: 'a sign-up whose password is too short: 422 naming the password',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(P, '/api/signup.php'), { data: { username: 'lab5', password: 'short' } })),
    expect: [quiet('/api/signup.php', 422, 'a validation error naming the password field')],
  },
  {
    id: 'lookalike-500',
    what: 'a fatal error (an undefined function), display_errors off: an empty 500',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/api/boom.php'))),
    expect: [quiet('/api/boom.php', 500, 'a server error, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: "a missing file: the built-in server's own 404 page",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/nothing-here.html'))),
    expect: [quiet('/nothing-here.html', 404, 'not found')],
  },
  {
    id: 'lookalike-200-about-403',
    what: 'a help page titled "403 Forbidden: what it means"',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(P, '/help.php'))),
    expect: [quiet('/help.php', 200, 'a 200 that talks about 403')],
  },
];

export const H2O_SCENARIOS: Scenario[] = [
  {
    id: 'htpasswd-none',
    what: 'htpasswd.rb on /private, nothing sent: 401 "Authorization Required" with a Basic challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/private/report.txt'))),
    expect: [refusal('/private/report.txt', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'htpasswd-wrong',
    what: 'htpasswd.rb, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H, '/private/report.txt'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/private/report.txt', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'lookalike-htpasswd-right',
    what: 'htpasswd.rb, the right password: the file',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(H, '/private/report.txt'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/private/report.txt', 200, 'signed in: the file is served')],
  },
  {
    id: 'acl-deny',
    what: 'acl.rb: allow one address, deny the rest (403 "Forbidden", text without a type)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/internal/file.txt'))),
    expect: [
      refusal(
        '/internal/file.txt',
        403,
        'filesystem.forbidden',
        "h2o's bare 403 to a static file without credentials; the config denies the address, which the capture cannot show",
        ['ip.blocked', 'waf.blocked'],
      ),
    ],
  },
  {
    id: 'api-key-missing',
    what: 'acl.rb respond(401) when X-Api-Key is empty: {"error":"API key required"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/api/orders'))),
    expect: [refusal('/api/orders', 401, 'api_key.missing', 'the body names the missing API key')],
  },
  {
    id: 'api-key-wrong',
    what: 'acl.rb respond(403) to an unknown X-Api-Key: {"error":"API key not valid"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/api/orders'), { headers: { 'x-api-key': 'lab-key-0000' } })),
    expect: [refusal('/api/orders', 403, 'api_key.invalid', 'an X-Api-Key sent, "API key not valid"')],
  },
  {
    id: 'lookalike-api-key-right',
    what: "the right X-Api-Key: proxied to the lab's page host, 200",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/api/orders'), { headers: { 'x-api-key': 'lab-key-7f3a' } })),
    expect: [quiet('/api/orders', 200, 'the key passed: the backend answered')],
  },
  {
    id: 'dos-detector',
    what: 'dos_detector.rb (threshold 3 in 10 s): two searches pass, the third is "403 Forbidden"',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(H, `/search?q=lab${i}`));
    },
    expect: [
      quiet('/search?q=lab0', 200, 'the first search'),
      refusal(
        '/search?q=lab2',
        403,
        'rate_limit.exceeded',
        'dos_detector\'s default callback: a bare 403 "Forbidden" once a client passes the threshold (the same path answered 200 just before)',
        ['waf.blocked'],
      ),
    ],
  },
  {
    id: 'lookalike-502',
    what: 'proxy.reverse.url to a port nothing listens on: 502 "connection failed"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/legacy/report'))),
    expect: [quiet('/legacy/report', 502, 'the upstream is down, not a refusal')],
  },
  {
    id: 'lookalike-404',
    what: 'a missing file: h2o\'s "not found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(H, '/nothing-here.txt'))),
    expect: [quiet('/nothing-here.txt', 404, 'not found')],
  },
];
