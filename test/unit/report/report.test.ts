import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseExchange, LogIndex } from '../../../lib';
import type { Har } from '../../../lib/har/types';
import { buildReport, renderHtml, renderJson, renderMarkdown, renderReport, REPORT_FORMATS } from '../../../lib/report';
import MarkdownIt from 'markdown-it';
import { makeHar } from '../../support/har';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&amp; [x](javascript:alert(3)) | `code` ```';
const api = 'https://api.example.com/v1/items';

function sample(): Har {
  return makeHar([
    { url: api, status: 200, requestHeaders: { Authorization: 'Bearer Tok-Good-123456', 'X-Tenant': 'a' } },
    {
      method: 'OPTIONS',
      url: `${api}/9`,
      status: 204,
      requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
      responseHeaders: { 'Access-Control-Allow-Origin': 'https://app.example.com' },
    },
    {
      url: api,
      status: 401,
      requestHeaders: { Authorization: 'Bearer Tok-Bad-654321', 'X-Hostile': HOSTILE },
      responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'X-Reflect': HOSTILE },
      body: `{"error":"invalid_token","echo":${JSON.stringify(HOSTILE)}}`,
    },
    {
      method: 'PUT',
      url: `${api}/9`,
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: { Origin: 'https://app.example.com', 'Content-Type': 'application/json' },
      requestBody: '{}',
    },
    {
      method: 'DELETE',
      url: `${api}/10`,
      status: 403,
      requestHeaders: { Origin: 'https://app.example.com', 'Content-Length': '5' },
    },
  ]);
}

function report(har = sample(), redact = true) {
  const log = new LogIndex(har);
  return buildReport(log, diagnose(har), { redact, source: 'capture.har' });
}

describe('report contents', () => {
  it('holds the failing request, causes, comparison, preflight, curl and what was not seen', () => {
    const r = report();
    expect(r.version).toBe(1);
    // The 204 preflight allows the origin but not PUT (no Access-Control-Allow-Methods): its own row is listed too.
    expect(r.entries.map((e) => e.index)).toEqual([1, 2, 3, 4]);
    expect(r.entries[0]!.causes[0]!.id).toBe('cors.method_not_allowed');
    const e = r.entries[1]!;
    expect(e.causes.length).toBeGreaterThan(0);
    expect(e.exchange.requestHeaders.find((h) => h.name === 'Authorization')!.value).toBe(
      'Bearer ${WHY403_AUTHORIZATION}',
    );
    expect(e.comparison).toMatchObject({ successIndex: 0, successStatus: 200 });
    expect(e.comparison!.items.map((d) => `${d.area}:${d.name}`)).toEqual([
      'auth:Authorization',
      'header:X-Tenant',
      'header:X-Hostile',
    ]);
    expect(e.curl).toContain('-H \'Authorization: Bearer \'"$WHY403_AUTHORIZATION"');
    expect(r.entries[2]!.preflight?.index).toBe(1);
    expect(r.entries[3]!.unseen.join('\n')).toMatch(/request body was not captured \(Content-Length 5\)/);
    expect(r.entries[3]!.unseen.join('\n')).toMatch(/nothing to compare with/);
    expect(r.secrets.map((s) => s.name)).toEqual(['WHY403_AUTHORIZATION', 'WHY403_AUTHORIZATION_2']);
  });

  it('says when the preflight is missing from the log', () => {
    const har = makeHar([
      {
        method: 'PUT',
        url: api,
        status: 0,
        error: 'net::ERR_FAILED',
        requestHeaders: { Origin: 'https://app.example.com', 'X-Custom': '1' },
      },
    ]);
    expect(report(har).entries[0]!.unseen.join('\n')).toMatch(
      /preflight \(OPTIONS\) for this request is not in the log/,
    );
  });

  it('--no-redact shows credentials as sent and lists no placeholders', () => {
    const r = report(sample(), false);
    expect(r.redacted).toBe(false);
    expect(r.secrets).toEqual([]);
    expect(renderMarkdown(r)).toContain('Tok-Bad-654321');
    expect(renderMarkdown(r)).toMatch(/Not redacted/);
  });

  it('redacted by default: no credential in any format', () => {
    for (const f of REPORT_FORMATS) {
      const out = renderReport(report(), f);
      expect(out).not.toMatch(/Tok-Bad-654321|Tok-Good-123456/);
    }
  });

  it('a log with nothing flagged says so', () => {
    const har = makeHar([{ url: api, status: 200 }]);
    const r = buildReport(new LogIndex(har), []);
    expect(renderMarkdown(r)).toMatch(/Nothing in this log was flagged/);
    expect(renderHtml(r)).toMatch(/Nothing in this log was flagged/);
  });
});

describe('HTML: one self-contained file, everything escaped', () => {
  const html = renderHtml(report());
  it('loads nothing from outside and runs no script', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/,
    );
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual([
      '!doctype',
      'a',
      'body',
      'code',
      'div',
      'h1',
      'h2',
      'h3',
      'h4',
      'head',
      'html',
      'li',
      'meta',
      'p',
      'pre',
      'section',
      'span',
      'strong',
      'style',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'title',
      'tr',
      'ul',
    ]);
    expect(html).not.toMatch(/<[^>]*\s(src|on\w+)=/i);
    // The only links are the summary's, to sections of the same file.
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#entry-\d+$/);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html).toMatch(/@media print/);
  });
  it('hostile header values and bodies appear as text', () => {
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;amp;',
    );
    expect(html).not.toContain(HOSTILE);
  });
});

describe('HTML: opens with a summary table linked to each entry', () => {
  const r = report();
  const html = renderHtml(r);
  const table = /<table class="summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  it('comes before the first entry, one row per reported entry', () => {
    expect(html.indexOf('<table class="summary">')).toBeGreaterThan(0);
    expect(html.indexOf('<table class="summary">')).toBeLessThan(html.indexOf('<section'));
    expect([...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual([
      'Entry',
      'Method',
      'URL',
      'Status',
      'Top cause',
      'Confidence',
    ]);
    const rows = [
      ...table.matchAll(
        /<tr><td><a href="#entry-(\d+)">\1<\/a><\/td><td>([^<]*)<\/td><td><a href="#entry-\1">([^<]*)<\/a><\/td><td>([^<]*)<\/td><td>(?:<code>([^<]*)<\/code>|—)<\/td><td>([^<]*)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((m) => [Number(m[1]), m[2], m[4], m[5], m[6]])).toEqual(
      r.entries.map((e) => [
        e.index,
        e.exchange.method,
        e.exchange.status ? String(e.exchange.status) : '—',
        e.causes[0]!.id,
        `${Math.round(e.causes[0]!.confidence * 100)}%`,
      ]),
    );
    for (const m of rows) expect(html).toContain(`<section data-index="${m[1]}" id="entry-${m[1]}">`);
  });
  it('every entry opens with its why sentence, escaped', () => {
    expect(html.match(/<h2>Entry \d+: [^<]*<\/h2><p class="why">[^<]+<\/p>/g)).toHaveLength(r.entries.length);
  });
  it('keeps escaping strict in the table: a hostile URL is text', () => {
    const har = makeHar([{ url: `${api}?q="><script>alert(1)</script>`, status: 401 }]);
    const h = renderHtml(report(har));
    const t = /<table class="summary">([\s\S]*?)<\/table>/.exec(h)![1]!;
    expect(t).not.toContain('<script');
    expect(t).toMatch(/&quot;&gt;&lt;script&gt;|%22%3E%3Cscript%3E/);
  });
});

describe('Markdown: safe to paste into an issue tracker', () => {
  const md = renderMarkdown(report());
  it('no raw HTML or links from captured values; fences cannot be closed by a body', () => {
    const rendered = new MarkdownIt({ html: true, linkify: false }).render(md);
    expect(rendered).not.toMatch(/<(script|img)\b|<a\s/i);
    expect(md).toMatch(/^````http$/m);
  });
  it('is readable: headings per entry, causes, and the placeholder table', () => {
    expect(md).toMatch(/^## Entry 2: `GET https:\/\/api\.example\.com\/v1\/items` → 401/m);
    expect(md).toMatch(/^### Compared with the last successful call$/m);
    expect(md).toMatch(/^\| `WHY403_AUTHORIZATION` \|/m);
  });
});

describe('Markdown: captured mentions and references stay text', () => {
  const NOISY = '@octocat see #1, GH-2 and acme/api#3 [x](javascript:alert(1)) <b>bold</b>';
  const har = makeHar([
    {
      url: `${api}?note=${encodeURIComponent(NOISY)}`,
      status: 403,
      statusText: `Forbidden ${NOISY}`,
      requestHeaders: { 'X-Note': NOISY },
      responseHeaders: { 'Content-Type': 'application/json', 'X-Reason': NOISY },
      body: JSON.stringify({ error: 'access_denied', error_description: NOISY, message: NOISY }),
    },
  ]);
  const text = renderMarkdown(report(har));
  const html = new MarkdownIt({ html: true }).render(text);
  it('outside code, no mention or issue reference survives; inside code, the value is as captured', () => {
    const outsideCode = html.replace(/<(code|pre)>[\s\S]*?<\/\1>/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\p{L}\p{N}_])@[A-Za-z0-9]/u);
    expect(outsideCode).not.toMatch(/#\d|GH-\d/i);
    expect(html).not.toMatch(/<a\s|<b>/);
    expect(text).toContain('X-Note: @octocat see #1, GH-2 and acme/api#3');
  });
  it('opens each entry with the why sentence', () => {
    expect(text).toMatch(/^## Entry 0: .*\n\n\*\*Why:\*\* [A-Z].*\.$/m);
  });
});

describe('JSON', () => {
  it('is versioned and parses', () => {
    const doc = JSON.parse(renderJson(report()));
    expect(doc.version).toBe(1);
    expect(doc.generator.name).toBe('why403');
    expect(doc.source).toBe('capture.har');
    expect(Object.keys(doc.entries[0])).toEqual([
      'index',
      'flagged',
      'cors',
      'why',
      'causes',
      'exchange',
      'preflight',
      'comparison',
      'curl',
      'unseen',
    ]);
  });
});

describe('robustness', () => {
  it('never throws on broken entries', () => {
    const har = {
      log: {
        entries: [
          {
            request: { method: 'GET', url: '::', headers: [{ name: 'Cookie', value: '=;=' }] },
            response: {
              status: 403,
              headers: [{ name: 'Set-Cookie', value: ';' }],
              content: { text: '\u0000\uD800', encoding: 'base64' },
            },
          },
        ],
      },
    } as unknown as Har;
    const log = new LogIndex(har);
    const r = buildReport(log, [diagnoseExchange(log, log.at(0)!)]);
    for (const f of REPORT_FORMATS) expect(() => renderReport(r, f)).not.toThrow();
  });
});
