// The HAR export and the one entry point every format goes through: a redacted export hides
// the secrets the rest of the log taught the vault, and the HAR file holds the same data with
// nothing that acts on a terminal or reads differently from what it holds.
import { describe, expect, it } from 'vitest';
import { exportEntry, EXPORT_FORMATS, toHarLog } from '../../../lib/export';
import { bodyByteLength, bodyParts, hasNul, toBase64 } from '../../../lib/export/bytes';
import type { HarEntry } from '../../../lib/har/types';
import { Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ';

describe('the HAR export', () => {
  it('says where it came from, and without redaction says nothing of secrets', () => {
    const e = makeEntry({ url: 'https://a.example/x', status: 200 });
    expect(JSON.parse(toHarLog(e)).log.comment).toBe('Exported by why403 from an entry.');
    const log = JSON.parse(toHarLog(e, { index: 7 })).log;
    expect(log.comment).toBe('Exported by why403 from entry #7.');
    expect(log.creator.name).toBe('why403');
    expect(log.pages).toEqual([]);
  });

  it('redacted, names each placeholder and what it stood for', () => {
    const e = makeEntry({
      url: 'https://a.example/x',
      requestHeaders: { Authorization: `Bearer ${TOKEN}` },
      status: 401,
    });
    const out = toHarLog(e, { redact: true, index: 0 });
    expect(out).not.toContain('c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ');
    const comment: string = JSON.parse(out).log.comment;
    expect(comment).toMatch(/^Exported by why403 from entry #0\. Redacted by why403: secrets replaced by placeholders/);
    expect(comment).toMatch(/WHY403_\w+: /);
    expect(JSON.parse(toHarLog(makeEntry({ url: 'https://a/', status: 200 }), { redact: true })).log.comment).toBe(
      'Exported by why403 from an entry. Redacted by why403: no secrets found.',
    );
  });

  it('uses the vault it is given, so a report and its export share placeholder names', () => {
    const vault = new Vault();
    const e = makeEntry({ url: 'https://a/', requestHeaders: { Authorization: `Bearer ${TOKEN}` }, status: 401 });
    const out = toHarLog(e, { redact: true, vault });
    expect(vault.list().length).toBeGreaterThan(0);
    for (const s of vault.list()) expect(out).toContain(s.name);
  });

  it('writes DEL, C1, soft hyphen, line separators and bidi controls as \\u escapes of the same data', () => {
    const value = 'a\u007f\u0085\u009f\u00ad\u061c\u180e\u200b\u2028\u202e\u2066\ufeffb';
    const e = makeEntry({ url: 'https://a/', requestHeaders: { 'X-Odd': value }, status: 200 });
    const out = toHarLog(e);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    expect(out).toContain('a\\u007f\\u0085\\u009f\\u00ad\\u061c\\u180e\\u200b\\u2028\\u202e\\u2066\\ufeffb');
    expect(JSON.parse(out).log.entries[0].request.headers[0].value).toBe(value);
  });

  it('keeps printable Unicode as it is', () => {
    const e = makeEntry({ url: 'https://a/', requestHeaders: { 'X-Name': 'Zoë € 😀 \u00a0' }, status: 200 });
    expect(toHarLog(e)).toContain('"Zoë € 😀 \u00a0"');
  });

  it('leaves the entry it was given untouched', () => {
    const e = { ...makeEntry({ url: 'https://a/', status: 200 }), pageref: 'page_1' } as HarEntry;
    const before = JSON.stringify(e);
    toHarLog(e);
    toHarLog(e, { redact: true });
    expect(JSON.stringify(e)).toBe(before);
  });
});

describe('exportEntry', () => {
  // An opaque token another call of the log carried, echoed here where no rule calls it secret
  // (a JWT would be known by its shape alone).
  const OPAQUE = 'Zq81kP0vN3xW7yR2mT5sB9dH';
  const other = makeEntry({
    url: 'https://a/login',
    requestHeaders: { Authorization: `Bearer ${OPAQUE}` },
    status: 200,
  });
  const echoed = makeEntry({
    url: `https://a/x?trace=${OPAQUE}`,
    requestHeaders: { 'X-Note': `v ${OPAQUE}` },
    status: 403,
  });

  it.each(EXPORT_FORMATS.map((f) => [f]))('%s, redacted, hides a secret the rest of the log taught it', (f) => {
    expect(exportEntry(echoed, f, { redact: true, log: [other] })).not.toContain(OPAQUE);
  });

  it.each(EXPORT_FORMATS.map((f) => [f]))('%s, not redacted, keeps every byte of it', (f) => {
    expect(exportEntry(echoed, f, { log: [other] })).toContain(OPAQUE);
  });

  it('redacted, fills the vault it is given', () => {
    const vault = new Vault();
    const out = exportEntry(other, 'curl', { redact: true, vault });
    expect(vault.list().length).toBeGreaterThan(0);
    expect(out).toContain(vault.list()[0]!.name);
  });
});

describe('body bytes', () => {
  it('counts UTF-8 bytes, not characters, and nothing for a placeholder', () => {
    expect(bodyByteLength({ kind: 'text', text: ['a€', { ref: 'WHY403_X' }, '😀'] })).toBe(1 + 3 + 4);
    expect(bodyByteLength({ kind: 'bytes', bytes: new Uint8Array(5) })).toBe(5);
    expect(bodyParts({ kind: 'text', text: ['é', { ref: 'R' }] })).toEqual([
      new Uint8Array([0xc3, 0xa9]),
      { ref: 'R' },
    ]);
  });

  it('needs the byte path for NUL or raw bytes, not for text or a placeholder', () => {
    expect(hasNul({ kind: 'bytes', bytes: new Uint8Array([65]) })).toBe(true);
    expect(hasNul({ kind: 'text', text: ['a', 'b\0c'] })).toBe(true);
    expect(hasNul({ kind: 'text', text: ['abc', { ref: 'WHY403_X' }] })).toBe(false);
    expect(hasNul({ kind: 'text', text: [] })).toBe(false);
  });

  it('writes base64 of every byte value, across the chunk edges', () => {
    for (const n of [0, 1, 255, 256, 0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 2]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
      expect(toBase64(bytes), `${n} bytes`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
