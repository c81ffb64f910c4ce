import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseExchange, LogIndex } from '../../../lib';
import type { Har } from '../../../lib/har/types';
import { buildReport, renderHtml, renderJson, renderMarkdown, renderReport, REPORT_FORMATS } from '../../../lib/report';
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
    expect(r.entries.map((e) => e.index)).toEqual([2, 3, 4]);
    const e = r.entries[0]!;
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
    expect(r.entries[1]!.preflight?.index).toBe(1);
    expect(r.entries[2]!.unseen.join('\n')).toMatch(/request body was not captured \(Content-Length 5\)/);
    expect(r.entries[2]!.unseen.join('\n')).toMatch(/nothing to compare with/);
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
      'td',
      'th',
      'title',
      'tr',
      'ul',
    ]);
    expect(html).not.toMatch(/<[^>]*\s(src|href|on\w+)=/i);
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

describe('Markdown: safe to paste into an issue tracker', () => {
  const md = renderMarkdown(report());
  it('no raw HTML or links from captured values; fences cannot be closed by a body', () => {
    const outsideFences = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(outsideFences).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)\]\(javascript:/);
    expect(md).toMatch(/^````http$/m);
  });
  it('is readable: headings per entry, causes, and the placeholder table', () => {
    expect(md).toMatch(/^## \\#2 GET https:\/\/api\.example\.com\/v1\/items → 401/m);
    expect(md).toMatch(/^### Compared with the last successful call$/m);
    expect(md).toMatch(/^\| `WHY403_AUTHORIZATION` \|/m);
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
