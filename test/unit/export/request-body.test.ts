// The body an export replays: the bytes the browser sent, as HAR holds them (text, base64 in
// `encoding` or Chrome's `_encoding`, or only the form fields, rebuilt and said so). Redacted, a
// secret in a text body becomes a placeholder; a secret in a binary or compressed body cannot,
// so that body is left out and the export says so, never sent with the secret or changed.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportBody } from '../../../lib/export/body';
import type { HarPostData } from '../../../lib/har/types';
import { Vault } from '../../../lib/redact';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const SECRET_FORM = 'client_secret=s3cr3t-Abcdef0123456789&x=1';

function body(post: HarPostData | undefined, contentType = '', vault: Vault | null = null) {
  const notes: string[] = [];
  return { body: exportBody(post, contentType, vault, notes), notes };
}

describe('bodies as recorded', () => {
  it('none: no postData, or one that is not an object', () => {
    expect(body(undefined)).toEqual({ body: null, notes: [] });
    expect(body(null as unknown as HarPostData)).toEqual({ body: null, notes: [] });
    expect(body('text' as unknown as HarPostData)).toEqual({ body: null, notes: [] });
    expect(body({ mimeType: 'text/plain' })).toEqual({ body: null, notes: [] });
    expect(body({ mimeType: 'text/plain', params: [] })).toEqual({ body: null, notes: [] });
  });

  it('text, as it is; an empty text is an empty body', () => {
    expect(body({ mimeType: 'text/plain', text: 'a=1&b=€' })).toEqual({
      body: { kind: 'text', text: ['a=1&b=€'] },
      notes: [],
    });
    expect(body({ mimeType: 'text/plain', text: '' })).toEqual({ body: { kind: 'text', text: [] }, notes: [] });
  });

  it('base64 in encoding or _encoding, as the exact bytes', () => {
    const bytes = new Uint8Array([0, 1, 0xff, 0x80, 10]);
    for (const key of ['encoding', '_encoding'] as const)
      expect(body({ mimeType: 'application/octet-stream', text: b64(bytes), [key]: 'base64' })).toEqual({
        body: { kind: 'bytes', bytes },
        notes: [],
      });
  });

  it('text marked base64 that is not base64: sent as recorded, and said so', () => {
    expect(body({ mimeType: 'text/plain', text: 'not base64!', encoding: 'base64' })).toEqual({
      body: { kind: 'text', text: ['not base64!'] },
      notes: ['the body is marked base64 but is not valid base64: it is sent as recorded'],
    });
  });

  it('another encoding is text as recorded', () => {
    expect(body({ mimeType: 'text/plain', text: 'aGk=', encoding: 'utf-8' }).body).toEqual({
      kind: 'text',
      text: ['aGk='],
    });
  });
});

describe('bodies rebuilt from form fields', () => {
  const params = [
    { name: 'a b', value: 'x&y=z' },
    { name: 'n', value: undefined as unknown as string },
  ];

  it('urlencoded, with the fields in their order, and said so', () => {
    expect(body({ mimeType: 'application/x-www-form-urlencoded', params })).toEqual({
      body: { kind: 'text', text: ['a+b=x%26y%3Dz&n='] },
      notes: ['the body was rebuilt from the recorded form fields (application/x-www-form-urlencoded)'],
    });
  });

  it('multipart with the recorded boundary, each field with its file name and type; missing file contents said', () => {
    const ct = 'multipart/form-data; boundary=----B0undary';
    const got = body(
      {
        mimeType: ct,
        params: [
          { name: 'title', value: 'hi' },
          { name: 'up', fileName: 'a.png', contentType: 'image/png' },
        ],
      },
      ct,
    );
    expect(got.body).toEqual({
      kind: 'text',
      text: [
        '------B0undary\r\nContent-Disposition: form-data; name="title"\r\n\r\nhi\r\n' +
          '------B0undary\r\nContent-Disposition: form-data; name="up"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\r\n' +
          '------B0undary--\r\n',
      ],
    });
    expect(got.notes).toEqual([
      'the body was rebuilt from the recorded form fields; file contents were not captured and are sent empty',
    ]);
  });

  it('a type that only contains "multipart/" is not multipart: urlencoded', () => {
    const ct = 'application/x.multipart/x; boundary=b';
    expect(body({ mimeType: ct, params: [{ name: 'k', value: 'v' }] }, ct).body).toEqual({
      kind: 'text',
      text: ['k=v'],
    });
  });

  it('multipart without files says only that it was rebuilt; without a boundary it is urlencoded', () => {
    const ct = 'Multipart/Form-Data; boundary=b';
    expect(body({ mimeType: ct, params: [{ name: 'k', value: 'v' }] }, ct)).toEqual({
      body: { kind: 'text', text: ['--b\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n--b--\r\n'] },
      notes: ['the body was rebuilt from the recorded form fields'],
    });
    expect(
      body({ mimeType: 'multipart/form-data', params: [{ name: 'k', value: 'v' }] }, 'multipart/form-data').body,
    ).toEqual({
      kind: 'text',
      text: ['k=v'],
    });
  });
});

describe('redacted bodies', () => {
  it('text holding a secret: the secret is a placeholder, the rest as recorded', () => {
    const vault = new Vault();
    const { body: b } = body(
      { mimeType: 'application/x-www-form-urlencoded', text: SECRET_FORM },
      'application/x-www-form-urlencoded',
      vault,
    );
    expect(b?.kind).toBe('text');
    const text = b!.kind === 'text' ? b!.text : [];
    expect(text.some((p) => typeof p !== 'string')).toBe(true);
    expect(text.filter((p) => typeof p === 'string').join('')).not.toContain('s3cr3t');
    expect(text.filter((p) => typeof p === 'string').join('')).toContain('&x=1');
    expect(vault.list()[0]!.places.every((p) => p.startsWith('request body'))).toBe(true);
  });

  it('base64 text holding a secret: sent as that text with a placeholder (the same bytes once set)', () => {
    const vault = new Vault();
    const got = body(
      { mimeType: 'application/x-www-form-urlencoded', text: b64(SECRET_FORM), encoding: 'base64' },
      'application/x-www-form-urlencoded',
      vault,
    );
    expect(got.notes).toEqual([]);
    expect(got.body?.kind).toBe('text');
    const text = got.body!.kind === 'text' ? got.body!.text : [];
    const filled = text.map((p) => (typeof p === 'string' ? p : vault.valueOf(p.ref))).join('');
    expect(filled).toBe(SECRET_FORM);
    // The placeholder table says the secret was seen in the request body.
    expect(vault.list()[0]!.places.every((p) => p.startsWith('request body'))).toBe(true);
  });

  it('a compressed body holding a secret is left out, not sent inflated', () => {
    const got = body(
      { mimeType: 'application/x-www-form-urlencoded', text: b64(gzipSync(SECRET_FORM)), encoding: 'base64' },
      'application/x-www-form-urlencoded',
      new Vault(),
    );
    expect(got).toEqual({
      body: null,
      notes: ['the compressed body holds a secret and is left out of this redacted export: add it yourself'],
    });
  });

  it('a binary body holding a secret is left out', () => {
    const bytes = Buffer.concat([Buffer.from([0, 0xff, 0xfe]), Buffer.from(SECRET_FORM)]);
    const got = body(
      { mimeType: 'application/octet-stream', text: b64(bytes), encoding: 'base64' },
      'application/octet-stream',
      new Vault(),
    );
    expect(got).toEqual({
      body: null,
      notes: ['the binary body holds a secret and is left out of this redacted export: add it yourself'],
    });
  });

  it('a binary or compressed body without a secret is sent byte for byte', () => {
    for (const bytes of [new Uint8Array([0, 1, 2, 0xff]), new Uint8Array(gzipSync('hello=world'))]) {
      const got = body({ mimeType: 'application/octet-stream', text: b64(bytes), encoding: 'base64' }, '', new Vault());
      expect(got).toEqual({ body: { kind: 'bytes', bytes }, notes: [] });
    }
  });
});
