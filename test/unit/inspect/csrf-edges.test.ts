// The edges of readCsrf (lib/inspect/csrf.ts). A double-submit mismatch is read only for the
// XSRF-TOKEN cookie, whose header must repeat it (Angular, https://angular.dev/best-practices/security#httpclient-xsrf-csrf-security;
// Laravel, https://laravel.com/docs/11.x/csrf#csrf-x-xsrf-token, which sends it URL-encoded): Django's
// X-CSRFToken carries a masked token that differs from the csrftoken cookie by design
// (https://docs.djangoproject.com/en/5.1/howto/csrf/#using-csrf-protection-with-ajax).
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../lib/inspect/credentials';
import { crossOriginForm, readCsrf } from '../../../lib/inspect/csrf';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const csrf = (spec: Partial<EntrySpec>) => {
  const x = toExchange(makeEntry({ url: 'https://app.example.com/api/x', method: 'POST', status: 419, ...spec }), 0);
  return readCsrf(x, readCredentials(x));
};

describe('readCsrf', () => {
  it('POST, PUT, PATCH and DELETE are the methods CSRF protection checks', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(csrf({ method }).unsafe, method).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(csrf({ method }).unsafe, method).toBe(false);
  });

  it('names the header, lower-cased as HTTP/2 sends it', () => {
    expect(csrf({ requestHeaders: { 'X-CSRFToken': 'abc' } })).toEqual({ unsafe: true, header: 'x-csrftoken' });
  });

  it('a double-submit mismatch: the XSRF-TOKEN cookie and a different X-XSRF-TOKEN, compared decoded and trimmed', () => {
    const pair = (cookie: string, header: string) =>
      csrf({ requestHeaders: { Cookie: `xsrf-token=${cookie}`, 'X-XSRF-TOKEN': header } }).mismatch;
    expect(pair('eyJpdiI6IjR%3D', 'eyJpdiI6IjR=')).toBeUndefined();
    expect(pair('eyJpdiI6IjR=', ' eyJpdiI6IjR%3D ')).toBeUndefined();
    expect(pair('eyJpdiI6IjR=', 'eyJpdiI6OLD=')).toBe(true);
    // Broken percent-encoding is compared as sent.
    expect(pair('abc%E0%A4%A', 'abc%E0%A4%A')).toBeUndefined();
    expect(pair('abc%E0%A4%A', 'abc%E0%A4%B')).toBe(true);
    // No header: nothing to compare.
    expect(csrf({ requestHeaders: { Cookie: 'XSRF-TOKEN=abc' } }).mismatch).toBeUndefined();
  });

  it("not for Django's csrftoken, whose header is masked by design", () => {
    expect(csrf({ requestHeaders: { Cookie: 'csrftoken=abc', 'X-XSRF-TOKEN': 'different' } })).toEqual({
      unsafe: true,
      cookie: 'csrftoken',
      header: 'x-xsrf-token',
    });
  });

  it('reads a body field in the first 64 KiB, in a form or JSON', () => {
    expect(csrf({ requestBody: '{"_token":"abc","name":"x"}' }).bodyField).toBe('_token');
    expect(csrf({ requestBody: 'authenticity_token=abc&x=1' }).bodyField).toBe('authenticity_token');
    expect(csrf({ requestBody: `${'a'.repeat(64 * 1024 - 30)}&_csrf=abc` }).bodyField).toBe('_csrf');
    expect(csrf({ requestBody: `${'a'.repeat(64 * 1024)}&_csrf=abc` }).bodyField).toBeUndefined();
    expect(csrf({ requestBody: '' }).bodyField).toBeUndefined();
  });
});

describe('a cross-origin form post', () => {
  const form = (origin: string) =>
    crossOriginForm(
      toExchange(
        makeEntry({
          url: 'https://app.example/transfer',
          method: 'POST',
          status: 403,
          requestMimeType: 'application/x-www-form-urlencoded',
          requestHeaders: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          requestBody: 'amount=1',
        }),
        0,
      ),
    );

  it('reads the Origin without the white space around it, as the Fetch standard parses a header value', () => {
    expect(form('  https://app.example  ')).toBeNull();
    expect(form(' https://evil.example ')).toMatchObject({ origin: 'https://evil.example' });
  });
});
