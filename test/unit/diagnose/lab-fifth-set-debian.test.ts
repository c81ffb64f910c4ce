import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { tokenInPage } from '../../../lib/inspect/page-csrf-token';
import { makeHar, type EntrySpec } from '../../support/har';

// Issue 17, the lab's fifth Debian set (test/lab/servers5.ts; scenarios/sinatra-mojolicious.ts,
// cherrypy-php-h2o.ts): classes the engine did not read before it saw Sinatra/rack-protection, Mojolicious, PHP and
// h2o, each stated from the behaviour the program documents.

function last(entries: EntrySpec[], creator = 'Playwright') {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!;
}
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
