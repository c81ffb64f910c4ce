import { describe, expect, it } from 'vitest';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';
import { toExchange } from '../../../lib/model/exchange';
import { LogIndex } from '../../../lib/core/log-index';
import { errorRedirect } from '../../../lib/inspect/error-redirect';
import { jsonCsrfToken, mayBeCsrfTokenBody } from '../../../lib/inspect/json-csrf-token';
import { socketIoConnectAuth, socketIoConnectError } from '../../../lib/inspect/socket-io';

// Issue 17, the lab's seventh Node set (test/lab/servers7node.ts, scenarios/node7.ts): classes the engine did not
// read before it saw Sails.js, Auth.js (@auth/express), Socket.IO and http-server, each stated from the behaviour
// the program documents or its source shows.

const top = (entries: EntrySpec[]) => {
  const d = lastDiagnosis(entries);
  return d.flagged ? d.causes[0]!.id : 'not flagged';
};

const APP = 'http://app.example.test';
const JSON_MIME = 'application/json; charset=utf-8';
const form = 'application/x-www-form-urlencoded';

describe("Auth.js states a refused sign-in in its redirect's query (?error=<type>)", () => {
  const callback = (location: string, resourceType = 'fetch'): EntrySpec => ({
    method: 'POST',
    url: `${APP}/api/auth/callback/credentials`,
    status: 302,
    requestHeaders: { 'Content-Type': form },
    requestBody: 'email=bo%40lab.test&password=wrong-pass',
    requestMimeType: form,
    responseHeaders: { Location: location },
    resourceType,
  });

  it('reads the documented refusal types: CredentialsSignin, MissingCSRF, AccessDenied, SessionRequired', () => {
    expect(top([callback(`${APP}/api/auth/signin?error=CredentialsSignin&code=credentials`)])).toBe('auth.invalid');
    expect(top([callback(`${APP}/api/auth/signin?error=MissingCSRF`)])).toBe('csrf.invalid');
    expect(top([callback(`${APP}/api/auth/error?error=AccessDenied`)])).toBe('permission.denied');
    expect(top([callback('/login?error=SessionRequired')])).toBe('auth.missing');
  });

  it("reads a sign-in form's navigation too: the POST was refused, whatever page the browser shows next", () => {
    expect(top([callback(`${APP}/api/auth/signin?error=MissingCSRF`, 'document')])).toBe('csrf.invalid');
  });

  it('leaves faults, other hosts and the error page itself alone', () => {
    // OAuthCallback and Configuration are the server's own failures, not a refusal of the caller
    expect(top([callback(`${APP}/api/auth/signin?error=OAuthCallback`)])).toBe('not flagged');
    expect(top([callback(`${APP}/api/auth/error?error=Configuration`)])).toBe('not flagged');
    // another host's query is that host's business
    expect(top([callback('https://elsewhere.example.test/signin?error=MissingCSRF')])).toBe('not flagged');
    // the sign-in page the redirect leads to is a 200 page that shows the error
    expect(
      top([{ url: `${APP}/api/auth/signin?error=CredentialsSignin`, status: 200, body: '<p>Sign in failed.</p>' }]),
    ).toBe('not flagged');
  });
});

describe('a redirect to the sign-in page is a missing session, for a client that follows it', () => {
  const guarded = (path: string, location: string, method = 'GET', resourceType = 'fetch'): EntrySpec => ({
    method,
    url: `${APP}${path}`,
    status: 302,
    responseHeaders: { Location: location },
    resourceType,
  });

  it("reads Auth.js's callbackUrl as the way back", () => {
    expect(top([guarded('/dashboard', '/api/auth/signin?callbackUrl=%2Fdashboard')])).toBe('auth.missing');
    expect(top([guarded('/dashboard', '/api/auth/signin?callbackUrl=%2Fdashboard', 'GET', 'document')])).toBe(
      'not flagged',
    );
  });

  it("reads a bare sign-in page (Sails' Web App template, Spring Security) when a GET was sent there", () => {
    expect(top([guarded('/account', '/login')])).toBe('auth.missing');
    expect(top([guarded('/account', `${APP}/login`)])).toBe('auth.missing');
  });

  it('leaves a sign-out, a sign-in, a POST, a page navigation and a sign-in page with a query alone', () => {
    expect(top([guarded('/logout', '/login')])).toBe('not flagged');
    expect(top([guarded('/api/v1/account/logout', '/login')])).toBe('not flagged');
    expect(top([guarded('/login', '/login')])).toBe('not flagged');
    expect(top([guarded('/notes', '/login', 'POST')])).toBe('not flagged');
    expect(top([guarded('/account', '/login', 'GET', 'document')])).toBe('not flagged');
    expect(top([guarded('/account', '/login?lang=de')])).toBe('not flagged');
    expect(top([guarded('/account', 'https://sso.example.test/login')])).toBe('not flagged');
  });
});

describe("Socket.IO's CONNECT_ERROR packet inside a polling 200 is a refusal in words", () => {
  const SIO = `${APP}/socket.io/?EIO=4&transport=polling`;
  const SID = 'dH_u9472q4bjIS0PAAAA';
  const handshake: EntrySpec = {
    url: `${SIO}&t=1`,
    status: 200,
    body: `0{"sid":"${SID}","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}`,
    mimeType: 'text/plain',
  };
  const connect = (packet: string): EntrySpec => ({
    method: 'POST',
    url: `${SIO}&sid=${SID}`,
    status: 200,
    requestHeaders: { 'Content-Type': 'text/plain;charset=UTF-8' },
    requestBody: packet,
    requestMimeType: 'text/plain;charset=UTF-8',
    body: 'ok',
    mimeType: 'text/html',
  });
  const poll = (body: string, url = `${SIO}&sid=${SID}`): EntrySpec => ({
    url,
    status: 200,
    body,
    mimeType: 'text/plain',
  });

  it("reads the middleware's message (next(new Error(…))) from the packet, namespace or not", () => {
    const read = (spec: EntrySpec) => socketIoConnectError(toExchange(makeEntry(spec), 0))?.message;
    expect(read(poll('44{"message":"not authorized"}'))).toBe('not authorized');
    expect(read(poll('44/admin,{"message":"not authorized","data":{"code":7}}'))).toBe('not authorized');
    expect(read(poll('2\u001e44{"message":"not authorized"}'))).toBe('not authorized');
    // not an Engine.IO poll, or another packet: nothing read
    expect(read(poll('44{"message":"not authorized"}', `${APP}/api/feed`))).toBeUndefined();
    expect(read(poll(`40{"sid":"${SID}"}`))).toBeUndefined();
  });

  it('is auth.missing when the CONNECT packet carried no auth, auth.invalid when it carried a token', () => {
    const refused = poll('44{"message":"not authorized"}');
    expect(top([handshake, connect('40'), refused])).toBe('auth.missing');
    expect(top([handshake, connect('40{"token":"nope"}'), refused])).toBe('auth.invalid');
  });

  it("leaves an accepted connection and a middleware's other errors alone", () => {
    expect(top([handshake, connect('40{"token":"good"}'), poll(`40{"sid":"${SID}"}`)])).toBe('not flagged');
    expect(top([handshake, connect('40'), poll('44{"message":"room is full"}')])).toBe('not flagged');
  });
});

describe('a CSRF token handed out as JSON (Sails GET /csrfToken, Auth.js GET /api/auth/csrf)', () => {
  const TOKEN = 'nshS1xJf-pJ7RSZdFMEYCw9IhKIG5ZlJ_AII';
  const grant: EntrySpec = {
    url: `${APP}/csrfToken`,
    status: 200,
    body: `{\n  "_csrf": "${TOKEN}"\n}`,
    mimeType: JSON_MIME,
  };
  const post = (headers: Record<string, string>, status = 403): EntrySpec => ({
    method: 'POST',
    url: `${APP}/api/v1/notes`,
    status,
    requestHeaders: { 'Content-Type': 'application/json', ...headers },
    requestBody: '{"text":"x"}',
    requestMimeType: 'application/json',
    body: 'Forbidden',
    mimeType: 'text/plain; charset=utf-8',
  });

  it('reads a bare 403 to an unsafe call that sent none, or another value, as csrf.invalid', () => {
    expect(top([grant, post({})])).toBe('csrf.invalid');
    expect(top([grant, post({ 'X-CSRF-Token': 'stale-token-from-another-tab' })])).toBe('csrf.invalid');
  });

  it("does not when the call sent the token it was given, or nothing handed one out, or the body isn't a token", () => {
    expect(top([grant, post({ 'X-CSRF-Token': TOKEN })])).not.toBe('csrf.invalid');
    expect(top([post({})])).not.toBe('csrf.invalid');
    const data: EntrySpec = {
      ...grant,
      url: `${APP}/api/v1/notes/7`,
      body: JSON.stringify({ id: 7, text: 'x', owner: 'bo', _csrf: TOKEN }),
    };
    expect(top([data, post({})])).not.toBe('csrf.invalid');
  });
});

describe("Sails' CSRF check keeps its token in the session (sails.sid) and answers res.forbidden()", () => {
  const SID = 's%3A2L20o5u9-UDfT0pEdGOse9jMCzM_N4VD.6BpGYQQX4yMcUJuOmC%2FZ6QSFBTAipMW4ZVcFhKfrM50';
  const page: EntrySpec = {
    url: `${APP}/api/v1/public/status`,
    status: 200,
    responseHeaders: { 'Set-Cookie': `sails.sid=${SID}; Path=/; HttpOnly`, 'X-Powered-By': 'Sails <sailsjs.com>' },
    body: '{"ok":true}',
    mimeType: JSON_MIME,
  };
  const call = (method: string, headers: Record<string, string> = {}): EntrySpec => ({
    method,
    url: `${APP}/api/v1/notes`,
    status: 403,
    requestHeaders: { Cookie: `sails.sid=${SID}`, 'Content-Type': 'application/json', ...headers },
    requestBody: method === 'GET' ? undefined : '{"text":"x"}',
    responseHeaders: { 'X-Powered-By': 'Sails <sailsjs.com>' },
    body: 'Forbidden',
    mimeType: 'text/plain; charset=utf-8',
  });

  it('reads an unsafe call on a session the server issued, without a token, as csrf.invalid', () => {
    expect(top([page, call('POST')])).toBe('csrf.invalid');
    expect(top([page, call('DELETE')])).toBe('csrf.invalid');
  });

  it("leaves a GET's 403 (a policy), a call with an Authorization header, and a session never issued alone", () => {
    expect(top([page, call('GET')])).toBe('permission.denied');
    expect(top([page, call('POST', { Authorization: 'Bearer lab-token' })])).not.toBe('csrf.invalid');
    expect(top([call('POST')])).not.toBe('csrf.invalid');
  });
});

describe("a session-token cookie is a credential, not a logged-out browser's cookies (Auth.js's JWT session)", () => {
  const me = (cookie: string): EntrySpec => ({
    url: `${APP}/api/me`,
    status: 401,
    requestHeaders: { Cookie: cookie },
    body: '{"error":"Not authenticated"}',
    mimeType: JSON_MIME,
  });

  it('reads "not authenticated" to an authjs/next-auth session-token as auth.invalid', () => {
    expect(top([me('authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged')])).toBe(
      'auth.invalid',
    );
    expect(top([me('__Secure-next-auth.session-token=eyJhbGciOiJkaXIifQ..x.y.z')])).toBe('auth.invalid');
  });

  it('still reads a browser with only anonymous cookies as auth.missing', () => {
    expect(top([me('_ga=GA1.1.123.456; theme=dark')])).toBe('auth.missing');
  });
});

describe('the readers at their edges', () => {
  const x = (spec: EntrySpec, i = 0) => toExchange(makeEntry(spec, i), i);
  const logOf = (specs: EntrySpec[]) => new LogIndex(makeHar(specs));

  it('errorRedirect: redirect statuses only, a usable Location (or HAR redirectURL) on the same host', () => {
    const r = (status: number, location?: string, method = 'POST') =>
      errorRedirect(
        x({
          method,
          url: `${APP}/auth/callback/credentials`,
          status,
          responseHeaders: location === undefined ? {} : { Location: location },
        }),
      );
    for (const s of [301, 302, 303, 307, 308])
      expect(r(s, '/auth/signin?error=MissingCSRF')?.cause).toBe('csrf.invalid');
    expect(r(200, '/auth/signin?error=MissingCSRF')).toBeNull();
    expect(r(304, '/auth/signin?error=MissingCSRF')).toBeNull();
    expect(r(302, '/auth/signin?error=MissingCSRF', 'OPTIONS')).toBeNull();
    expect(r(302)).toBeNull();
    expect(r(302, '')).toBeNull();
    expect(r(302, 'http://[bad')).toBeNull();
    expect(r(302, '/auth/signin')).toBeNull();
    const pad = (n: number) => `/auth/signin?error=MissingCSRF&pad=${'a'.repeat(n - 35)}`;
    expect(pad(4096)).toHaveLength(4096);
    expect(r(302, pad(4096))?.type).toBe('MissingCSRF');
    expect(r(302, pad(4097))).toBeNull();
    const entry = makeEntry({ method: 'POST', url: `${APP}/auth/callback/credentials`, status: 302 });
    entry.response.redirectURL = `${APP}/auth/signin?error=CredentialsSignin&code=credentials`;
    expect(errorRedirect(toExchange(entry, 0))).toMatchObject({ type: 'CredentialsSignin', cause: 'auth.invalid' });
    // an inherited key is no error type
    expect(r(302, '/auth/signin?error=constructor')).toBeNull();
  });

  it('mayBeCsrfTokenBody: a small JSON object from a successful GET that names a token', () => {
    const body = (text: string, status = 200, method = 'GET') =>
      mayBeCsrfTokenBody(x({ method, url: `${APP}/csrfToken`, status, body: text, mimeType: JSON_MIME }));
    const token = '{"_csrf":"nshS1xJf-pJ7RSZdFMEYCw9IhKIG5ZlJ_AII"}';
    expect(body(token)).toBe(true);
    expect(body(`  \n${token}`)).toBe(true);
    expect(body(token, 299)).toBe(true);
    expect(body(token, 300)).toBe(false);
    expect(body(token, 199)).toBe(false);
    expect(body(token, 200, 'POST')).toBe(false);
    expect(body(`[${token}]`)).toBe(false);
    expect(body('x{"_csrf":"abc"}')).toBe(false);
    expect(body('{"ok":true}')).toBe(false);
    expect(body('{"xsrfToken":"abcdefgh"}')).toBe(true);
    expect(body('{"_token":"abcdefgh"}')).toBe(true);
    expect(body('')).toBe(false);
    const sized = (n: number) => `{"csrf":"${'a'.repeat(n - 11)}"}`;
    expect(sized(2048)).toHaveLength(2048);
    expect(body(sized(2048))).toBe(true);
    expect(body(sized(2049))).toBe(false);
  });

  it('jsonCsrfToken: the latest small token object of the same origin before the call, and what the call did with it', () => {
    const TOKEN = 'nshS1xJf-pJ7RSZdFMEYCw9IhKIG5ZlJ_AII';
    const grant = (text: string, extra: Partial<EntrySpec> = {}): EntrySpec => ({
      url: `${APP}/csrfToken`,
      status: 200,
      body: text,
      mimeType: JSON_MIME,
      ...extra,
    });
    const call = (headers: Record<string, string> = {}, method = 'POST', body = '{"text":"x"}'): EntrySpec => ({
      method,
      url: `${APP}/api/v1/notes`,
      status: 403,
      requestHeaders: { 'Content-Type': 'application/json', ...headers },
      requestBody: body,
      requestMimeType: 'application/json',
    });
    const read = (specs: EntrySpec[]) => {
      const log = logOf(specs);
      return jsonCsrfToken(log.exchanges[log.exchanges.length - 1]!, log);
    };
    const t = `{"_csrf":"${TOKEN}"}`;
    expect(read([grant(t), call()])).toMatchObject({ field: '_csrf', value: TOKEN, sent: 'none' });
    expect(read([grant(t), call({ 'X-CSRF-Token': 'other-token-value' })])).toMatchObject({
      sent: 'other',
      sentIn: 'the x-csrf-token header',
    });
    expect(read([grant(t), call({}, 'POST', '{"text":"x","_csrf":"stale-one"}')])).toMatchObject({
      sent: 'other',
      sentIn: 'the _csrf field',
    });
    expect(read([grant(t), call({}, 'POST', `{"text":"x","_csrf":"${TOKEN}"}`)])).toBeNull();
    expect(read([grant(t), call({}, 'GET', '')])).toBeNull();
    // what is not a token answer
    expect(read([grant(t, { status: 404 }), call()])).toBeNull();
    expect(read([grant(t, { method: 'POST' }), call()])).toBeNull();
    expect(read([grant(t, { url: 'http://other.example.test/csrfToken' }), call()])).toBeNull();
    expect(read([grant(`[${t}]`), call()])).toBeNull();
    expect(read([grant('null'), call()])).toBeNull();
    expect(read([grant('{not json'), call()])).toBeNull();
    expect(read([grant(`{"_csrf":"1234567"}`), call()])).toBeNull();
    expect(read([grant(`{"_csrf":"12345678"}`), call()])?.value).toBe('12345678');
    expect(read([grant(`{"_csrf":12345678901}`), call()])).toBeNull();
    expect(read([grant(`{"token":"${TOKEN}"}`), call()])).toBeNull();
    expect(read([grant(`{"a":1,"b":2,"_csrf":"${TOKEN}"}`), call()])?.field).toBe('_csrf');
    expect(read([grant(`{"a":1,"b":2,"c":3,"_csrf":"${TOKEN}"}`), call()])).toBeNull();
    expect(read([grant(`{"_csrf":"${TOKEN}","pad":"${'a'.repeat(2100)}"}`), call()])).toBeNull();
    // a token answered after the call is not one it could have sent
    const later = logOf([
      { ...call(), startedDateTime: '2026-11-21T12:00:00.000Z' },
      grant(t, { startedDateTime: '2026-11-21T12:00:05.000Z' }),
    ]);
    expect(jsonCsrfToken(later.exchanges[0]!, later)).toBeNull();
    // the latest token wins, and the look back stops after 500 GETs of the origin
    const second = `{"_csrf":"second-token-value"}`;
    expect(read([grant(t), grant(second), call()])?.value).toBe('second-token-value');
    const fillers = (n: number) => Array.from({ length: n }, (): EntrySpec => grant('{"ok":true}'));
    expect(read([grant(t), ...fillers(499), call()])?.value).toBe(TOKEN);
    expect(read([grant(t), ...fillers(500), call()])).toBeNull();
  });

  it('socketIoConnectError: Engine.IO polling answers only, bounded, a string message', () => {
    const read = (body: string, url = `${APP}/socket.io/?EIO=4&transport=polling&sid=a`) =>
      socketIoConnectError(toExchange(makeEntry({ url, status: 200, body, mimeType: 'text/plain' }), 0));
    expect(read(' 44{"message":" not authorized "} ')?.message).toBe('not authorized');
    expect(read('44{"message":"not authorized"}', `${APP}/socket.io/?EIO=4&transport=websocket`)).toBeNull();
    expect(read('44{"message":"not authorized"}', `${APP}/socket.io/?transport=polling`)).toBeNull();
    expect(read('44{"message":"not authorized"}', 'not a url')).toBeNull();
    expect(read('44{"message":"x"')).toBeNull();
    expect(read('44{"message":7}')).toBeNull();
    expect(read('44{"message":"  "}')).toBeNull();
    expect(read('44{"nope')).toBeNull();
    expect(read('4{"message":"not authorized"}')).toBeNull();
    expect(read('')).toBeNull();
    const padded = (n: number) => `2\u001e44{"message":"not authorized"}\u001e4${'a'.repeat(n - 34)}`;
    expect(padded(8192)).toHaveLength(8192);
    expect(read(padded(8192))?.message).toBe('not authorized');
    expect(read(padded(8193))).toBeNull();
  });

  it('socketIoConnectAuth: the CONNECT POSTed before the poll on the same session and path', () => {
    const SIO = `${APP}/socket.io/?EIO=4&transport=polling`;
    const post = (packet: string, sid = 'a', path = '/socket.io/', method = 'POST'): EntrySpec => ({
      method,
      url: `${APP}${path}?EIO=4&transport=polling&sid=${sid}`,
      status: 200,
      requestBody: packet,
      requestMimeType: 'text/plain;charset=UTF-8',
      body: 'ok',
    });
    const poll = (url = `${SIO}&sid=a`): EntrySpec => ({ url, status: 200, body: '44{"message":"x"}' });
    const read = (specs: EntrySpec[]) => {
      const log = logOf(specs);
      return socketIoConnectAuth(log.exchanges[log.exchanges.length - 1]!, log.exchanges);
    };
    expect(read([post('40'), poll()])).toBe('none');
    expect(read([post('40{}'), poll()])).toBe('none');
    expect(read([post('40/admin,'), poll()])).toBe('none');
    expect(read([post('40/admin,{"token":"x"}'), poll()])).toBe('sent');
    expect(read([post('3\u001e 40{"token":"x"} '), poll()])).toBe('sent');
    expect(read([post('40{"token"'), poll()])).toBeNull();
    expect(read([post('42["hello"]'), poll()])).toBeNull();
    expect(read([post('40', 'b'), poll()])).toBeNull();
    expect(read([post('40', 'a', '/chat/'), poll()])).toBeNull();
    expect(read([post('40', 'a', '/socket.io/', 'GET'), poll()])).toBeNull();
    expect(read([post('40{"token":"x"}', 'a', '/socket.io/', 'PUT'), poll()])).toBeNull();
    expect(
      read([post('40', 'a'), poll(`http://other.example.test/socket.io/?EIO=4&transport=polling&sid=a`)]),
    ).toBeNull();
    expect(read([post('40'), poll(SIO)])).toBeNull();
    expect(read([poll()])).toBeNull();
    // the latest CONNECT before the poll, never one after it
    expect(read([post('40'), post('40{"token":"x"}'), poll()])).toBe('sent');
    const log = logOf([poll(), post('40{"token":"x"}')]);
    expect(socketIoConnectAuth(log.exchanges[0]!, log.exchanges)).toBeNull();
  });
});
