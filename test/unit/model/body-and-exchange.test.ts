import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HarContent } from '../../../lib/har/types';
import { boundaryOf, isTextualMime, readRequestBody, readResponseBody } from '../../../lib/model/body';
import {
  base64ContentBytes,
  chunkArrayBytes,
  compressionOf,
  hexChunkBytes,
  inflateCapped,
  recordedContentBytes,
} from '../../../lib/model/content-bytes';
import { endpointKey, refreshBody, toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s) : s).toString('base64');
const content = (c: Partial<HarContent>): HarContent => ({ size: 0, mimeType: 'application/json', ...c }) as HarContent;
const page = '{"error":"forbidden","message":"token expired"}';

describe('readResponseBody', () => {
  it('reads plain text as it was captured, with the bare lower-cased MIME type', () => {
    expect(readResponseBody(content({ mimeType: 'Application/JSON; charset=utf-8', text: page }))).toEqual({
      text: page,
      mimeType: 'application/json',
      truncated: false,
      binary: false,
    });
  });

  it('says "not captured" when the recorder left the text out, and nothing for an empty body', () => {
    expect(readResponseBody(content({}))).toMatchObject({ text: null, note: 'body not captured', binary: false });
    expect(readResponseBody(undefined)).toMatchObject({ text: null, mimeType: '', note: 'body not captured' });
    const empty = readResponseBody(content({ text: '' }));
    expect(empty).toMatchObject({ text: null, truncated: false, binary: false });
    expect(empty.note).toBeUndefined();
  });

  it('cuts text at the cap and says so; exactly the cap is whole', () => {
    expect(readResponseBody(content({ text: 'abcdef' }), 4)).toMatchObject({ text: 'abcd', truncated: true });
    expect(readResponseBody(content({ text: 'abcd' }), 4)).toMatchObject({ text: 'abcd', truncated: false });
  });

  it('decodes a base64 text body (Chrome stores some bodies so) and cuts it at the cap', () => {
    expect(readResponseBody(content({ text: b64(page), encoding: 'base64' }))).toMatchObject({
      text: page,
      truncated: false,
      binary: false,
    });
    const cut = readResponseBody(content({ text: b64('x'.repeat(100)), encoding: 'base64' }), 10);
    expect(cut).toMatchObject({ text: 'x'.repeat(10), truncated: true });
    expect(readResponseBody(content({ text: b64('x'.repeat(12)), encoding: 'base64' }), 12)).toMatchObject({
      text: 'x'.repeat(12),
      truncated: false,
    });
  });

  it('inflates a gzip body a recorder kept compressed, chunked or not', () => {
    const gz = gzipSync(page);
    expect(readResponseBody(content({ text: b64(gz), encoding: 'base64' }))).toMatchObject({ text: page });
    // Polly.JS's node-http adapter: a JSON array of base64 chunks of the gzip stream.
    const chunks = JSON.stringify([b64(gz.subarray(0, 10)), b64(gz.subarray(10))]);
    expect(readResponseBody(content({ text: chunks, encoding: 'base64' }))).toMatchObject({ text: page });
    // nock (Polly before v5): a JSON array of hex chunks, no encoding field.
    const hex = JSON.stringify([gz.subarray(0, 7).toString('hex'), gz.subarray(7).toString('hex')]);
    expect(readResponseBody(content({ text: hex }))).toMatchObject({ text: page, truncated: false });
  });

  it('says truncated when a compressed body inflates past the cap', () => {
    const gz = gzipSync('y'.repeat(5000));
    expect(readResponseBody(content({ text: b64(gz), encoding: 'base64' }), 100)).toMatchObject({
      text: 'y'.repeat(100),
      truncated: true,
    });
  });

  it('does not read binary: an image, bytes with NUL, a control-character soup', () => {
    const png = readResponseBody(content({ mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' }));
    expect(png).toMatchObject({ text: null, binary: true, note: 'binary image/png not read' });
    const nul = readResponseBody(
      content({ mimeType: '', text: b64(Buffer.from([0x41, 0, 0x42])), encoding: 'base64' }),
    );
    expect(nul).toMatchObject({ text: null, binary: true, note: 'binary body not read' });
    const soup = Buffer.from(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0x41)));
    expect(readResponseBody(content({ mimeType: 'text/plain', text: b64(soup), encoding: 'base64' })).binary).toBe(
      true,
    );
    expect(readResponseBody(content({ mimeType: 'text/html', text: 'MZ\u0000\u0000' }))).toMatchObject({
      binary: true,
    });
  });

  it('reads text with a tab, newlines and a few control bytes as text', () => {
    const body = 'line1\r\n\tline2\u001b[0m' + 'z'.repeat(40);
    expect(readResponseBody(content({ mimeType: 'text/plain', text: b64(body), encoding: 'base64' }))).toMatchObject({
      text: body,
      binary: false,
    });
  });
});

describe('isTextualMime', () => {
  it.each([
    '',
    'x-unknown',
    'text/html',
    'application/json',
    'application/problem+json',
    'application/vnd.api+json',
    'application/xml',
    'image/svg+xml',
    'application/x-www-form-urlencoded',
    'application/graphql',
  ])('%s is text', (m) => expect(isTextualMime(m)).toBe(true));
  it.each(['image/png', 'application/octet-stream', 'application/pdf', 'font/woff2'])('%s is not', (m) =>
    expect(isTextualMime(m)).toBe(false),
  );
});

describe('readRequestBody', () => {
  it('reads text, cut at the cap', () => {
    expect(readRequestBody({ mimeType: 'application/json', text: '{"a":1}' })).toBe('{"a":1}');
    expect(readRequestBody({ mimeType: 'text/plain', text: 'abcdef' }, 3)).toBe('abc');
    expect(readRequestBody({ mimeType: 'text/plain', text: 'abc' }, 3)).toBe('abc');
  });

  it('joins form params, percent-encoded, when only params were recorded', () => {
    expect(
      readRequestBody({
        mimeType: 'application/x-www-form-urlencoded',
        params: [
          { name: 'user name', value: 'a&b' },
          { name: 'empty', value: undefined as unknown as string },
        ],
      }),
    ).toBe('user%20name=a%26b&empty=');
  });

  it('does not read a base64 body as text, nor an absent one', () => {
    expect(
      readRequestBody({ mimeType: 'application/octet-stream', text: 'AAEC', encoding: 'base64' } as never),
    ).toBeNull();
    expect(
      readRequestBody({ mimeType: 'application/octet-stream', text: 'AAEC', _encoding: 'base64' } as never),
    ).toBeNull();
    expect(readRequestBody(undefined)).toBeNull();
    expect(readRequestBody({ mimeType: 'x' } as never)).toBeNull();
  });
});

describe('boundaryOf (RFC 2046 §5.1.1)', () => {
  it('reads a quoted or bare boundary, in any case of the parameter name', () => {
    expect(boundaryOf('multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk')).toBe(
      '----WebKitFormBoundary7MA4YWxk',
    );
    expect(boundaryOf('multipart/mixed; BOUNDARY="gc0p4Jq0M2Yt08j34c0p"; charset=utf-8')).toBe('gc0p4Jq0M2Yt08j34c0p');
    expect(boundaryOf('multipart/form-data;boundary=abc;charset=x')).toBe('abc');
    expect(boundaryOf('application/json')).toBeNull();
  });
});

describe('compressed bodies (content-bytes)', () => {
  const gz = gzipSync('hello hello hello');
  const zl = deflateSync('hello hello hello');

  it('recognises gzip (RFC 1952) and zlib (RFC 1950) streams, and nothing else', () => {
    expect(compressionOf(gz)).toBe('gzip');
    expect(compressionOf(zl)).toBe('zlib');
    expect(compressionOf(Buffer.from('{"a":1}'))).toBeNull();
    expect(compressionOf(new Uint8Array(0))).toBeNull();
    // 78 9c alone is zlib's header, but six bytes are the least a stream can be.
    expect(compressionOf(Uint8Array.of(0x78, 0x9c, 0, 0, 0))).toBeNull();
    // A zlib header with a preset dictionary (FDICT) cannot be inflated without it.
    expect(compressionOf(Uint8Array.of(0x78, 0xbb, 0, 0, 0, 0, 0))).toBeNull();
  });

  it('inflates to the body, and stops at the cap', () => {
    expect(Buffer.from(inflateCapped(gz, 1000)!.bytes).toString()).toBe('hello hello hello');
    expect(inflateCapped(gz, 1000)!.complete).toBe(true);
    expect(Buffer.from(inflateCapped(zl, 1000)!.bytes).toString()).toBe('hello hello hello');
    const capped = inflateCapped(gz, 5)!;
    expect(Buffer.from(capped.bytes).toString()).toBe('hello');
    expect(capped.complete).toBe(false);
    expect(inflateCapped(gz, 17)!.complete).toBe(true);
  });

  it('refuses a cut or lying gzip stream (ISIZE disagrees, RFC 1952 §2.3.1)', () => {
    expect(inflateCapped(gz.subarray(0, gz.length - 6), 1000)).toBeNull();
    const lie = Buffer.from(gz);
    lie[lie.length - 4] = (lie[lie.length - 4]! + 1) & 0xff;
    expect(inflateCapped(lie, 1000)).toBeNull();
    expect(inflateCapped(Buffer.from('plain'), 1000)).toBeNull();
  });

  it('joins base64 chunks and hex chunks', () => {
    expect(Buffer.from(chunkArrayBytes(JSON.stringify([b64('ab'), b64('cd')]))!).toString()).toBe('abcd');
    expect(chunkArrayBytes('["not base64!"]')).toBeNull();
    expect(chunkArrayBytes('["a", 1]')).toBeNull();
    expect(chunkArrayBytes('[broken')).toBeNull();
    expect(chunkArrayBytes('{"a":1}')).toBeNull();
    const hex = JSON.stringify([gz.toString('hex')]);
    expect(Buffer.from(hexChunkBytes(hex)!)).toEqual(gz);
    // Hex ids that are not a compressed stream stay the data they are.
    expect(hexChunkBytes('["deadbeef","cafe"]')).toBeNull();
    expect(hexChunkBytes('["xyz"]')).toBeNull();
  });

  it('reads a recorded body as the bytes it stands for', () => {
    expect(base64ContentBytes(b64(gz), 1000)).toMatchObject({ inflated: true, complete: true });
    expect(base64ContentBytes(b64('plain'), 1000)).toMatchObject({ inflated: false, complete: true });
    expect(base64ContentBytes('!!!', 1000)).toBeNull();
    const viaHex = recordedContentBytes(JSON.stringify([gz.toString('hex')]), 'hex-chunks', 3)!;
    expect(Buffer.from(viaHex.bytes).toString()).toBe('hel');
    expect(viaHex).toMatchObject({ inflated: true, complete: false });
    expect(recordedContentBytes('["deadbeef"]', 'hex-chunks', 3)).toBeNull();
    expect(recordedContentBytes(b64(zl), 'base64', 1000)).toMatchObject({ inflated: true });
  });
});

describe('toExchange', () => {
  it('takes the clock from the response Date, else from the request start', () => {
    const dated = toExchange(
      makeEntry({
        url: 'https://api.example.com/x',
        status: 401,
        responseHeaders: { Date: 'Sat, 21 Nov 2026 12:00:30 GMT' },
        startedDateTime: '2026-11-21T12:00:00.000Z',
      }),
      0,
    );
    expect(dated.clock).toBe(Date.UTC(2026, 10, 21, 12, 0, 30));
    expect(dated.clockSource).toBe('response Date');
    expect(dated.startedAt).toBe(Date.UTC(2026, 10, 21, 12, 0, 0));
    const undated = toExchange(
      makeEntry({ url: 'https://api.example.com/x', status: 401, startedDateTime: '2026-11-21T12:00:00.000Z' }),
      0,
    );
    expect(undated).toMatchObject({ clock: Date.UTC(2026, 10, 21, 12), clockSource: 'request start' });
    const none = toExchange({ ...makeEntry({ url: 'https://a.test/', status: 200 }), startedDateTime: 'never' }, 0);
    expect(none).toMatchObject({ clock: null, startedAt: null, clockSource: 'none' });
  });

  it("reads the page's origin from Origin, else the Referer's origin; never from 'null' or a non-web URL", () => {
    const x = (requestHeaders: Record<string, string>) =>
      toExchange(makeEntry({ url: 'https://api.example.com/x', status: 403, requestHeaders }), 0).pageOrigin;
    expect(x({ Origin: 'https://app.example.com', Referer: 'https://other.test/p' })).toBe('https://app.example.com');
    expect(x({ Referer: 'https://app.example.com:8443/path?q=1' })).toBe('https://app.example.com:8443');
    expect(x({ Origin: 'null', Referer: 'https://app.example.com/p' })).toBe('https://app.example.com');
    expect(x({ Referer: 'chrome-extension://abc/popup.html' })).toBeNull();
    expect(x({ Referer: 'not a url' })).toBeNull();
    expect(x({})).toBeNull();
  });

  it('reads no response as status 0, whether Chrome (0) or Playwright (-1) wrote it, and keeps net errors', () => {
    const pw = makeEntry({ url: 'https://api.example.com/x', status: -1 });
    (pw.response as { _failureText?: string })._failureText = 'net::ERR_CONNECTION_REFUSED';
    (pw.response as { _error?: unknown })._error = undefined;
    expect(toExchange(pw, 0)).toMatchObject({ status: 0, netError: 'net::ERR_CONNECTION_REFUSED' });
    const chrome = toExchange(makeEntry({ url: 'https://api.example.com/x', status: 0, error: 'net::ERR_FAILED' }), 0);
    expect(chrome).toMatchObject({ status: 0, netError: 'net::ERR_FAILED' });
    expect(toExchange(makeEntry({ url: 'https://api.example.com/x', status: 403 }), 0)).toMatchObject({
      status: 403,
      netError: null,
    });
  });

  it('knows a preflight by its resource type, its initiator, or its shape (RFC: Fetch CORS-preflight request)', () => {
    const shape = makeEntry({
      method: 'options',
      url: 'https://api.example.com/x',
      status: 204,
      resourceType: 'Other',
      requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(toExchange(shape, 0)).toMatchObject({ isPreflight: true, method: 'OPTIONS', resourceType: 'other' });
    const noOrigin = makeEntry({
      method: 'OPTIONS',
      url: 'https://api.example.com/x',
      status: 204,
      resourceType: 'other',
      requestHeaders: { 'Access-Control-Request-Method': 'PUT' },
    });
    expect(toExchange(noOrigin, 0).isPreflight).toBe(false);
    const byInitiator = makeEntry({
      method: 'OPTIONS',
      url: 'https://api.example.com/x',
      status: 204,
      resourceType: 'other',
      initiator: { type: 'preflight' },
    });
    expect(toExchange(byInitiator, 0).isPreflight).toBe(true);
    expect(toExchange(makeEntry({ method: 'OPTIONS', url: 'https://a.test/', status: 204 }), 0).isPreflight).toBe(true);
    expect(toExchange(makeEntry({ url: 'https://a.test/', status: 200 }), 0).isPreflight).toBe(false);
  });

  it('keys an endpoint by origin and path, without the query; copes with an unparsable URL', () => {
    const x = toExchange(makeEntry({ url: 'https://api.example.com:8443/v1/items?page=2#f', status: 200 }), 3);
    expect(x.index).toBe(3);
    expect(endpointKey(x)).toBe('https://api.example.com:8443/v1/items');
    const bad = toExchange(makeEntry({ url: 'not a url?x=1', status: 200 }), 0);
    expect(bad.url).toBeNull();
    expect(endpointKey(bad)).toBe('not a url');
  });

  it('reads the body again after the panel fetched it lazily', () => {
    const entry = makeEntry({ url: 'https://api.example.com/x', status: 403 });
    const x = toExchange(entry, 0);
    expect(x.body.text).toBeNull();
    entry.response.content!.text = page;
    refreshBody(x);
    expect(x.body.text).toBe(page);
  });

  it('reads the request body and a missing method as GET', () => {
    const e = makeEntry({ method: 'post', url: 'https://a.test/', status: 200, requestBody: '{"q":1}' });
    expect(toExchange(e, 0)).toMatchObject({ method: 'POST', requestBody: '{"q":1}' });
    const noMethod = makeEntry({ url: 'https://a.test/', status: 200 });
    delete (noMethod.request as { method?: string }).method;
    expect(toExchange(noMethod, 0).method).toBe('GET');
  });
});

describe('binary or text: the first 4 KB decide', () => {
  const read = (bytes: number[] | Buffer) =>
    readResponseBody(
      content({ mimeType: 'text/plain', text: Buffer.from(bytes).toString('base64'), encoding: 'base64' }),
    );

  it('reads one control byte in ten as text, one more as binary', () => {
    // ESC sequences in a terminal log are text; a page of control bytes is not.
    const tenth = [...Array(9).fill(0x61), 0x1b];
    expect(read(Array(10).fill(tenth).flat()).binary).toBe(false);
    const more = [...Array(8).fill(0x61), 0x1b, 0x01];
    expect(read(Array(10).fill(more).flat()).binary).toBe(true);
  });

  it('counts the C0 controls but not tab, LF, VT, FF, CR', () => {
    expect(read(Array(20).fill([0x61, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]).flat()).binary).toBe(false);
    expect(read(Array(20).fill([0x61, 0x08]).flat()).binary).toBe(true);
    expect(read(Array(20).fill([0x61, 0x0e]).flat()).binary).toBe(true);
    expect(read(Array(20).fill([0x61, 0x1f]).flat()).binary).toBe(true);
    expect(read(Array(20).fill([0x61, 0x20]).flat()).binary).toBe(false);
  });

  it('looks no further than the first 4096 bytes', () => {
    expect(read(Buffer.concat([Buffer.alloc(4096, 0x61), Buffer.from([0, 1, 2, 3])])).binary).toBe(false);
    expect(read(Buffer.concat([Buffer.alloc(4095, 0x61), Buffer.from([0])])).binary).toBe(true);
  });

  it('says truncated for a base64 body one byte over the cap, not at it', () => {
    const at = (n: number) =>
      readResponseBody(content({ text: Buffer.alloc(n, 0x61).toString('base64'), encoding: 'base64' }), 300).truncated;
    expect(at(300)).toBe(false);
    expect(at(303)).toBe(true);
  });
});

describe('compressionOf: the header fields that make a stream', () => {
  it('wants gzip method 8 (deflate) and a zlib window of at most 32 KB (CINFO ≤ 7)', () => {
    const gz = Buffer.from(gzipSync('x'));
    gz[2] = 7;
    expect(compressionOf(gz)).toBeNull();
    expect(compressionOf(gzipSync('x').subarray(0, 17))).toBeNull();
    // CMF 0x88: deflate with CINFO 8 (a 64 KB window), and an FLG that makes the check pass.
    expect(compressionOf(Uint8Array.of(0x88, 0x1c, 0, 0, 0, 0))).toBeNull();
    expect(compressionOf(Uint8Array.of(0x78, 0x01, 0, 0, 0, 0))).toBe('zlib');
    // 0x78 0x9d fails the FCHECK (0x789d is not a multiple of 31).
    expect(compressionOf(Uint8Array.of(0x78, 0x9d, 0, 0, 0, 0))).toBeNull();
  });

  it('inflates a body larger than one push, whole', () => {
    // Bytes from a linear congruential generator: they do not compress, so the stream is long.
    let seed = 1;
    const big = Buffer.from(Array.from({ length: 20000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16));
    const gz = gzipSync(big);
    expect(gz.length).toBeGreaterThan(1024);
    const out = inflateCapped(gz, 1 << 20)!;
    expect(out.complete).toBe(true);
    expect(Buffer.from(out.bytes).equals(big)).toBe(true);
  });
});

describe('what a reader keeps of a body (the full answer, not just the text)', () => {
  const rb = (c: Partial<HarContent>) => readResponseBody(content(c));

  it('says binary and not truncated for each body it will not read', () => {
    const no = (mimeType: string, note: string) => ({ text: null, mimeType, truncated: false, binary: true, note });
    expect(rb({ mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' })).toEqual(
      no('image/png', 'binary image/png not read'),
    );
    expect(rb({ mimeType: 'application/octet-stream', text: 'AAEC', encoding: 'base64' }).note).toBe(
      'binary application/octet-stream not read',
    );
    expect(rb({ mimeType: '', text: b64(Buffer.from([0x41, 0, 0x42])), encoding: 'base64' })).toEqual(
      no('', 'binary body not read'),
    );
    expect(rb({ text: JSON.stringify([gzipSync(Buffer.from([0, 1, 2, 0])).toString('hex')]) })).toEqual(
      no('application/json', 'binary body not read'),
    );
    expect(rb({ mimeType: 'text/html', text: 'MZ\u0000\u0000' })).toEqual(no('text/html', 'binary body not read'));
    // Says base64 but is not: nothing to read as text.
    expect(rb({ text: 'not base64!', encoding: 'base64' })).toEqual(no('application/json', 'binary body not read'));
    // A gzip magic number on a broken stream: read as the binary it is, never thrown.
    const broken = Buffer.concat([gzipSync('x').subarray(0, 10), Buffer.alloc(20, 0xff)]);
    expect(rb({ text: b64(broken), encoding: 'base64' })).toMatchObject({ text: null, binary: true });
  });

  it('reads a text body of a nock hex chunk list whole, not truncated', () => {
    const gz = gzipSync(page);
    expect(rb({ text: JSON.stringify([gz.toString('hex')]) })).toEqual({
      text: page,
      mimeType: 'application/json',
      truncated: false,
      binary: false,
    });
  });

  it('looks for a NUL in the first 4 KB of a text body only, and cuts the MIME type at its parameters', () => {
    const late = 'a'.repeat(5000) + '\u0000';
    expect(rb({ mimeType: ' Text/HTML ; charset=utf-8', text: late })).toEqual({
      text: late,
      mimeType: 'text/html',
      truncated: false,
      binary: false,
    });
  });

  it('reads a Latin-1 page as text with replacement characters, never throws', () => {
    // "für" in ISO-8859-1: ü is 0xfc, not valid UTF-8.
    const latin1 = Buffer.from('Zugriff verweigert f\u00fcr Sie', 'latin1');
    expect(rb({ mimeType: 'text/html', text: b64(latin1), encoding: 'base64' }).text).toBe(
      'Zugriff verweigert f\ufffdr Sie',
    );
  });
});

describe('compressed streams: every check that makes one', () => {
  const gz = gzipSync('hello hello hello');

  it('catches a lie in any byte of ISIZE, and broken deflate data', () => {
    // ISIZE is the last four bytes, little-endian (RFC 1952 §2.3.1).
    for (const back of [1, 2, 3, 4]) {
      const lie = Buffer.from(gz);
      lie[lie.length - back] = (lie[lie.length - back]! + 1) & 0xff;
      expect(inflateCapped(lie, 1000)).toBeNull();
    }
    // Block type 11 is reserved (RFC 1951 §3.2.3): an error, not a cap.
    expect(inflateCapped(Buffer.concat([gz.subarray(0, 10), Buffer.alloc(20, 0xff)]), 1000)).toBeNull();
  });

  it('stops at the cap across many pushes, and keeps exactly the first bytes', () => {
    let seed = 7;
    const big = Buffer.from(Array.from({ length: 20000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16));
    const out = inflateCapped(gzipSync(big), 5000)!;
    expect(out.complete).toBe(false);
    expect(Buffer.from(out.bytes).equals(big.subarray(0, 5000))).toBe(true);
  });

  it('wants every chunk of a list to be its kind', () => {
    expect(chunkArrayBytes('["YQ==", 1, "Yg=="]')).toBeNull();
    expect(Buffer.from(chunkArrayBytes(` \n${JSON.stringify([b64('ab')])}\n`)!).toString()).toBe('ab');
    // Whole hex bytes only: an odd digit or a letter past f is not nock's form.
    const hexGz = gz.toString('hex');
    for (const chunks of [[hexGz, 'abc'], [hexGz, 'zz'], [`${hexGz}zz`], [`zz${hexGz}`]])
      expect(hexChunkBytes(JSON.stringify(chunks))).toBeNull();
  });
});

describe('toExchange on what a hostile or hand-written HAR holds', () => {
  it("reads an http page's origin too", () => {
    const x = (requestHeaders: Record<string, string>) =>
      toExchange(makeEntry({ url: 'http://api.example.com/x', status: 403, requestHeaders }), 0).pageOrigin;
    expect(x({ Origin: 'http://app.example.com' })).toBe('http://app.example.com');
    expect(x({ Referer: 'http://app.example.com/p' })).toBe('http://app.example.com');
  });

  it('reads an entry with no request or response object, and hostile field types, without throwing', () => {
    const bare = toExchange({} as never, 0);
    expect(bare).toMatchObject({
      method: 'GET',
      rawUrl: '',
      url: null,
      status: 0,
      statusText: '',
      netError: null,
      requestBody: null,
      resourceType: '',
    });
    expect(bare.req.size).toBe(0);
    expect(bare.body.text).toBeNull();
    const hostile = makeEntry({ url: 'https://api.example.com/x', status: 403 });
    const res = hostile.response as unknown as Record<string, unknown>;
    res.status = '403';
    res._error = 42;
    res.headers = { a: 1 };
    (hostile.request as unknown as Record<string, unknown>).headers = 'Authorization: x';
    const h = toExchange(hostile, 0);
    expect(h).toMatchObject({ status: 0, netError: null });
    expect(h.req.size + h.res.size).toBe(0);
    const noResponse = makeEntry({ url: 'https://api.example.com/x', status: 0 });
    delete (noResponse as { response?: unknown }).response;
    const x = toExchange(noResponse, 0);
    expect(x).toMatchObject({ status: 0, statusText: '', netError: null });
    refreshBody(x);
    expect(x.body.note).toBe('body not captured');
  });

  it('is no preflight: a GET with CORS request headers, or an OPTIONS without Access-Control-Request-Method', () => {
    const notOptions = makeEntry({
      method: 'GET',
      url: 'https://api.example.com/x',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(toExchange(notOptions, 0).isPreflight).toBe(false);
    const noAcrm = makeEntry({
      method: 'OPTIONS',
      url: 'https://api.example.com/x',
      status: 204,
      resourceType: 'other',
      requestHeaders: { Origin: 'https://app.example.com' },
    });
    expect(toExchange(noAcrm, 0).isPreflight).toBe(false);
  });

  it('keys two spellings of one endpoint alike', () => {
    const key = (url: string) => endpointKey(toExchange(makeEntry({ url, status: 200 }), 0));
    expect(key('HTTPS://API.Example.com:443/v1/./items#frag')).toBe('https://api.example.com/v1/items');
    expect(toExchange(makeEntry({ url: 'https://api.example.com/v1', status: 200 }), 0).url?.href).toBe(
      'https://api.example.com/v1',
    );
  });
});
