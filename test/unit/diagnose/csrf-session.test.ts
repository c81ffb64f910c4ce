// Spring Security's default CSRF protection keeps the token in the HTTP session (HttpSessionCsrfTokenRepository),
// so no CSRF cookie travels, and CsrfFilter refuses a POST, PUT, PATCH or DELETE without the token (X-CSRF-TOKEN
// header or _csrf parameter) through the AccessDeniedHandler: the same 403 "Forbidden" as an authorization failure
// (https://docs.spring.io/spring-security/reference/servlet/exploits/csrf.html). When a GET with the same session
// cookie was served, the session is valid, and an unsafe request without a token is what CSRF protection refuses.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { makeHar, type EntrySpec } from '../../support/har';

const APP = 'https://app.example.test';
const SESSION = { Cookie: 'JSESSIONID=4F1C2B3A5D6E7F8091A2B3C4D5E6F708' };
// Spring Boot's default error JSON and Whitelabel page
// (https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling).
const SPRING_403 = '{"timestamp":"2026-11-21T12:00:01.000+00:00","status":403,"error":"Forbidden","path":"/api/items"}';
const WHITELABEL =
  '<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are ' +
  'seeing this as a fallback.</p><div id="created">Sat Nov 21 12:00:01 UTC 2026</div>' +
  '<div>There was an unexpected error (type=Forbidden, status=403).</div></body></html>';

const read = (over: Partial<EntrySpec> = {}): EntrySpec => ({
  url: `${APP}/api/items`,
  requestHeaders: SESSION,
  status: 200,
  body: '[]',
  ...over,
});
const post = (over: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'POST',
  url: `${APP}/api/items`,
  requestHeaders: { ...SESSION, 'Content-Type': 'application/json' },
  requestBody: '{"name":"x"}',
  status: 403,
  body: SPRING_403,
  ...over,
});

// The causes of the entry at `at` (the last by default).
const ids = (specs: EntrySpec[], at = specs.length - 1) =>
  diagnose(makeHar(specs), { all: true })[at]!.causes.map((c) => c.id);

describe("an unsafe request refused by Spring's generic 403 in a session whose reads are served", () => {
  it('is a CSRF refusal first, the permission reading second', () => {
    expect(ids([read(), post()]).slice(0, 2)).toEqual(['csrf.invalid', 'permission.denied']);
  });

  it('holds for PUT, PATCH and DELETE, the Whitelabel page, an empty body, and a Spring Session cookie', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect(ids([read(), post({ method })])[0]).toBe('csrf.invalid');
    expect(ids([read(), post({ body: WHITELABEL, mimeType: 'text/html' })])[0]).toBe('csrf.invalid');
    expect(ids([read(), post({ body: '' })])[0]).toBe('csrf.invalid');
    const spring = { Cookie: 'SESSION=ZDk4YjU3NzEtZDBkYy00ZjNmLWE3NDMtYjQ3YjE3MzY5ZmI1' };
    expect(
      ids([
        read({ requestHeaders: spring }),
        post({ requestHeaders: { ...spring, 'Content-Type': 'application/json' } }),
      ])[0],
    ).toBe('csrf.invalid');
  });

  it('counts a read served later in the capture: the session is the same', () => {
    expect(ids([post(), read({ url: `${APP}/api/profile` })], 0)[0]).toBe('csrf.invalid');
  });

  it('needs a served read with the same session on the same origin', () => {
    expect(ids([post()])).not.toContain('csrf.invalid');
    expect(ids([read({ requestHeaders: { Cookie: 'JSESSIONID=0000' } }), post()])).not.toContain('csrf.invalid');
    expect(ids([read({ url: 'https://other.example.test/api/items' }), post()])).not.toContain('csrf.invalid');
    expect(ids([read({ status: 403, body: SPRING_403 }), post()])).not.toContain('csrf.invalid');
    expect(ids([read({ method: 'POST' }), post()])).not.toContain('csrf.invalid');
  });

  it('is not read when a token was sent (header or _csrf field), or the request used a header credential', () => {
    const h = { ...SESSION, 'Content-Type': 'application/json' };
    expect(ids([read(), post({ requestHeaders: { ...h, 'X-CSRF-TOKEN': 'a1b2' } })])).not.toContain('csrf.invalid');
    const form = { ...SESSION, 'Content-Type': 'application/x-www-form-urlencoded' };
    expect(
      ids([
        read(),
        post({ requestHeaders: form, requestBody: 'name=x&_csrf=a1b2', requestMimeType: form['Content-Type'] }),
      ]),
    ).not.toContain('csrf.invalid');
    const bearer = { ...h, Authorization: 'Bearer 9f8c2e1a7b6d5c4e3f2a1b0c9d8e7f6a' };
    expect(ids([read(), post({ requestHeaders: bearer })])).not.toContain('csrf.invalid');
  });

  it("is not read for a refused GET, another server's words, or a session cookie Spring does not name", () => {
    expect(ids([read({ url: `${APP}/api/profile` }), read({ status: 403, body: SPRING_403 })])).not.toContain(
      'csrf.invalid',
    );
    expect(ids([read(), post({ body: '{"message":"You do not have access to this project"}' })])).not.toContain(
      'csrf.invalid',
    );
    const other = { Cookie: 'sid=abc123' };
    expect(
      ids([
        read({ requestHeaders: other }),
        post({ requestHeaders: { ...other, 'Content-Type': 'application/json' } }),
      ]),
    ).not.toContain('csrf.invalid');
  });
});
