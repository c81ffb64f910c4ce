// How a report shows one exchange: the request and response as HTTP text, the status line of
// an entry, and the values as shown (redacted or as sent). A developer compares these with
// what their client sent, so a missing header, a wrong target or a body cut without a word
// misleads; a redacted report must show no secret, a plain one every byte.
import { describe, expect, it } from 'vitest';
import { oneLine, plainDisplay, redactingDisplay } from '../../../lib/report/display';
import { el, esc, text } from '../../../lib/report/html-escape';
import { requestText, responseText, statusLine } from '../../../lib/report/http-text';
import { renderJson } from '../../../lib/report/json';
import type { Report, ReportExchange } from '../../../lib/report/model';
import { Vault } from '../../../lib/redact';

const exchange = (over: Partial<ReportExchange> = {}): ReportExchange => ({
  index: 3,
  method: 'POST',
  url: 'https://api.example:8443/v1/items?q=1#frag',
  status: 403,
  statusText: 'Forbidden',
  httpVersion: 'HTTP/1.1',
  requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
  requestBody: null,
  responseHeaders: [{ name: 'Server', value: 'nginx' }],
  responseBody: null,
  ...over,
});

describe('the request as HTTP text', () => {
  it('is the request line with path and query (no fragment), the host the URL names, then the headers', () => {
    expect(requestText(exchange())).toBe(
      'POST /v1/items?q=1 HTTP/1.1\n(host: api.example:8443)\nContent-Type: application/json',
    );
  });

  it('names no host of its own when a Host or :authority header was sent', () => {
    const withHost = exchange({ requestHeaders: [{ name: 'host', value: 'api.example:8443' }] });
    expect(requestText(withHost)).toBe('POST /v1/items?q=1 HTTP/1.1\nhost: api.example:8443');
    const h2 = exchange({ httpVersion: 'h2', requestHeaders: [{ name: ':authority', value: 'api.example' }] });
    expect(requestText(h2)).toBe('POST /v1/items?q=1 h2\n:authority: api.example');
  });

  it('shows a URL that does not parse as it is, with no host line, and HTTP/1.1 when no version was recorded', () => {
    expect(requestText(exchange({ url: 'not a url', httpVersion: '', requestHeaders: [] }))).toBe(
      'POST not a url HTTP/1.1',
    );
  });

  it('shows the body after a blank line, says when it was cut, and why it is not shown', () => {
    const body = { mimeType: 'application/json', size: 5000, excerpt: '{"a":1', truncated: true };
    expect(requestText(exchange({ requestHeaders: [], requestBody: body }))).toBe(
      'POST /v1/items?q=1 HTTP/1.1\n(host: api.example:8443)\n\n{"a":1\n… (5000 characters in all)',
    );
    const hidden = { mimeType: 'image/png', size: 10, excerpt: null, truncated: false, note: 'binary, 10 bytes' };
    expect(
      requestText(exchange({ requestHeaders: [], requestBody: hidden }))
        .split('\n')
        .slice(2),
    ).toEqual(['', '(binary, 10 bytes)']);
    const silent = { ...hidden, note: undefined };
    expect(
      requestText(exchange({ requestBody: silent }))
        .split('\n')
        .at(-1),
    ).toBe('(body not shown)');
  });
});

describe('the response as HTTP text', () => {
  it('is the status line and headers, then the body', () => {
    const body = { mimeType: 'text/plain', size: 9, excerpt: 'no access', truncated: false };
    expect(responseText(exchange({ responseBody: body }))).toBe('HTTP/1.1 403 Forbidden\nServer: nginx\n\nno access');
    expect(responseText(exchange({ responseBody: { ...body, truncated: true } }))).toMatch(/no access\n… \(cut\)$/);
    expect(responseText(exchange({ responseBody: { ...body, excerpt: null, note: 'empty' } }))).toMatch(
      /\n\n\(empty\)$/,
    );
    expect(responseText(exchange({ responseBody: { ...body, excerpt: null } }))).toMatch(/\n\n\(body not shown\)$/);
  });

  it('has no trailing space without a reason phrase (HTTP/2), and says HTTP/1.1 when no version was recorded', () => {
    expect(responseText(exchange({ statusText: '', httpVersion: 'h2', responseHeaders: [] }))).toBe('h2 403');
    expect(responseText(exchange({ httpVersion: '', responseHeaders: [] }))).toBe('HTTP/1.1 403 Forbidden');
  });
});

describe("an entry's status line", () => {
  it('names the entry, the request and the answer, and when the browser blocked it', () => {
    expect(statusLine(exchange(), false)).toBe(
      'Entry 3: POST https://api.example:8443/v1/items?q=1#frag → 403 Forbidden',
    );
    expect(statusLine(exchange({ status: 0, statusText: '' }), true)).toBe(
      'Entry 3: POST https://api.example:8443/v1/items?q=1#frag → no status, blocked by the browser (CORS)',
    );
    expect(statusLine(exchange({ statusText: '' }), false)).toMatch(/→ 403$/);
  });

  it('is one printable line of at most 400 characters, whatever the URL held', () => {
    const line = statusLine(exchange({ url: `https://a/${'x'.repeat(600)}\n<script>` }), false);
    expect(line).toHaveLength(400);
    expect(line).not.toMatch(/[\n\r]/);
  });
});

describe('values as shown', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ';

  it('plainly: every byte, a body cut at the limit and said so', () => {
    expect(plainDisplay.header('Authorization', `Bearer ${jwt}`, 'request')).toBe(`Bearer ${jwt}`);
    expect(plainDisplay.url(`https://a/?t=${jwt}`)).toBe(`https://a/?t=${jwt}`);
    expect(plainDisplay.text(jwt)).toBe(jwt);
    expect(plainDisplay.body('abcdef', 'text/plain', 'body', 6)).toEqual({ text: 'abcdef', truncated: false });
    expect(plainDisplay.body('abcdef', 'text/plain', 'body', 5)).toEqual({ text: 'abcde', truncated: true });
  });

  it('redacted: no secret in a header, URL, body or free text, the rest as it was', () => {
    const vault = new Vault();
    const d = redactingDisplay(vault);
    for (const shown of [
      d.header('Authorization', `Bearer ${jwt}`, 'request'),
      d.url(`https://a/x?access_token=${jwt}`),
      d.body(`{"token":"${jwt}","n":1}`, 'application/json', 'request body', 1000).text,
      d.text(`the token ${jwt} expired`),
    ])
      expect(shown).not.toContain('c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ');
    expect(d.header('Accept', 'text/html', 'request')).toBe('text/html');
    // The placeholder table says where each secret was seen.
    expect(vault.list().map((s) => s.places)).toEqual([
      ['request header Authorization', 'URL query access_token', 'request body field token', 'report text'],
    ]);
    expect(d.url('https://a/x?page=2')).toBe('https://a/x?page=2');
    expect(d.text('plain words')).toBe('plain words');
  });

  it('redacted: cuts the body after redacting it, so no part of a secret is left at the edge', () => {
    const d = redactingDisplay(new Vault());
    const body = `{"password":"hunter2-Very-Secret","x":"${'y'.repeat(50)}"}`;
    const cut = d.body(body, 'application/json', 'request body', 20);
    expect(cut.truncated).toBe(true);
    expect(cut.text).toHaveLength(20);
    expect(cut.text).not.toMatch(/hunter|Very/);
    expect(d.body(body, 'application/json', 'request body', 10_000).truncated).toBe(false);
  });

  it('header values on one printable line, cut at 4000 characters by default', () => {
    expect(oneLine('a\r\nb')).not.toMatch(/[\r\n]/);
    expect(oneLine('x'.repeat(5000))).toHaveLength(4000);
    expect(oneLine('x'.repeat(50), 10)).toHaveLength(10);
  });
});

describe('HTML and JSON output', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(esc(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(el('td', { class: 'a"b', title: "<'>" }, '<b>ok</b>')).toBe(
      '<td class="a&quot;b" title="&lt;&#39;&gt;"><b>ok</b></td>',
    );
    expect(text('code', '<x>', { id: 'c' })).toBe('<code id="c">&lt;x&gt;</code>');
    expect(text('p', '')).toBe('<p></p>');
    expect(el('p', {}, 'a', '<br>', 'b')).toBe('<p>a<br>b</p>');
  });

  it('writes the report as indented JSON ending in a newline, every field kept', () => {
    const r = { version: 1, redacted: true, summary: { entries: 1 } } as unknown as Report;
    expect(renderJson(r)).toBe('{\n  "version": 1,\n  "redacted": true,\n  "summary": {\n    "entries": 1\n  }\n}\n');
  });
});
