// What the user reads for each CORS failure kind (lib/diagnose/rules/cors/kinds.ts, text.ts, fixes.ts,
// wording.ts, evidence.ts): which response failed, what it means with and without the preflight in the
// log, what Chrome's console printed or that it was inferred, the refusal a CORS block hides, and the
// headers to send. The checks are the Fetch standard's (https://fetch.spec.whatwg.org/#cors-check,
// #cors-preflight-fetch); Private Network Access's preflight header is from
// https://wicg.github.io/private-network-access/. Entries are shaped as Chrome records them
// (net::ERR_FAILED, test/unit/cors/helpers.ts).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { LogIndex } from '../../../../lib/core/log-index';
import { safeUrl } from '../../../../lib/diagnose/rules/cors/evidence';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, preflight } from '../../cors/helpers';

const corsCauses = (entries: EntrySpec[]) =>
  diagnose(makeHar(entries), { all: true })
    .at(-1)!
    .causes.filter((c) => c.id.startsWith('cors.'));
const first = (entries: EntrySpec[]) => corsCauses(entries)[0]!;
const lines = (entries: EntrySpec[]) => first(entries).evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);

const SENT = [
  `request.header origin | Origin: ${PAGE}`,
  `request.line - | GET ${API}`,
  'browser _error | net::ERR_FAILED: the page saw a network error, not the response',
];
const VARY = ', and "Vary: Origin" when the value is echoed from an allow-list.';

describe('no Access-Control-Allow-Origin', () => {
  it('on the response: what the page origin was denied, and the header to send on that route', () => {
    const c = first([blocked({ method: 'GET', status: 200 })]);
    expect(c.title).toBe('No Access-Control-Allow-Origin on the response');
    expect(c.summary).toBe(
      `Chrome blocked it: "No 'Access-Control-Allow-Origin' header is present on the requested resource." ` +
        `The response came back without Access-Control-Allow-Origin, so the browser hid it from ${PAGE}.`,
    );
    expect(c.fixes).toEqual([`Send "Access-Control-Allow-Origin: ${PAGE}" on responses to /v1/items${VARY}`]);
  });

  it('on a credentialed 401: the cookies quoted, Allow-Credentials asked for, and the hidden refusal said with its own fix', () => {
    const entries = [blocked({ method: 'GET', status: 401, requestHeaders: { Cookie: 'sid=1; theme=d' } })];
    const c = first(entries);
    expect(c.summary).toMatch(
      / The CORS error hides a real 401: the server refused the request itself, and most frameworks add CORS headers only to successful responses\. Fix both\.$/,
    );
    expect(c.fixes).toEqual([
      `Send "Access-Control-Allow-Origin: ${PAGE}" on responses to /v1/items with "Access-Control-Allow-Credentials: true"${VARY}`,
      `Add the CORS headers to error responses too, then read the real 401: API Gateway: add Access-Control-Allow-Origin: ${PAGE} ` +
        'to the DEFAULT_4XX and DEFAULT_5XX gateway responses; nginx: add_header ... always; Express: register cors() before auth and rate-limit middleware.',
    ]);
    expect(lines(entries)).toEqual([
      ...SENT,
      'response.status - | 401: received by the browser, withheld from the page',
      'request.cookie - | Cookie sent (sid, theme): credentials mode "include"',
      'response.header access-control-allow-origin | Access-Control-Allow-Origin: (absent)',
      'response.header access-control-allow-credentials | Access-Control-Allow-Credentials: (absent)',
    ]);
  });

  it('a 500 behind the block is a hidden refusal too', () => {
    expect(first([blocked({ method: 'GET', status: 500 })]).summary).toMatch(/ The CORS error hides a real 500: /);
  });

  it('a simple request blocked with nothing recorded: inferred, and still what a missing header means', () => {
    const c = first([blocked({ method: 'GET', status: 0 })]);
    expect(c.summary).toBe(
      'Likely, not recorded: the browser blocked this simple request and recorded no response headers to check; a missing ' +
        'Access-Control-Allow-Origin is the usual reason. The response came back without Access-Control-Allow-Origin, ' +
        `so the browser hid it from ${PAGE}.`,
    );
  });

  it('a preflight answered 200 or 299 without the header: no status in the title, it was ok', () => {
    for (const status of [200, 299]) {
      const c = first([preflight('PUT', null, status), blocked({ method: 'PUT', status: 0 })]);
      expect(c.title).toBe('No Access-Control-Allow-Origin on the preflight response');
    }
  });

  it('a 400 or a 304 behind the block is no hidden refusal: no such sentence, no error-response fix', () => {
    for (const status of [400, 304]) {
      const c = first([blocked({ method: 'GET', status })]);
      expect(c.summary).not.toMatch(/hides a real/);
      expect(c.fixes).toHaveLength(1);
    }
  });

  it('on a preflight answered 404: the status in the title, the OPTIONS meaning, the headers a working answer carries and the routing fix', () => {
    const c = first([
      preflight('PUT', 'content-type', 404, {}, { statusText: 'Not Found' }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'Content-Type': 'application/json' } }),
    ]);
    expect(c.title).toBe('No Access-Control-Allow-Origin on the preflight response (404)');
    expect(c.summary).toMatch(
      /" The OPTIONS preflight came back without Access-Control-Allow-Origin, so the server does not speak CORS for this route \(or only on success\)\. The preflight \(entry #0\) was answered 404\.$/,
    );
    expect(c.fixes).toEqual([
      `Answer OPTIONS /v1/items with 204 and the headers "Access-Control-Allow-Origin: ${PAGE}", "Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Headers: content-type".`,
      "The server answered 404 to OPTIONS: nothing handles the preflight for this route. Put the framework's CORS middleware ahead of routing (Express app.use(cors()) before the routes, ASP.NET Core app.UseCors(), Flask-CORS), or answer OPTIONS at the proxy.",
    ]);
  });

  it('on a preflight answered 403: the refusal it hides, and the fix for authentication on OPTIONS', () => {
    const c = first([preflight('PUT', null, 403), blocked({ method: 'PUT', status: 0 })]);
    expect(c.title).toBe('No Access-Control-Allow-Origin on the preflight response (403)');
    expect(c.summary).toMatch(/ The CORS error hides a real 403 on the preflight \(entry #0\)\.$/);
    expect(c.fixes).toEqual([
      `Answer OPTIONS /v1/items with 204 and the headers "Access-Control-Allow-Origin: ${PAGE}", "Access-Control-Allow-Methods: PUT".`,
      'Let OPTIONS through without authentication: browsers never send cookies or Authorization on a preflight ' +
        '(Spring Security: http.cors(); ASP.NET Core: app.UseCors() before UseAuthentication(); API Gateway: no authorizer on the OPTIONS method).',
    ]);
  });

  it('on a 204 preflight of a credentialed GET: no status in the title, no status fix, and Allow-Credentials in the answer', () => {
    const c = first([
      preflight('GET', 'x-api-key', 204),
      blocked({ method: 'GET', status: 0, requestHeaders: { 'X-Api-Key': 'k', Cookie: 'sid=1' } }),
    ]);
    expect(c.title).toBe('No Access-Control-Allow-Origin on the preflight response');
    expect(c.fixes).toEqual([
      `Answer OPTIONS /v1/items with 204 and the headers "Access-Control-Allow-Origin: ${PAGE}", "Access-Control-Allow-Headers: x-api-key", "Access-Control-Allow-Credentials: true".`,
    ]);
  });

  it('with no preflight captured: said to be inferred, what such a failure means, and that the preflight is missing from the log', () => {
    const entries = [blocked({ method: 'PUT', status: 0, requestHeaders: { 'X-Api-Key': 'k', 'X-Trace': '1' } })];
    const [origin, header, method] = corsCauses(entries);
    expect(origin!.summary).toMatch(
      /^Likely, not recorded: the request needed a preflight \(method PUT; headers x-api-key, x-trace\).*\. A preflight fails this way when the server does not answer OPTIONS for this route with CORS headers \(no CORS middleware, or OPTIONS rejected by routing or authentication\)\.$/,
    );
    expect(origin!.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`).slice(3)).toEqual([
      'response.status - | status 0: the request never completed (blocked at or before its preflight)',
      'preflight - | no preflight (OPTIONS) for this request was captured',
      expect.stringMatching(/^log inferred \| the request needed a preflight/),
    ]);
    expect(origin!.fixes).toEqual([
      `Answer OPTIONS /v1/items with 204 and the headers "Access-Control-Allow-Origin: ${PAGE}", "Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Headers: x-api-key, x-trace".`,
    ]);
    expect(header!.title).toBe('Access-Control-Allow-Headers does not allow x-api-key');
    expect(header!.summary).toMatch(/\. The preflight must list x-api-key, x-trace in Access-Control-Allow-Headers\.$/);
    expect(header!.fixes).toEqual(['Send "Access-Control-Allow-Headers: x-api-key, x-trace" on the OPTIONS response.']);
    expect(method!.summary).toMatch(/\. The preflight must list PUT in Access-Control-Allow-Methods\.$/);
    expect(method!.fixes).toEqual(['Send "Access-Control-Allow-Methods: PUT" on the OPTIONS response.']);
  });

  it('a capture without the browser\'s verdict (no _error): "A browser blocks this", not "Chrome blocked it"', () => {
    // A proxy's or Firefox's HAR: no `_error` at all, so the block is re-derived from the headers.
    const har = makeHar([{ ...blocked({ method: 'GET', status: 200 }), error: undefined }]);
    delete (har.log.entries[0]!.response as { _error?: unknown })._error;
    const c = diagnose(har, { all: true })[0]!.causes[0]!;
    expect(c.summary).toMatch(/^A browser blocks this: "No 'Access-Control-Allow-Origin' header/);
    expect(c.evidence.map((e) => e.where)).not.toContain('browser');
  });
});

describe('an Access-Control-Allow-Origin that is there but wrong', () => {
  it('another origin: both quoted, and the echo-from-an-allow-list fix', () => {
    const c = first([
      blocked({
        method: 'GET',
        status: 200,
        responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' },
      }),
    ]);
    expect(c.summary).toMatch(
      /" Access-Control-Allow-Origin must equal the page origin https:\/\/app\.example\.com exactly \(scheme, host, port, no trailing slash\); it was 'https:\/\/other\.example'\.$/,
    );
    expect(c.fixes).toEqual([
      `Send "Access-Control-Allow-Origin: ${PAGE}": echo the request's Origin when it is in your allow-list (exact scheme, host and port, no trailing slash) and add "Vary: Origin".`,
    ]);
  });

  it('a page with an opaque origin (Origin: null): the header names no origin, and the page is told to get a real one', () => {
    const entries = [
      blocked({
        method: 'GET',
        status: 200,
        requestHeaders: { Origin: 'null' },
        responseHeaders: { 'Access-Control-Allow-Origin': PAGE },
      }),
    ];
    const c = first(entries);
    expect(c.fixes).toEqual([
      expect.stringMatching(/^Send "Access-Control-Allow-Origin: <the page origin>": echo/),
      'Serve the page from a real origin: allowing the origin `null` would admit any sandboxed or file: documents.',
    ]);
    expect(lines(entries)[0]).toBe(
      'request.header origin | page origin null (from Origin: null (opaque origin: sandboxed iframe, file: or data: page))',
    );
  });

  it('two values: one to keep, and where the second comes from', () => {
    const c = first([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, PAGE] } }),
    ]);
    expect(c.fixes[1]).toBe(
      'If two layers add it (the app and nginx, a CDN or a gateway), keep one: e.g. nginx "proxy_hide_header ' +
        'Access-Control-Allow-Origin;" before its own add_header. If an allow-list is sent as a list, look up the request Origin and echo only it.',
    );
  });

  it('`*` to a credentialed call: why `*` fails, the exact header lines, and the way without cookies', () => {
    const c = first([
      blocked({
        method: 'GET',
        status: 200,
        requestHeaders: { Cookie: 'sid=1' },
        responseHeaders: { 'Access-Control-Allow-Origin': '*' },
      }),
    ]);
    expect(c.title).toBe('Access-Control-Allow-Origin: * on a request sent with credentials');
    expect(c.summary).toMatch(
      /" The request carried credentials \(cookies\), and for such requests `\*` is not accepted: the exact origin must be named, with Access-Control-Allow-Credentials: true\.$/,
    );
    expect(c.fixes).toEqual([
      `Replace "Access-Control-Allow-Origin: *" with "Access-Control-Allow-Origin: ${PAGE}" and add "Access-Control-Allow-Credentials: true" and "Vary: Origin".`,
      "Or, if this call does not need cookies, send it without credentials (fetch credentials: 'same-origin', XHR withCredentials = false).",
    ]);
  });

  it('Allow-Credentials not `true` on a credentialed call: the way without cookies offered too', () => {
    const c = first([
      blocked({
        method: 'GET',
        status: 200,
        requestHeaders: { Cookie: 'sid=1' },
        responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'yes' },
      }),
    ]);
    expect(c.id).toBe('cors.invalid_allow_credentials');
    expect(c.summary).toMatch(/it was 'yes'\.$/);
    expect(c.fixes[1]).toBe(
      "Or, if this call does not need cookies, send it without credentials (fetch credentials: 'same-origin', XHR withCredentials = false).",
    );
  });
});

describe('a preflight that failed on its status, its redirect or its lists', () => {
  it('403 with a matching origin: the status in the title, the method never sent, the authentication fix', () => {
    const c = first([
      preflight('PUT', null, 403, { 'Access-Control-Allow-Origin': PAGE }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.title).toBe('The preflight (OPTIONS) was answered 403');
    expect(c.summary).toMatch(
      /" The preflight passed the origin check but its status was not 2xx, so the PUT was never sent\. The CORS error hides a real 403 on the preflight \(entry #0\)\.$/,
    );
    expect(c.fixes).toEqual([
      'Answer OPTIONS /v1/items with 200 or 204 (it got 403), keeping the CORS headers it already sends.',
      expect.stringMatching(/^Let OPTIONS through without authentication/),
    ]);
  });

  it('400, a status that names no place: the handler is told to answer before validating', () => {
    const c = first([
      preflight('PUT', null, 400, { 'Access-Control-Allow-Origin': PAGE }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.summary).toMatch(/ The preflight \(entry #0\) was answered 400\.$/);
    expect(c.fixes).toEqual([
      'Answer OPTIONS /v1/items with 200 or 204 (it got 400), keeping the CORS headers it already sends.',
      'Make the OPTIONS handler return success before any validation of the (absent) body or credentials.',
    ]);
  });

  it('a redirect: the title says so, and the login-page case is named', () => {
    const c = first([
      preflight('PUT', null, 302, { Location: 'https://login.example.com/sso' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.title).toBe('The preflight (OPTIONS) was redirected');
    expect(c.evidence.at(-1)).toEqual({
      where: 'preflight',
      name: 'location',
      detail: 'Location: https://login.example.com/sso',
    });
    expect(c.fixes).toEqual([
      "Call the final URL directly (https://login.example.com/sso): fix the trailing slash, the http→https hop or the host in the page's configuration.",
      'If the redirect goes to a login page, OPTIONS is behind authentication: exempt it, since preflights never carry credentials.',
    ]);
  });

  it('a method listed in another case: the note that method names are case-sensitive, and the list kept with the method added', () => {
    const c = first([
      preflight('PUT', null, 204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET, put' }),
      blocked({ method: 'PUT', status: 0 }),
    ]);
    expect(c.summary).toMatch(
      /" The preflight asked for PUT and Access-Control-Allow-Methods was 'GET, put'\. Method names are case-sensitive\.$/,
    );
    expect(c.fixes).toEqual(['Send "Access-Control-Allow-Methods: GET, put, PUT" on the OPTIONS response.']);
  });

  it('`*` methods or headers for a credentialed call: `*` counts only without credentials', () => {
    const cred = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' };
    const m = first([
      preflight('PUT', null, 204, { ...cred, 'Access-Control-Allow-Methods': '*' }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { Cookie: 'sid=1' } }),
    ]);
    expect(m.summary).toMatch(/was '\*'\. `\*` counts only for requests without credentials\.$/);
    expect(m.fixes).toEqual(['Send "Access-Control-Allow-Methods: PUT" on the OPTIONS response.']);
    const h = first([
      preflight('GET', 'x-api-key', 204, { ...cred, 'Access-Control-Allow-Headers': '*' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { 'X-Api-Key': 'k', Cookie: 'sid=1' } }),
    ]);
    expect(h.summary).toMatch(/was '\*'\. `\*` counts only for requests without credentials\.$/);
  });

  it('a credentialed call refused a method or a header without `*` in the list: no note about `*`', () => {
    const cred = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' };
    const m = first([
      preflight('PUT', null, 204, { ...cred, 'Access-Control-Allow-Methods': 'GET' }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { Cookie: 'sid=1' } }),
    ]);
    expect(m.summary).toMatch(/Access-Control-Allow-Methods was 'GET'\.$/);
    const h = first([
      preflight('GET', 'x-api-key', 204, { ...cred, 'Access-Control-Allow-Headers': 'content-type' }),
      blocked({ method: 'GET', status: 0, requestHeaders: { 'X-Api-Key': 'k', Cookie: 'sid=1' } }),
    ]);
    expect(h.summary).toMatch(/Access-Control-Allow-Headers was 'content-type'\.$/);
  });

  it('`*` among other names still counts as `*`: Authorization must be named', () => {
    const c = first([
      preflight('GET', 'authorization', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Headers': 'content-type, *',
      }),
      blocked({ method: 'GET', status: 0, requestHeaders: { Authorization: 'Bearer x' } }),
    ]);
    expect(c.summary).toMatch(/`\*` never covers Authorization: it must be listed by name\.$/);
  });

  it('`*` headers and Authorization: `*` never covers it; an absent list is said absent', () => {
    const star = first([
      preflight('GET', 'authorization', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Headers': '*',
      }),
      blocked({ method: 'GET', status: 0, requestHeaders: { Authorization: 'Bearer x' } }),
    ]);
    expect(star.summary).toMatch(
      /" The page set authorization, which needs the preflight's permission, and Access-Control-Allow-Headers was '\*'\. `\*` never covers Authorization: it must be listed by name\.$/,
    );
    expect(star.fixes).toEqual(['Send "Access-Control-Allow-Headers: authorization" on the OPTIONS response.']);
    const absent = first([
      preflight('PUT', 'x-api-key', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Methods': 'PUT',
      }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'X-Api-Key': 'k' } }),
    ]);
    expect(absent.summary).toMatch(/and Access-Control-Allow-Headers was absent\.$/);
  });
});

describe('Local Network Access', () => {
  const fixes = [
    'Allow the site in Chrome: site settings → "Local network access" (or the permission prompt); managed browsers: the LocalNetworkAccessAllowedForUrls policy.',
    'From an HTTPS page to an HTTP device, pass fetch(url, { targetAddressSpace: "local" }) (or "loopback") so Chrome can ask instead of failing as mixed content.',
    'For the older Private Network Access preflight, answer it with "Access-Control-Allow-Private-Network: true".',
  ];

  it('refused by Chrome itself: the address-space meaning and the three ways to allow it', () => {
    const c = first([
      blocked({
        method: 'GET',
        status: 0,
        url: 'http://192.168.1.10/api',
        error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
      }),
    ]);
    expect(c.title).toBe('Blocked by Local Network Access: the page called a more private address');
    expect(c.summary).toMatch(
      /" Chrome asks the user before a page reaches a more private address space \(public → local network or loopback\): Local Network Access, formerly Private Network Access\.$/,
    );
    expect(c.fixes).toEqual(fixes);
  });

  it('a Private Network Access preflight not granted: the question it asked and the answer it lacked', () => {
    const c = first([
      preflight(
        'GET',
        null,
        204,
        { 'Access-Control-Allow-Origin': PAGE },
        {
          requestHeaders: {
            Origin: PAGE,
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Private-Network': 'true',
          },
        },
      ),
      blocked({ method: 'GET', status: 0 }),
    ]);
    expect(c.id).toBe('cors.local_network');
    expect(c.summary).toMatch(
      /" Private Network Access: the preflight asked the device for permission \(Access-Control-Request-Private-Network: true\) and the answer did not grant it with Access-Control-Allow-Private-Network: true\.$/,
    );
    expect(c.fixes).toEqual(fixes);
  });
});

describe('what is quoted beside the words', () => {
  it("cookies Chrome listed only in the HAR's request.cookies count as credentials; nameless ones are skipped", () => {
    const har = makeHar([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': '*' } }),
    ]);
    har.log.entries[0]!.request.cookies = [
      { name: 'sid', value: '1' },
      { name: '', value: 'x' },
    ];
    const c = diagnose(har, { all: true })[0]!.causes[0]!;
    expect(c.id).toBe('cors.wildcard_with_credentials');
    expect(c.evidence.map((e) => e.detail)).toContain('Cookie sent (sid): credentials mode "include"');
  });

  it('blocked although every check passes without credentials: the Allow-Credentials header quoted, absent, for the inferred reading', () => {
    const c = first([
      blocked({ method: 'GET', status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE } }),
    ]);
    expect(c.id).toBe('cors.invalid_allow_credentials');
    expect(c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`).slice(4)).toEqual([
      `response.header access-control-allow-origin | Access-Control-Allow-Origin: ${PAGE}`,
      'response.header access-control-allow-credentials | Access-Control-Allow-Credentials: (absent)',
      expect.stringMatching(/^log inferred \| no Cookie header was recorded/),
    ]);
  });

  it("the preflight's status line with its reason phrase, a header it sent twice, and a page origin read from the preflight", () => {
    const entries = [
      preflight(
        'PUT',
        null,
        200,
        { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': ['GET', 'POST'] },
        {
          statusText: 'OK',
          requestHeaders: {
            Origin: PAGE,
            'Access-Control-Request-Method': 'PUT',
            'Access-Control-Request-Headers': ['x-a', 'x-b'],
          },
        },
      ),
      blocked({ method: 'PUT', status: 0, requestHeaders: { Origin: undefined as unknown as string } }),
    ];
    delete entries[1]!.requestHeaders!.Origin;
    expect(lines(entries)).toContain(`preflight #0 | OPTIONS ${API} → 200 OK (entry #0)`);
    expect(lines(entries)).toContain(
      'preflight access-control-request-headers | Access-Control-Request-Headers: x-a, x-b',
    );
    expect(lines(entries)).toContain(
      'preflight access-control-allow-methods | response Access-Control-Allow-Methods: GET, POST (sent 2 times)',
    );
    expect(lines(entries)[0]).toBe(
      `request.header origin | page origin ${PAGE} (from the preflight's Origin header (entry #0))`,
    );
  });

  it('a call with no browser verdict and no page origin: the origin said unknown, and no network-error line', () => {
    const har = makeHar([
      {
        url: API,
        status: 200,
        requestHeaders: { 'Sec-Fetch-Mode': 'cors' },
        responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' },
        error: 'net::ERR_FAILED',
      },
    ]);
    const c = diagnose(har, { all: true })[0]!.causes.find((k) => k.id.startsWith('cors.'));
    expect(c?.evidence[0]!.detail).toMatch(/^page origin unknown \(from /);
  });

  it('a URL that does not parse is quoted up to its query', () => {
    const x = new LogIndex(makeHar([{ url: 'not a url?token=abc', status: 200 }])).exchanges[0]!;
    expect(safeUrl(x)).toBe('not a url');
  });
});
