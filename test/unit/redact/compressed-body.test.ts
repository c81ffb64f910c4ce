// Compressed bodies (lib/model/content-bytes.ts): Polly.JS's node-http adapter records a gzip
// response as it came off the wire, a JSON array of base64 chunks. Diagnosis must read what the
// server said in it, and no secret may survive redaction inside it.
import { gunzipSync, gzipSync, inflateSync, deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactHar, redactEncodedBody, Vault } from '../../../lib/redact';
import { diagnose, readHar } from '../../../lib';
import { readResponseBody, BODY_CAP } from '../../../lib/model/body';
import { compressionOf, inflateCapped } from '../../../lib/model/content-bytes';
import { exportEntry } from '../../../lib/export';
import { makeEntry, makeHar } from '../../support/har';

const SECRET = 'ya29.a0AfB_byC3kTq9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gH';

/** Polly's shape: the gzip stream cut in chunks, each chunk base64 on its own. */
function pollyChunks(bytes: Buffer, size = 40): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size).toString('base64'));
  return JSON.stringify(chunks);
}

/** Every base64 run in a text, decoded and (when compressed) inflated: where a leak would hide. */
function everythingIn(text: string): string {
  let out = text;
  for (const m of text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) {
    const b = Buffer.from(m[0], 'base64');
    out += '\n' + b.toString('latin1');
    for (const f of [gunzipSync, inflateSync]) {
      try {
        out += '\n' + f(b).toString('utf8');
      } catch {
        // not that kind of stream
      }
    }
  }
  // Hex chunk arrays (nock, Polly before v5), joined and inflated.
  for (const m of text.matchAll(/\[(?:\\?"[0-9a-fA-F]*\\?",?)+\]/g)) {
    try {
      const hex = (JSON.parse(m[0].replace(/\\"/g, '"')) as string[]).join('');
      out += '\n' + gunzipSync(Buffer.from(hex, 'hex')).toString('utf8');
    } catch {
      // not a gzip stream
    }
  }
  return out;
}

/** nock's recorder (and Polly before v5): a content-encoded body as a JSON array of hex chunks. */
function hexChunks(bytes: Buffer, size = 40): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size).toString('hex'));
  return JSON.stringify(chunks);
}

function tokenResponseHar(encode: (b: Buffer) => Buffer, chunked: boolean | 'hex') {
  const body = encode(Buffer.from(JSON.stringify({ access_token: SECRET, token_type: 'Bearer', expires_in: 3599 })));
  const login = makeEntry(
    { method: 'POST', url: 'https://auth.example.com/oauth/token', status: 200, mimeType: 'application/json' },
    0,
  );
  login.response.headers.push({ name: 'Content-Encoding', value: 'gzip' });
  login.response.content =
    chunked === 'hex'
      ? ({ size: 0, mimeType: 'application/json', text: hexChunks(body), _isBinary: true } as never)
      : {
          size: 0,
          mimeType: 'application/json',
          encoding: 'base64',
          text: chunked ? pollyChunks(body) : body.toString('base64'),
        };
  const call = makeEntry({ url: 'https://api.example.com/v1/me', status: 200 }, 1);
  return { log: { ...makeHar([]).log, entries: [login, call] } };
}

describe('a compressed body', () => {
  it.each([
    ['gzip in Polly chunks', gzipSync, true],
    ['gzip as one base64 text', gzipSync, false],
    ['zlib', deflateSync, false],
    ['gzip in hex chunks (nock, Polly before v5)', gzipSync, 'hex'],
  ] as const)('%s: a token inside it is learned and does not survive redaction in any form', (_, encode, chunked) => {
    const har = tokenResponseHar(encode, chunked);
    const { har: out } = redactHar(har, new Vault());
    const text = JSON.stringify(out);
    expect(everythingIn(text)).not.toContain(SECRET);
    // The body is handed back as its redacted text, still JSON, the token replaced.
    const content = out.log.entries[0]!.response.content!;
    expect(content.encoding).toBeUndefined();
    expect(JSON.parse(String(content.text)).token_type).toBe('Bearer');
  });

  it.each([
    ['hex chunks (nock, Polly before v5)', (b: Buffer) => hexChunks(b), undefined],
    ['one base64 text', (b: Buffer) => b.toString('base64'), 'base64'],
  ] as const)(
    'in %s, a megabyte web page is read whole: the token a script in it holds is sealed, the page kept',
    (_, write, encoding) => {
      // Nock and Polly keep whole web pages compressed (YouTube's watch page inflates to 800 KB):
      // a page that size is read like any body, not withheld, and what it quotes is found.
      const script = `<script>var cfg = JSON.parse("{\\"accessToken\\":\\"${SECRET}\\"}");</script>`;
      const page = `<html>${'<p>a page of no secret at all</p>'.repeat(30000)}${script}</html>`;
      const e = makeEntry({ url: 'https://www.example.com/watch', status: 200, mimeType: 'text/html' }, 0);
      e.response.headers.push({ name: 'Content-Encoding', value: 'gzip' });
      e.response.content = { size: 0, mimeType: 'text/html', text: write(gzipSync(Buffer.from(page))), encoding };
      const out = redactHar({ log: { ...makeHar([]).log, entries: [e] } }, new Vault()).har.log.entries[0]!;
      const text = String(out.response.content!.text);
      expect(everythingIn(JSON.stringify(out))).not.toContain(SECRET);
      expect(text.length).toBeGreaterThan(page.length - 100);
      expect(text).toContain('<p>a page of no secret at all</p>'.repeat(3));
      expect(text).toContain('${WHY403_');
    },
  );

  it('without a secret, it is kept exactly as recorded', () => {
    const body = gzipSync(Buffer.from('{"items":[1,2,3]}'));
    const text = pollyChunks(body);
    expect(redactEncodedBody(text, 'application/json', new Vault(), 'response body')).toEqual({ kind: 'keep' });
  });

  it.each([
    ['base64', (b: Buffer) => b.toString('base64')],
    ['hex-chunks', (b: Buffer) => hexChunks(b, 4096)],
  ] as const)('in %s, that inflates past what redaction reads is withheld, and says why', (form, write) => {
    // 64 MiB of one byte compresses to ~64 KB: more than the 16 MiB redaction inflates.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41), { level: 9 });
    const r = redactEncodedBody(write(bomb), 'application/json', new Vault(), 'response body', form);
    expect(r.kind).toBe('withhold');
    expect(r.kind === 'withhold' && r.why).toMatch(/compressed body/);
  });

  it('is read by the engine up to its cap, and marked truncated past it', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x41));
    const view = readResponseBody({
      size: 0,
      mimeType: 'text/plain',
      encoding: 'base64',
      text: bomb.toString('base64'),
    });
    expect(view.text?.length).toBe(BODY_CAP);
    expect(view.truncated).toBe(true);
    const small = readResponseBody({
      size: 0,
      mimeType: 'application/json',
      encoding: 'base64',
      text: pollyChunks(gzipSync(Buffer.from('{"ok":false}'))),
    });
    expect(small).toMatchObject({ text: '{"ok":false}', truncated: false, binary: false });
  });

  it('is told from random bytes: a broken stream or a lookalike header reads as not compressed', () => {
    expect(compressionOf(Buffer.from([0x1f, 0x8b, 0x08, ...Buffer.alloc(20)]))).toBe('gzip');
    expect(inflateCapped(Buffer.from([0x1f, 0x8b, 0x08, ...Buffer.alloc(20, 0xff)]), 1024)).toBeNull();
    const whole = gzipSync(Buffer.from('{"error":"invalid_token"}'));
    expect(inflateCapped(whole, 1024)?.complete).toBe(true);
    expect(inflateCapped(whole.subarray(0, whole.length - 9), 1024)).toBeNull(); // cut before its end
    expect(compressionOf(Buffer.from([0x78, 0x9c, 1, 2, 3, 4]))).toBe('zlib');
    expect(compressionOf(Buffer.from([0x78, 0x9d, 1, 2, 3, 4]))).toBeNull(); // FCHECK fails
    expect(compressionOf(Buffer.from('{"a":1}'))).toBeNull();
  });

  it('in a real Polly recording is read: Cloudflare code 10000 after the same token worked', () => {
    // test/fixtures/realworld/JupiterOne__graph-cloudflare (SOURCES.md): entry 3 is a gzip 403.
    const file = 'test/fixtures/realworld/JupiterOne__graph-cloudflare/cloudflare_account_727691654.har';
    const { har } = readHar(readFileSync(file, 'utf8'));
    const d = diagnose(har).find((e) => e.index === 3)!;
    expect(d.causes[0]?.id).toBe('permission.insufficient_scope');
    expect(JSON.stringify(d.causes[0]?.evidence)).toContain('10000');
  });

  it('in a request is left out of a redacted export when it holds a secret, not sent inflated', () => {
    const entry = makeEntry({ method: 'POST', url: 'https://api.example.com/upload', status: 200 }, 0);
    entry.request.headers.push(
      { name: 'Content-Encoding', value: 'gzip' },
      { name: 'Content-Type', value: 'application/json' },
    );
    entry.request.postData = {
      mimeType: 'application/json',
      encoding: 'base64',
      text: gzipSync(Buffer.from(JSON.stringify({ password: 'hunter2-correct-horse' }))).toString('base64'),
    } as never;
    const out = exportEntry(entry, 'curl', { redact: true });
    expect(everythingIn(out)).not.toContain('hunter2-correct-horse');
    expect(out).toMatch(/compressed body holds a secret/);
  });
});
