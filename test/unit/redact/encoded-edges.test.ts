import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { displayText, redactEncodedBody, Vault } from '../../../lib/redact';

// A HAR body recorded with `encoding: "base64"` (encoded.ts): text is redacted like any body and
// handed back as text only when it held a secret; binary holding a secret is withheld whole; a
// compressed body too large to read is withheld, since redaction cannot vouch for it.
const SECRET = 'Kx-8812-secret-Zq';
const knowing = () => {
  const v = new Vault();
  v.secret(SECRET, { base: 'KEY', kind: 'api-key', where: 'test' });
  return v;
};
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

describe('an encoded body', () => {
  it('that is no base64 after all is read as the text it is', () => {
    const r = redactEncodedBody('{"token":"t-1"}', 'application/json', new Vault(), 'response body');
    expect(r).toMatchObject({ kind: 'text', inflated: false });
    expect(r.kind === 'text' && displayText(r.text)).toBe('{"token":"${WHY403_BODY_TOKEN}"}');
    expect(redactEncodedBody('{"count":1}', 'application/json', new Vault(), 'response body')).toEqual({
      kind: 'keep',
    });
  });

  it('of UTF-8 text is handed back as text when it held a secret, said inflated only when it was', () => {
    const body = `{"note":"é ${SECRET}"}`;
    const plain = redactEncodedBody(b64(body), 'application/json', knowing(), 'response body');
    expect(plain).toMatchObject({ kind: 'text', inflated: false });
    expect(plain.kind === 'text' && displayText(plain.text)).toBe('{"note":"é ${WHY403_KEY}"}');
    const zipped = redactEncodedBody(b64(gzipSync(body)), 'application/json', knowing(), 'response body');
    expect(zipped).toMatchObject({ kind: 'text', inflated: true });
    expect(redactEncodedBody(b64('{"note":"é"}'), 'application/json', knowing(), 'response body')).toEqual({
      kind: 'keep',
    });
  });

  it('of bytes that are not UTF-8 (no NUL among them) is binary: withheld with a secret, else kept', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(SECRET, 'latin1'), Buffer.from([0x80])]);
    expect(bytes.includes(0)).toBe(false);
    expect(redactEncodedBody(b64(bytes), 'application/octet-stream', knowing(), 'response body')).toEqual({
      kind: 'withhold',
      why: 'binary body withheld, it contained a secret',
    });
    expect(redactEncodedBody(b64(bytes), 'application/octet-stream', new Vault(), 'response body')).toEqual({
      kind: 'keep',
    });
  });

  it('that inflates past what redaction reads is withheld, and says why', () => {
    const bomb = gzipSync(Buffer.alloc(17 * 1024 * 1024, 0x41), { level: 1 });
    expect(redactEncodedBody(b64(bomb), 'text/plain', new Vault(), 'response body')).toEqual({
      kind: 'withhold',
      why: 'compressed body withheld, it inflates past what redaction reads',
    });
  });
});
