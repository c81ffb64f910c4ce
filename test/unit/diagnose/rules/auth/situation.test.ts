import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

// Issue 17, "reading the situation" and "what the server said, wherever it said it". Each
// response is a documented one: GitHub's "Bad credentials" and logged_in cookie
// (https://docs.github.com/en/rest/overview/troubleshooting-the-rest-api), Django REST framework's
// TokenAuthentication ("Authentication credentials were not provided.", WWW-Authenticate: Token;
// https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication),
// RFC 6750 §3 challenges, WordPress XML-RPC's fault 403 "Incorrect username or password."
// (https://codex.wordpress.org/XML-RPC_WordPress_API), SOAP 1.1 §4.4 faults, Google's
// "unusual traffic" page (https://support.google.com/websearch/answer/86640).

const last = (entries: EntrySpec[]) => {
  const ds = diagnose(makeHar(entries), { all: true });
  return ds[ds.length - 1]!;
};
const ids = (entries: EntrySpec[]) => last(entries).causes.map((c) => c.id);
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const BAD_CREDENTIALS = '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}';

describe('companion causes never outrank the refusal', () => {
  const storm = [0, 1, 2, 3, 4, 5].map((i): EntrySpec => ({
    url: 'https://api.github.com/user',
    status: 401,
    statusText: 'Unauthorized',
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i * 150)).toISOString(),
    requestHeaders: { Authorization: `${i % 2 ? 'token' : 'Bearer'} ghp_${String(i).repeat(36)}` },
    body: BAD_CREDENTIALS,
  }));

  it('six rapid 401s with different tokens: auth.invalid first, the retry storm beside it', () => {
    const d = last(storm);
    expect(d.causes[0]!.id).toBe('auth.invalid');
    const s = d.causes.findIndex((c) => c.id === 'client.retry_storm');
    expect(s).toBeGreaterThan(0);
    expect(d.causes[s]!.confidence).toBeLessThan(d.causes[0]!.confidence);
  });

  it('causes stay sorted by confidence', () => {
    const c = last(storm).causes.map((x) => x.confidence);
    expect([...c].sort((a, b) => b - a)).toEqual(c);
  });
});

describe('the situation, not one header', () => {
  it('a logged-out browser (logged_in=no beside an anonymous session cookie) sent no credential', () => {
    const d = last([
      {
        url: 'https://github.com/notifications/beta/recent_notifications_alert',
        status: 401,
        resourceType: 'xhr',
        requestHeaders: {
          Cookie: '_octo=GH1.1.123456789.1700000000; logged_in=no; _gh_sess=abcDEF1234567890abcdef--01',
        },
        body: '',
      },
    ]);
    expect(d.causes[0]!.id).toBe('auth.missing');
    expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n')).toContain('logged_in=no');
  });

  it('logged_in=yes is a session: the flag does not speak', () => {
    const c = ids([
      {
        url: 'https://github.com/x',
        status: 401,
        resourceType: 'xhr',
        requestHeaders: { Cookie: 'logged_in=yes; _gh_sess=abcDEF1234567890abcdef--01' },
        body: '',
      },
    ]);
    expect(c[0]).not.toBe('auth.missing');
  });

  it('a cookie host-only for another host cannot explain cookie_not_sent', () => {
    const c = ids([
      {
        url: 'https://www.example.com/login',
        status: 200,
        resourceType: 'document',
        responseHeaders: { 'Set-Cookie': 'sessionid=abc123def456; Path=/; HttpOnly; Secure' },
        body: '',
      },
      {
        url: 'https://api.example.com/v1/me',
        status: 401,
        responseHeaders: { 'WWW-Authenticate': 'Bearer realm="api"' },
        body: '{"error":"unauthorized"}',
      },
    ]);
    expect(c[0]).toBe('auth.missing');
    expect(c).not.toContain('auth.cookie_not_sent');
  });

  it('a guest role in the message means no session, not a missing OAuth scope', () => {
    const c = ids([
      {
        url: 'https://shop.example.org/api/orders',
        status: 403,
        body: '{"error":"insufficient scopes: the guest role lacks the scope orders:read"}',
      },
    ]);
    expect(c[0]).toBe('auth.missing');
  });

  it('a valid-looking token under the scheme DRF does not read (Bearer, wants Token) is malformed', () => {
    const c = ids([
      {
        url: 'https://api.example.org/api/items/',
        status: 401,
        requestHeaders: { Authorization: 'Bearer 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b' },
        responseHeaders: { 'WWW-Authenticate': 'Token' },
        body: '{"detail":"Authentication credentials were not provided."}',
      },
    ]);
    expect(c[0]).toBe('auth.malformed');
  });

  it('JWT as the scheme where the API challenges for Bearer is malformed', () => {
    const c = ids([
      {
        url: 'https://api.example.org/me',
        status: 401,
        requestHeaders: { Authorization: `JWT ${JWT}` },
        responseHeaders: { 'WWW-Authenticate': 'Bearer realm="api"' },
        body: '{"message":"Unauthorized"}',
      },
    ]);
    expect(c[0]).toBe('auth.malformed');
  });

  it('the right scheme refused stays auth.invalid', () => {
    const c = ids([
      {
        url: 'https://api.example.org/me',
        status: 401,
        requestHeaders: { Authorization: `Bearer ${JWT}` },
        responseHeaders: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
        body: '',
      },
    ]);
    expect(c[0]).toBe('auth.invalid');
  });

  it('no token at all in a capture that keeps tokens: auth.missing before the "invalid token" message', () => {
    const d = last([
      {
        url: 'https://api.example.org/ok',
        status: 200,
        requestHeaders: { Authorization: `Bearer ${JWT}` },
        body: '{}',
      },
      {
        url: 'https://api.example.org/me',
        status: 401,
        body: '{"error":"invalid_token","error_description":"The access token is invalid"}',
      },
    ]);
    expect(d.causes.map((c) => c.id).slice(0, 2)).toEqual(['auth.missing', 'auth.invalid']);
  });

  it('the same message in a capture that keeps no credential anywhere keeps the server’s reading', () => {
    const c = ids([
      { url: 'https://api.example.org/a', status: 200, body: '{}' },
      { url: 'https://api.example.org/b', status: 200, body: '{}' },
      {
        url: 'https://api.example.org/me',
        status: 401,
        body: '{"error":"invalid_token","error_description":"The access token is invalid"}',
      },
    ]);
    expect(c[0]).toBe('auth.invalid');
  });
});

describe('what the server said, wherever it said it', () => {
  it('the status text "Malformed security token"', () => {
    const c = ids([
      {
        url: 'https://api.example.org/me',
        status: 403,
        statusText: 'Malformed security token',
        requestHeaders: { Authorization: 'Bearer abcdefabcdefabcdefabcdef1234' },
        body: '',
      },
    ]);
    expect(c[0]).toBe('auth.malformed');
  });

  it('a standard status text says nothing more', () => {
    const c = ids([{ url: 'https://x.example/', status: 403, statusText: 'Forbidden', body: '' }]);
    expect(c).not.toContain('auth.malformed');
  });

  const xmlrpc = (fault: string): EntrySpec => ({
    method: 'POST',
    url: 'https://blog.example.org/xmlrpc.php',
    status: 200,
    mimeType: 'text/xml',
    requestMimeType: 'text/xml',
    requestBody: '<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName></methodCall>',
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n  <fault>\n    <value>\n      <struct>\n' +
      '        <member>\n          <name>faultCode</name>\n          <value><int>403</int></value>\n        </member>\n' +
      `        <member>\n          <name>faultString</name>\n          <value><string>${fault}</string></value>\n` +
      '        </member>\n      </struct>\n    </value>\n  </fault>\n</methodResponse>\n',
  });

  it('an XML-RPC fault inside a 200 (WordPress, wrong password) is flagged as auth.invalid', () => {
    const d = last([xmlrpc('Incorrect username or password.')]);
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('auth.invalid');
    expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/XML-RPC fault 403/);
  });

  it('an XML-RPC fault that is no refusal stays quiet', () => {
    expect(last([xmlrpc('Invalid post ID.')]).flagged).toBe(false);
  });

  it('a SOAP fault inside a 200 naming the key', () => {
    const d = last([
      {
        method: 'POST',
        url: 'https://ws.example.org/Service.asmx',
        status: 200,
        mimeType: 'text/xml',
        requestMimeType: 'text/xml',
        requestBody: '<soap:Envelope/>',
        body:
          '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
          '<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid API key</faultstring>' +
          '</soap:Fault></soap:Body></soap:Envelope>',
      },
    ]);
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('api_key.invalid');
  });

  it.each([
    'Our systems have detected unusual traffic from your computer network.',
    'Please verify you are a human. Press &amp; Hold to confirm you are a human (and not a bot).',
    'We have detected unusual activity from your device or network.',
  ])('bot-check wording is bot.challenge: %s', (text) => {
    const c = ids([
      {
        url: 'https://www.example.org/search',
        status: 403,
        mimeType: 'text/html',
        resourceType: 'document',
        body: `<html><body><p>${text}</p></body></html>`,
      },
    ]);
    expect(c[0]).toBe('bot.challenge');
  });
});

describe('test tokens are credentials, recorder masks are not', () => {
  const hidden = (auth: string) =>
    last([
      {
        url: 'https://api.example.org/me',
        status: 401,
        requestHeaders: { Authorization: auth },
        body: BAD_CREDENTIALS,
      },
    ])
      .causes.flatMap((c) => c.evidence)
      .some((e) => e.name === 'hidden');

  it.each(['Bearer page-token', 'Bearer dev-token', 'Bearer secret123', 'Bearer test-key'])('%j is sent as is', (a) => {
    expect(hidden(a)).toBe(false);
  });

  it.each(['Bearer [REDACTED]', 'Bearer ***', 'Bearer <redacted>', 'Bearer xxxxx', 'Bearer ${API_TOKEN}'])(
    '%j is what a recorder writes: hidden',
    (a) => {
      expect(hidden(a)).toBe(true);
    },
  );
});
