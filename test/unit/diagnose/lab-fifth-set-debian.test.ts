import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { pageCsrfToken, tokenInPage } from '../../../lib/inspect/page-csrf-token';
import { makeHar, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';

// Issue 17, the lab's fifth Debian set (test/lab/servers5.ts; scenarios/sinatra-mojolicious.ts,
// cherrypy-php-h2o.ts): classes the engine did not read before it saw Sinatra/rack-protection, Mojolicious, PHP and
// h2o, each stated from the behaviour the program documents.

const last = lastDiagnosis;
const ids = (entries: EntrySpec[]) => last(entries).causes.map((c) => c.id);

const SITE = 'https://app.example.com';
/** The page with the form, as the framework renders it. */
const page = (html: string, path = '/form'): EntrySpec => ({
  url: `${SITE}${path}`,
  status: 200,
  resourceType: 'document',
  responseHeaders: { 'Content-Type': 'text/html;charset=utf-8', 'Set-Cookie': 'rack.session=opaque; path=/; HttpOnly' },
  body: html,
  mimeType: 'text/html',
});
/** The form's POST, sent by a script from that page, refused with the framework's bare 403. */
const post = (body: string, headers: Record<string, string> = {}, from = `${SITE}/form`): EntrySpec => ({
  method: 'POST',
  url: `${SITE}/comment`,
  status: 403,
  requestHeaders: {
    Cookie: 'rack.session=opaque',
    Origin: SITE,
    Referer: from,
    'Sec-Fetch-Site': 'same-origin',
    'Content-Type': 'application/x-www-form-urlencoded',
    ...headers,
  },
  requestBody: body,
  requestMimeType: 'application/x-www-form-urlencoded',
  responseHeaders: { 'Content-Type': 'text/plain' },
});

// Rack::Protection::AuthenticityToken (its README: a hidden authenticity_token field, or X-CSRF-Token) and
// Mojolicious's csrf_field / csrf_protect (Mojolicious::Guides::Rendering, "Cross-site request forgery") keep the
// token in the session, so no CSRF cookie exists: the page that rendered the form is where the capture shows it.
const RACK_FORM =
  '<!doctype html><form method="post" action="/comment"><input type="hidden" name="authenticity_token" ' +
  'value="0RP49hub3kKuCv4e62xRSSEiV4UgQEp5m7D6YpiYd8Q="><input name="text"><button>Post</button></form>';
const MOJO_FORM =
  '<!doctype html><form method="post" action="/comment"><input name="csrf_token" type="hidden" ' +
  'value="a823960f61663fdacd7ddbec52e29cf445980a7c"><input name="text"></form>';

describe("a page's synchronizer CSRF token that the refused POST did not return", () => {
  it('reads the hidden field (either attribute order) and a Rails-style meta tag, never a visible input', () => {
    expect(tokenInPage(RACK_FORM)).toEqual({
      field: 'authenticity_token',
      value: '0RP49hub3kKuCv4e62xRSSEiV4UgQEp5m7D6YpiYd8Q=',
    });
    expect(tokenInPage(MOJO_FORM)?.field).toBe('csrf_token');
    expect(tokenInPage('<meta name="csrf-token" content="a823960f61663fdacd7d">')?.field).toBe('csrf-token');
    expect(tokenInPage('<input name="csrf_token" value="a823960f61663fdacd7d">')).toBeNull();
    expect(tokenInPage('<input type="hidden" name="page" value="a823960f61663fdacd7d">')).toBeNull();
  });

  it("rack-protection: the form's POST without authenticity_token, bare 403, is csrf.invalid", () => {
    const d = last([page(RACK_FORM), post('text=hello')]);
    expect(d.causes[0]!.id).toBe('csrf.invalid');
    expect(d.causes[0]!.title).toContain('sent none');
    // The token itself is never repeated to the user.
    expect(JSON.stringify(d.causes)).not.toContain('0RP49hub3kKuCv4e62xRSSEiV4UgQEp5m7D6YpiYd8Q');
  });

  it('Mojolicious: a csrf_token that is not the page\'s ("Bad CSRF token!") is csrf.invalid', () => {
    const d = last([page(MOJO_FORM), post('csrf_token=0000000000000000000000000000000000000000&text=hello')]);
    expect(d.causes[0]!.id).toBe('csrf.invalid');
    expect(d.causes[0]!.title).toContain('not the one its page issued');
  });

  it('a header token (X-CSRF-Token from a meta tag) that differs is read the same way', () => {
    const meta = page('<!doctype html><meta name="csrf-token" content="b9c7a5e3d1f0b9c7a5e3d1f0">');
    expect(last([meta, post('{"a":1}', { 'X-CSRF-Token': 'stale-token-0000' })]).causes[0]!.id).toBe('csrf.invalid');
  });

  it("the page's own token sent back: the token was right, so this reading says nothing", () => {
    const body = 'authenticity_token=0RP49hub3kKuCv4e62xRSSEiV4UgQEp5m7D6YpiYd8Q%3D&text=hello';
    expect(ids([page(RACK_FORM), post(body)])).not.toContain('csrf.invalid');
  });

  it('not without the page in the capture, from another page, to a header-authenticated call, or for a 401', () => {
    expect(ids([post('text=hello')])).not.toContain('csrf.invalid');
    expect(ids([page(RACK_FORM), post('text=hello', {}, `${SITE}/other`)])).not.toContain('csrf.invalid');
    const bearer = post('text=hello', { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' });
    expect(ids([page(RACK_FORM), bearer])).not.toContain('csrf.invalid');
    const unauthorized = { ...post('text=hello'), status: 401 };
    expect(ids([page(RACK_FORM), unauthorized])).not.toContain('csrf.invalid');
  });

  it('a GET is no CSRF target', () => {
    const get = { ...post(''), method: 'GET', requestBody: undefined };
    expect(ids([page(RACK_FORM), get])).not.toContain('csrf.invalid');
  });
});

// Rack::Protection::IPSpoofing (on by default in Sinatra) denies a request whose X-Real-IP or Client-IP is not one
// of its X-Forwarded-For addresses; its default reaction is a bare 403 "Forbidden" (rack-protection 3.0,
// lib/rack/protection/ip_spoofing.rb and base.rb).
describe('contradicting client-address headers refused: an IP-spoofing filter', () => {
  const spoofed = (headers: Record<string, string>, status = 403): EntrySpec => ({
    url: 'https://api.example.com/api/whoami',
    status,
    requestHeaders: headers,
    responseHeaders: { 'Content-Type': 'text/plain', 'Content-Length': '9' },
    body: 'Forbidden',
    mimeType: 'text/plain',
  });

  it('X-Real-IP (or Client-IP) outside X-Forwarded-For, 403: waf.blocked first', () => {
    const real = spoofed({ 'X-Forwarded-For': '203.0.113.7', 'X-Real-IP': '198.51.100.2' });
    expect(last([real]).causes[0]!.id).toBe('waf.blocked');
    const client = spoofed({ 'X-Forwarded-For': '203.0.113.7, 10.0.0.1', 'Client-IP': '198.51.100.2' });
    expect(last([client]).causes[0]!.id).toBe('waf.blocked');
  });

  it('consistent headers, one header alone, or another status: not this reading', () => {
    const consistent = spoofed({ 'X-Forwarded-For': '203.0.113.7, 198.51.100.2', 'X-Real-IP': '198.51.100.2' });
    expect(ids([consistent])).not.toContain('waf.blocked');
    expect(ids([spoofed({ 'X-Real-IP': '198.51.100.2' })])).not.toContain('waf.blocked');
    const unauthorized = spoofed({ 'X-Forwarded-For': '203.0.113.7', 'X-Real-IP': '198.51.100.2' }, 401);
    expect(ids([unauthorized])).not.toContain('waf.blocked');
  });
});

// h2o answers its refusals with one word of text: acl.rb's `deny` and dos_detector.rb's default callback
// `[403, {…}, ["Forbidden"]]` (h2o 2.2, share/h2o/mruby), the file handler "access forbidden"; Server: h2o/….
describe("h2o's one-word 403 is its access rule, as the other web servers' bare pages", () => {
  const h2o = (headers: Record<string, string> = {}, server = 'h2o/2.2.5', body = 'Forbidden'): EntrySpec => ({
    url: 'https://files.example.com/internal/file.txt',
    status: 403,
    requestHeaders: headers,
    responseHeaders: { Server: server },
    body,
    mimeType: 'text/plain',
  });

  it('without a credential: filesystem.forbidden first (acl deny, file permissions)', () => {
    expect(last([h2o()]).causes[0]!.id).toBe('filesystem.forbidden');
    expect(last([h2o({}, 'h2o/2.3.0-beta2', 'access forbidden')]).causes[0]!.id).toBe('filesystem.forbidden');
  });

  it('not with a token (the server read an identity), nor from another server or with words of its own', () => {
    const auth = { Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' };
    expect(last([h2o(auth)]).causes[0]!.id).not.toBe('filesystem.forbidden');
    expect(ids([h2o({}, 'puma')])).not.toContain('filesystem.forbidden');
    expect(ids([h2o({}, 'h2o/2.2.5', 'Forbidden: your plan does not include exports')])).not.toContain(
      'filesystem.forbidden',
    );
  });
});

// Where the page and the token are read, and what the request did with it (lib/inspect/page-csrf-token.ts).
describe('pageCsrfToken: the page, its token, and what the refused request sent', () => {
  const read = (entries: EntrySpec[]) => {
    const log = new LogIndex(makeHar(entries));
    return pageCsrfToken(log.at(entries.length - 1)!, log);
  };

  it('reads the field the page named, and how the request carried another value', () => {
    const none = read([page(RACK_FORM), post('text=hello')]);
    expect(none).toMatchObject({ field: 'authenticity_token', sent: 'none' });
    expect(none?.sentIn).toBeUndefined();
    expect(none?.page.index).toBe(0);
    const form = read([page(MOJO_FORM), post('text=a&csrf_token=0000000000')]);
    expect(form).toMatchObject({ sent: 'other', sentIn: 'the csrf_token field' });
    const header = read([page(MOJO_FORM), post('text=a', { 'X-CSRF-Token': '0000000000' })]);
    expect(header).toMatchObject({ sent: 'other', sentIn: 'the x-csrf-token header' });
  });

  it('reads the token in a multipart or JSON body, and a form value with + and %-escapes', () => {
    const multipart = (value: string) =>
      `--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n${value}\r\n--b--\r\n`;
    const mojoValue = 'a823960f61663fdacd7ddbec52e29cf445980a7c';
    expect(read([page(MOJO_FORM), post(multipart(mojoValue))])).toBeNull();
    expect(read([page(MOJO_FORM), post(multipart('0000000000'))])).toMatchObject({ sent: 'other' });
    expect(read([page(MOJO_FORM), post(`{"csrf_token":"${mojoValue}"}`)])).toBeNull();
    expect(read([page(MOJO_FORM), post('{"csrf_token":"0000000000"}')])).toMatchObject({ sent: 'other' });
    const spaced = page('<input type="hidden" name="_token" value="a b+c/d==">');
    expect(read([spaced, post('_token=a+b%2Bc%2Fd%3D%3D')])).toBeNull();
    // A header carrying the page's own token: right, so nothing to say.
    expect(read([page(MOJO_FORM), post('x=1', { 'X-CSRF-Token': ` ${mojoValue} ` })])).toBeNull();
  });

  it('finds the page by the Referer (its fragment dropped), only a 2xx GET of the same origin before the call', () => {
    expect(read([page(RACK_FORM), post('text=hello', {}, `${SITE}/form#comments`)])).not.toBeNull();
    expect(read([{ ...page(RACK_FORM), method: 'POST' }, post('text=hello')])).toBeNull();
    expect(read([{ ...page(RACK_FORM), status: 404 }, post('text=hello')])).toBeNull();
    expect(read([{ ...page(RACK_FORM), status: 199 }, post('text=hello')])).toBeNull();
    expect(read([{ ...page(RACK_FORM), status: 299 }, post('text=hello')])).not.toBeNull();
    expect(read([{ ...page(RACK_FORM), status: 300 }, post('text=hello')])).toBeNull();
    const elsewhere = { ...post('text=hello'), url: 'https://api.example.com/comment' };
    expect(read([page(RACK_FORM), elsewhere])).toBeNull();
    const noReferer = post('text=hello');
    delete (noReferer.requestHeaders as Record<string, string>).Referer;
    expect(read([page(RACK_FORM), noReferer])).toBeNull();
    // The page loaded after the call (by time, whatever the order in the file) is not its page.
    const later = { ...page(RACK_FORM), startedDateTime: '2026-11-21T12:05:00.000Z' };
    expect(read([later, { ...post('text=hello'), startedDateTime: '2026-11-21T12:04:00.000Z' }])).toBeNull();
    // Same start time: the file's order decides.
    const at = '2026-11-21T12:04:00.000Z';
    expect(
      read([
        { ...page(RACK_FORM), startedDateTime: at },
        { ...post('text=hello'), startedDateTime: at },
      ]),
    ).not.toBeNull();
  });

  it('takes the latest load of the page: its token is the one to send', () => {
    const first = page('<input type="hidden" name="csrf_token" value="first-token-0000">');
    const second = page('<input type="hidden" name="csrf_token" value="second-token-000">');
    expect(read([first, second, post('csrf_token=second-token-000')])).toBeNull();
    expect(read([first, second, post('csrf_token=first-token-0000')])).toMatchObject({ sent: 'other' });
    // By time, not by position in the file.
    const early = { ...second, startedDateTime: '2026-11-21T11:00:00.000Z' };
    expect(read([first, early, post('csrf_token=first-token-0000')])).toBeNull();
  });

  it('reads an HTML page (or one without a type), not JSON that quotes a form; short values are no token', () => {
    const json = { ...page(RACK_FORM), responseHeaders: { 'Content-Type': 'application/json' } };
    expect(read([json, post('text=hello')])).toBeNull();
    const untyped = { ...page(RACK_FORM), responseHeaders: {} };
    expect(read([untyped, post('text=hello')])).not.toBeNull();
    const leading = { ...page(RACK_FORM), responseHeaders: { 'Content-Type': ' text/html' } };
    expect(read([leading, post('text=hello')])).not.toBeNull();
    expect(tokenInPage('<input type="hidden" name="_token" value="1234567">')).toBeNull();
    expect(tokenInPage('<input type="hidden" name="_token" value="12345678">')?.value).toBe('12345678');
    expect(tokenInPage("<INPUT TYPE='HIDDEN' NAME='_csrf' VALUE=abcdefgh1>")?.value).toBe('abcdefgh1');
    // Only the head of a page is read.
    expect(tokenInPage(`${' '.repeat(128 * 1024)}<input type="hidden" name="_token" value="12345678">`)).toBeNull();
  });
});

describe('what the csrf-page-token reading tells the user', () => {
  const csrf = (entries: EntrySpec[]) => last(entries).causes.find((c) => c.id === 'csrf.invalid')!;

  it('names the field and the page (its path, not its query), never the token; none sent ranks above a stale one', () => {
    const withQuery = { ...page(RACK_FORM), url: `${SITE}/form?session=secret-value` };
    const none = csrf([withQuery, post('text=hello', {}, `${SITE}/form?session=secret-value`)]);
    expect(none.title).toBe('The page gave its forms a CSRF token (authenticity_token); this POST sent none');
    expect(none.summary).toContain(`(${SITE}/form) carries an anti-CSRF token in authenticity_token`);
    expect(none.summary).toContain('This request carried no such field or header, and the server answered 403.');
    expect(none.evidence.map((e) => e.detail)).toEqual([
      expect.stringContaining('403'),
      `${SITE}/form (entry 0) holds a hidden authenticity_token token`,
      'no authenticity_token field and no CSRF header in the request',
    ]);
    expect(none.fixes[0]).toContain("Send the page's authenticity_token value");
    expect(JSON.stringify(none)).not.toContain('secret-value');

    const stale = csrf([page(MOJO_FORM), post('csrf_token=0000000000')]);
    expect(stale.title).toBe('This POST sent a CSRF token that is not the one its page issued (csrf_token)');
    expect(stale.summary).toContain(
      'This request sent another value in the csrf_token field, and the server answered 403.',
    );
    expect(stale.evidence[2]).toMatchObject({
      where: 'request.body',
      detail: "the csrf_token field differs from the page's token",
    });
    const header = csrf([page(MOJO_FORM), post('x=1', { 'X-CSRF-Token': '0000000000' })]);
    expect(header.evidence[2]).toMatchObject({
      where: 'request.header',
      detail: "the x-csrf-token header differs from the page's token",
    });
    expect(none.confidence).toBeGreaterThan(stale.confidence);
    expect(stale.confidence).toBeGreaterThan(0.6);
  });
});
