import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { TOMCAT_NONCE, tokenInPage, urlNonceCsrf } from '../../../lib/inspect/page-csrf-token';
import { statesRefusal } from '../../../lib/vendors/codes/refusal-wording';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';

// Issue 17, the lab's sixth Debian set (test/lab/servers6.ts; scenarios/tomcat-uwsgi.ts, pyramid-dancer2.ts):
// classes the engine did not read before it saw Tomcat 10, Pyramid 2.0, Dancer2 with Plack middlewares and uWSGI,
// each stated from the behaviour the program documents.

const last = lastDiagnosis;
const top = (entries: EntrySpec[]) => {
  const d = last(entries);
  return d.flagged ? d.causes[0]?.id : undefined;
};

const SITE = 'https://app.example.com';
const basic = `Basic ${Buffer.from('lab:labpass').toString('base64')}`;

describe('Plack::Middleware::CSRFBlock: the hidden SEC field it writes into every POST form', () => {
  // Its POD: "this inserts a hidden input tag that contains a token string into forms", parameter_name default
  // 'SEC'; a POST without the session's token is "403 Forbidden" with the body "CSRF detected".
  const FORM =
    '<!doctype html><html><head><title>profile</title></head><body><form method="post" action="/profile">' +
    '<input type="hidden" name="SEC" value="cb134d2193d84306" /><input name="name" value="lab"></form></body></html>';
  const page: EntrySpec = {
    url: `${SITE}/profile`,
    status: 200,
    resourceType: 'document',
    responseHeaders: { 'Content-Type': 'text/html; charset=UTF-8', 'Set-Cookie': 'plack_session=abc; path=/' },
    body: FORM,
    mimeType: 'text/html',
  };
  const post = (body: string): EntrySpec => ({
    method: 'POST',
    url: `${SITE}/profile`,
    status: 403,
    requestHeaders: {
      Cookie: 'plack_session=abc',
      Origin: SITE,
      Referer: `${SITE}/profile`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    requestBody: body,
    requestMimeType: 'application/x-www-form-urlencoded',
    responseHeaders: { 'Content-Type': 'text/plain' },
  });

  it('reads SEC as the page token (hidden only)', () => {
    expect(tokenInPage(FORM)).toEqual({ field: 'SEC', value: 'cb134d2193d84306' });
    expect(tokenInPage('<input name="SEC" value="cb134d2193d84306">')).toBeNull();
  });

  it("a POST without it, or with another value, refused 403: csrf.invalid; with the page's own value: not this reading", () => {
    expect(top([page, post('name=lab')])).toBe('csrf.invalid');
    expect(top([page, post('SEC=0000000000000000&name=lab')])).toBe('csrf.invalid');
    expect(last([page, post('SEC=cb134d2193d84306&name=lab')]).causes.map((c) => c.id)).not.toContain('csrf.invalid');
  });
});

describe('an anti-CSRF check failed in words at 400', () => {
  // Pyramid: BadCSRFToken / BadCSRFOrigin are HTTPBadRequest with the titles "Bad CSRF Token" / "Bad CSRF Origin",
  // the reason phrase of the status line (pyramid/exceptions.py); Flask-WTF's CSRFError is a 400 with "The CSRF token
  // is missing." / "The CSRF tokens do not match.".
  const refused = (statusText: string, body = '', mimeType = 'text/html'): EntrySpec => ({
    method: 'POST',
    url: `${SITE}/profile`,
    status: 400,
    statusText,
    requestHeaders: { Cookie: 'session=abc', 'Content-Type': 'application/x-www-form-urlencoded' },
    requestBody: 'name=lab',
    responseHeaders: { 'Content-Type': mimeType, Server: 'waitress' },
    body,
    mimeType,
  });

  it("Pyramid's reason phrases, with the body left out of the capture: csrf.invalid", () => {
    expect(top([refused('Bad CSRF Token')])).toBe('csrf.invalid');
    expect(top([refused('Bad CSRF Origin')])).toBe('csrf.invalid');
  });

  it("Flask-WTF's messages are refusals; a message that only names a csrf setting is not", () => {
    expect(statesRefusal('The CSRF token is missing.')).toBe(true);
    expect(statesRefusal('The CSRF tokens do not match.')).toBe(true);
    expect(statesRefusal('CSRF token missing or incorrect.')).toBe(true);
    expect(statesRefusal('csrf_token_ttl must be a number')).toBe(false);
    expect(statesRefusal('The csrf_field option is deprecated')).toBe(false);
    expect(top([refused('Bad Request', '{"errors":{"csrf_ttl":"must be a number"}}', 'application/json')])).toBe(
      undefined,
    );
  });
});

describe("Pyramid's forbidden page: a missing login to an anonymous caller, a permission to a signed-in one", () => {
  // pyramid/httpexceptions.py: HTTPForbidden's explanation "Access was denied to this resource."; the view deriver
  // adds "Unauthorized: <view> failed permission check". The default forbidden view answers 403 to everyone.
  const PAGE =
    '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n' +
    '  Access was denied to this resource.<br/><br/>\nUnauthorized: pages_edit failed permission check\n </body>\n</html>';
  const forbidden = (requestHeaders: Record<string, string> = {}): EntrySpec => ({
    url: `${SITE}/pages/edit`,
    status: 403,
    statusText: 'Forbidden',
    requestHeaders,
    responseHeaders: { 'Content-Type': 'text/html; charset=UTF-8', Server: 'waitress' },
    body: PAGE,
    mimeType: 'text/html',
  });

  it('nothing sent (no Authorization, key or cookie): auth.missing', () => {
    expect(top([forbidden()])).toBe('auth.missing');
  });

  it('with Basic credentials or a session cookie: permission.denied', () => {
    expect(top([forbidden({ Authorization: basic })])).toBe('permission.denied');
    expect(top([forbidden({ Cookie: 'session=abc' })])).toBe('permission.denied');
  });
});

describe("Tomcat's 403 report without a message: an address filter or valve", () => {
  // org.apache.catalina.filters.RequestFilter (RemoteAddrFilter/Valve, RemoteHostValve) answers
  // sendError(denyStatus) with no message; the container's own refusals name theirs in the report's Message line.
  const report = (message: string | null) =>
    '<!doctype html><html lang="en"><head><title>HTTP Status 403 – Forbidden</title></head><body>' +
    '<h1>HTTP Status 403 – Forbidden</h1><hr class="line" /><p><b>Type</b> Status Report</p>' +
    (message === null ? '' : `<p><b>Message</b> ${message}</p>`) +
    '<p><b>Description</b> The server understood the request but refuses to authorize it.</p><hr class="line" />' +
    '<h3>Apache Tomcat/10.1.60 (Debian)</h3></body></html>';
  const refused = (body: string, requestHeaders: Record<string, string> = {}): EntrySpec => ({
    url: `${SITE}/lab/internal/status.json`,
    status: 403,
    requestHeaders,
    responseHeaders: { 'Content-Type': 'text/html;charset=utf-8' },
    body,
    mimeType: 'text/html',
  });

  it('no message, no token sent: ip.blocked', () => {
    expect(top([refused(report(null))])).toBe('ip.blocked');
  });

  it('not with a Message line (a security constraint, the REST CSRF filter), nor to a caller with a token', () => {
    const ids = (e: EntrySpec) => last([e]).causes.map((c) => c.id);
    expect(ids(refused(report('Access to the requested resource has been denied')))).not.toContain('ip.blocked');
    expect(ids(refused(report(null), { Authorization: basic }))).not.toContain('ip.blocked');
  });
});

describe("Tomcat's CsrfPreventionFilter: the nonce the webapp's pages put in every URL", () => {
  // https://tomcat.apache.org/tomcat-10.1-doc/config/filter.html#CSRF_Prevention_Filter: the nonce, kept in the
  // session, is added to URLs by HttpServletResponse.encodeURL under nonceRequestParameterName (default
  // org.apache.catalina.filters.CSRF_NONCE); a request to a non-entry-point without it is denied (403). The manager
  // app's HTML interface enables it, behind Basic authentication.
  const NONCE = 'CF614866B2EBF41C80B33700CFAC7455';
  const auth = { Authorization: basic, Cookie: 'JSESSIONID=B3077665DD3FD91E97E9E9089624DD61' };
  const page = (path = '/manager/html'): EntrySpec => ({
    url: `http://127.0.0.1:8080${path}`,
    status: 200,
    requestHeaders: { Authorization: basic },
    responseHeaders: { 'Content-Type': 'text/html;charset=UTF-8' },
    body:
      '<html><body><a href="/manager/html/list;jsessionid=B3077665DD3FD91E97E9E9089624DD61?org.apache.catalina.' +
      `filters.CSRF_NONCE=${NONCE}">List</a><form method="post" action="&#47;manager&#47;html&#47;reload?path=` +
      `&#47;lab&amp;org.apache.catalina.filters.CSRF_NONCE=${NONCE}"></form></body></html>`,
    mimeType: 'text/html',
  });
  const refused = (
    query: string,
    headers: Record<string, string> = auth,
    path = '/manager/html/reload',
  ): EntrySpec => ({
    method: 'POST',
    url: `http://127.0.0.1:8080${path}?${query}`,
    status: 403,
    requestHeaders: headers,
    responseHeaders: { 'Content-Type': 'text/html;charset=UTF-8' },
    body: '<html><head><title>403 Access Denied</title></head><body><h1>403 Access Denied</h1></body></html>',
    mimeType: 'text/html',
  });

  it('a 403 to a URL of the same webapp without the nonce, or with another: csrf.invalid, also behind Basic', () => {
    expect(top([page(), refused('path=/lab')])).toBe('csrf.invalid');
    expect(top([page(), refused(`path=/lab&org.apache.catalina.filters.CSRF_NONCE=00000000000000000000`)])).toBe(
      'csrf.invalid',
    );
    expect(top([page(), refused('path=/lab', {})])).toBe('csrf.invalid');
    expect(last([page(), refused('path=/lab')]).causes[0]!.title).toContain('has none');
  });

  it('not with the current nonce, without the page, from another webapp, or to a Bearer-authenticated call', () => {
    const ids = (es: EntrySpec[]) => last(es).causes.map((c) => c.id);
    expect(ids([page(), refused(`path=/lab&org.apache.catalina.filters.CSRF_NONCE=${NONCE}`)])).not.toContain(
      'csrf.invalid',
    );
    expect(ids([refused('path=/lab')])).not.toContain('csrf.invalid');
    expect(ids([page('/examples/index.html'), refused('path=/lab')])).not.toContain('csrf.invalid');
    expect(ids([page(), refused('path=/lab', { Authorization: 'Bearer abc.def.ghi' })])).not.toContain('csrf.invalid');
  });
  const read = (es: EntrySpec[]) => {
    const log = new LogIndex(makeHar(es));
    return urlNonceCsrf(log.exchanges[log.exchanges.length - 1]!, log);
  };

  it('urlNonceCsrf: the latest 2xx GET page of the same origin and webapp before the call, entity-escaped links too', () => {
    expect(read([page(), refused('path=/lab')])).toMatchObject({ field: TOMCAT_NONCE, value: NONCE, sent: 'none' });
    expect(read([page(), refused('path=/lab')])).not.toHaveProperty('sentIn');
    expect(read([page(), refused(`${TOMCAT_NONCE}=0000000000`)])).toMatchObject({ sent: 'other', sentIn: 'the URL' });
    expect(read([{ ...page(), method: 'POST' }, refused('path=/lab')])).toBeNull();
    expect(read([{ ...page(), status: 404 }, refused('path=/lab')])).toBeNull();
    expect(read([{ ...page(), status: 199 }, refused('path=/lab')])).toBeNull();
    expect(read([{ ...page(), status: 299 }, refused('path=/lab')])).not.toBeNull();
    expect(read([{ ...page(), status: 300 }, refused('path=/lab')])).toBeNull();
    expect(read([{ ...page(), url: 'http://localhost:8080/manager/html' }, refused('path=/lab')])).toBeNull();
    // The refused answer itself may carry nonce links (a page that also refuses): not the page it came from.
    expect(read([{ ...refused('path=/lab'), body: page().body }])).toBeNull();
    // Loaded after the call: not its page.
    const later = { ...page(), startedDateTime: '2026-11-21T12:05:00.000Z' };
    expect(read([later, { ...refused('path=/lab'), startedDateTime: '2026-11-21T12:04:00.000Z' }])).toBeNull();
    // Two pages: the later one's nonce is the session's; the earlier one's is stale.
    const older = { ...page(), body: page().body!.replaceAll(NONCE, 'AAAAAAAAAAAAAAAA') };
    expect(read([older, page(), refused(`${TOMCAT_NONCE}=AAAAAAAAAAAAAAAA`)])).toMatchObject({ sent: 'other' });
    expect(read([page(), older, refused(`${TOMCAT_NONCE}=AAAAAAAAAAAAAAAA`)])).toBeNull();
    // A page without nonce links between them does not hide the one with them.
    const plain = { ...page(), body: '<html><body>Manager</body></html>' };
    expect(read([page(), plain, refused('path=/lab')])).toMatchObject({ value: NONCE });
    const encoded = { ...page(), body: `<a href="/manager/html/list?path=/&amp;${TOMCAT_NONCE}=${NONCE}">` };
    expect(read([encoded, refused('path=/lab')])).toMatchObject({ value: NONCE });
  });

  it('urlNonceCsrf: a page the log gains after a first reading (the panel adds live entries) is read', () => {
    const log = new LogIndex(makeHar([refused('path=/lab')]));
    const x = log.exchanges[0]!;
    expect(urlNonceCsrf(x, log)).toBeNull();
    // Loaded before the call, reported after it (as a capture's entries may arrive out of order).
    const earlier = '2026-11-21T11:59:00.000Z';
    log.add(makeEntry({ ...page(), startedDateTime: earlier }), 1);
    expect(urlNonceCsrf(x, log)).toMatchObject({ field: TOMCAT_NONCE, value: NONCE, sent: 'none' });
    // Another webapp's page on the same origin is not this context's.
    const other = page('/examples/index.html');
    const otherNonce = { ...other, body: other.body!.replaceAll(NONCE, 'BBBBBBBBBBBBBBBB') };
    log.add(makeEntry({ ...otherNonce, startedDateTime: '2026-11-21T11:59:30.000Z' }), 2);
    expect(urlNonceCsrf(x, log)).toMatchObject({ value: NONCE });
  });

  it('what the reading tells the user: the nonce by name, the page by path, never the nonce itself', () => {
    const none = last([page(), refused('path=/lab')]).causes[0]!;
    const stale = last([page(), refused(`${TOMCAT_NONCE}=0000000000`)]).causes[0]!;
    expect(none.confidence).toBeGreaterThan(stale.confidence);
    expect(none.title).toBe("Tomcat's CSRF filter: the app's links carry a nonce; this POST's URL has none");
    expect(stale.title).toBe("Tomcat's CSRF filter: this POST's URL carries a nonce the session no longer holds");
    expect(none.summary).toContain(`An earlier page of this webapp (http://127.0.0.1:8080/manager/html) encoded`);
    expect(none.summary).toContain('a URL without it');
    expect(stale.summary).toContain('sent another nonce');
    expect(none.evidence).toContainEqual({
      where: 'log',
      detail: `http://127.0.0.1:8080/manager/html (entry 0) links carry ${TOMCAT_NONCE}`,
    });
    expect(none.evidence).toContainEqual({ where: 'request.line', detail: `no ${TOMCAT_NONCE} in the URL` });
    expect(stale.evidence).toContainEqual({ where: 'request.line', detail: "the URL's nonce differs from the page's" });
    expect(none.fixes.join(' ')).toContain('/manager/html');
    expect(JSON.stringify([none, stale])).not.toContain(NONCE);
    // Basic and Digest are sent by the browser itself; another scheme is a call the filter does not guard.
    const digest = { Authorization: 'Digest username="lab", response="abc"' };
    expect(top([page(), refused('path=/lab', digest)])).toBe('csrf.invalid');
    const ids = (es: EntrySpec[]) => last(es).causes.map((c) => c.id);
    expect(ids([page(), refused('path=/lab', { Authorization: 'XBasic abc' })])).not.toContain('csrf.invalid');
    expect(ids([page(), refused('path=/lab', { Authorization: 'Token basic abc' })])).not.toContain('csrf.invalid');
  });
});
