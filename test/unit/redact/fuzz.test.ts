// Random hostile requests: nothing throws, and a redacted request with its placeholders
// filled back in is exactly the original (redaction never changes a byte it does not hide).
import { describe, expect, it } from 'vitest';
import { diagnoseExchange, LogIndex } from '../../../lib';
import type { HarEntry } from '../../../lib/har/types';
import { buildExportRequest, EXPORT_FORMATS, exportEntry } from '../../../lib/export';
import { redactHar, Vault, type Text } from '../../../lib/redact';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { makeEntry } from '../../support/har';
import { makeJwt, randomString, rng } from '../inspect/support';

const NAMES = [
  'Authorization',
  'Cookie',
  'X-Api-Key',
  'Referer',
  'X-Custom',
  'Proxy-Authorization',
  'Content-Type',
  'Set-Cookie',
  'X-Auth-Token',
];

// Lone surrogates cannot be percent-encoded; a browser would have replaced them.
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

function randomEntry(next: () => number): HarEntry {
  const headers: Record<string, string> = {};
  for (const n of NAMES)
    if (next() < 0.5)
      headers[n] = next() < 0.2 ? `Bearer ${makeJwt({ exp: 1, email: randomString(next, 10) })}` : randomString(next);
  const query = ['api_key', 'token', 'page', 'sig', 'x'].map((k) => `${k}=${enc(randomString(next, 12))}`).join('&');
  const body =
    next() < 0.5
      ? next() < 0.5
        ? JSON.stringify({ password: randomString(next), n: randomString(next), tokens: [randomString(next)] })
        : randomString(next, 200)
      : undefined;
  return makeEntry({
    method: next() < 0.5 ? 'POST' : 'GET',
    url: `https://u:${enc(randomString(next, 8))}@h.example/p?${query}#access_token=${randomString(next, 8)}`,
    requestHeaders: headers,
    requestBody: body,
    requestMimeType: next() < 0.5 ? 'application/json' : 'application/x-www-form-urlencoded',
    status: 401,
    body: randomString(next, 300),
  });
}

const refill = (t: Text, v: Vault) => t.map((p) => (typeof p === 'string' ? p : v.valueOf(p.ref)!)).join('');

describe('fuzz', () => {
  it('200 random hostile entries through every exporter, the HAR redaction and every report', () => {
    const next = rng(403);
    const entries: HarEntry[] = [];
    for (let i = 0; i < 200; i++) {
      const e = randomEntry(next);
      entries.push(e);
      for (const f of EXPORT_FORMATS) {
        expect(() => exportEntry(e, f)).not.toThrow();
        expect(() => exportEntry(e, f, { redact: true })).not.toThrow();
      }
      const vault = new Vault();
      const red = buildExportRequest(e, { redact: true, vault });
      const plain = buildExportRequest(e);
      expect(refill(red.url, vault)).toBe(plain.url.join(''));
      expect(red.headers.map((h) => `${h.name}: ${refill(h.value, vault)}`)).toEqual(
        plain.headers.map((h) => `${h.name}: ${h.value.join('')}`),
      );
      if (plain.body?.kind === 'text' && red.body?.kind === 'text')
        expect(refill(red.body.text, vault)).toBe(plain.body.text.join(''));
    }
    const har = { log: { version: '1.2', entries } };
    expect(() => redactHar(har)).not.toThrow();
    const log = new LogIndex(har);
    const report = buildReport(
      log,
      log.exchanges.slice(0, 40).map((x) => diagnoseExchange(log, x)),
    );
    for (const f of REPORT_FORMATS) expect(() => renderReport(report, f)).not.toThrow();
  }, 120_000); // generous: this is a volume test, and a loaded CI machine must not fail it on time
});
