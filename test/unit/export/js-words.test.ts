// The JS exports' words, read by a real JS engine (node:vm) and a real fetch implementation
// (Node's undici Request, which follows the Fetch standard's method rules): a string literal
// evaluates to exactly its text and holds no character that ends a `//` comment line or makes
// the code read differently from what it does; a method fetch() would change or refuse is said.
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchMethodProblem, fetchUrlNote, jsBody, jsExpr, jsHeaderValue, jsString } from '../../../lib/export/js';

// Line terminators for a `//` comment (and pre-2019 string literals), C1 controls, bidi
// controls, zero-width and invisible characters, the BOM and the interlinear annotations.
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;
const EDGES = [
  '\u007e',
  '\u007f',
  '\u009f',
  '\u00a0',
  '\u00ac',
  '\u00ad',
  '\u00ae',
  '\u061c',
  '\u180e',
  '\u200a',
  '\u200b',
  '\u200f',
  '\u2010',
  '\u2027',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u206f',
  '\u2070',
  '\ufeff',
  '\ufff8',
  '\ufff9',
  '\ufffb',
  '\ufffc',
  '"',
  '\\',
  '\u0000',
  '\n',
  '\ud800',
  '😀',
];

describe('jsString', () => {
  it.each(EDGES.map((c) => [JSON.stringify(c), c] as const))(
    '%s evaluates back exactly, nothing invisible raw',
    (_n, c) => {
      const lit = jsString(`a${c}b`);
      expect(runInNewContext(lit)).toBe(`a${c}b`);
      expect(lit).not.toMatch(INVISIBLE);
      expect([...lit].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
    },
  );

  it('any text evaluates back exactly, nothing invisible raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = jsString(s);
        expect(runInNewContext(lit)).toBe(s);
        expect(lit).not.toMatch(INVISIBLE);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves visible text as it is', () => {
    expect(jsString('é – 😀 \u00a0 \u2010')).toBe('"é – 😀 \u00a0 \u2010"');
  });
});

describe('jsExpr and jsHeaderValue', () => {
  const ref = (n: string) => `v.${n}`;
  const utf8 = (e: string) => `bytes(${e})`;
  const evalIn = (code: string) =>
    runInNewContext(code, {
      v: { K: 'ké' },
      bytes: (s: string) => String.fromCharCode(...new TextEncoder().encode(s)),
    });

  it('joins literals and placeholders in order; an empty text is the empty string', () => {
    expect(evalIn(jsExpr(['a', { ref: 'K' }, 'b'], ref))).toBe('akéb');
    expect(jsExpr([], ref)).toBe('""');
  });

  it('turns a header value with non-ASCII text into its UTF-8 bytes; ASCII up to DEL stays text', () => {
    expect(evalIn(jsHeaderValue(['é'], ref, utf8))).toBe('\u00c3\u00a9');
    expect(evalIn(jsHeaderValue(['a\u0080'], ref, utf8))).toBe('a\u00c2\u0080');
    expect(jsHeaderValue(['a\u007f', { ref: 'K' }], ref, utf8)).toBe('"a\\u007f" + v.K');
    // Only the literal text decides: a placeholder's value is the user's, set as they typed it.
    expect(jsHeaderValue([{ ref: 'K' }], ref, utf8)).toBe('v.K');
  });
});

describe('fetchMethodProblem agrees with a real fetch implementation', () => {
  const methods = ['GET', 'get', 'Get', 'POST', 'post', 'PUT', 'put', 'DELETE', 'delete', 'HEAD', 'head'];
  const more = ['OPTIONS', 'options', 'PATCH', 'patch', 'Patch', 'PROPFIND', 'propfind', 'CONNECT', 'connect'];
  it.each([...methods, ...more, 'TRACE', 'trace', 'TRACK', 'Track', 'M-SEARCH'])('%s', (m) => {
    let sent: string | null;
    try {
      sent = new Request('http://127.0.0.1/', { method: m }).method;
    } catch {
      sent = null;
    }
    const problem = fetchMethodProblem(m);
    if (sent === m) expect(problem).toBeNull();
    else if (sent === null) expect(problem).toBe(`fetch() refuses the ${m.toUpperCase()} method`);
    else expect(problem).toBe(`fetch() would send ${m} as ${sent}`);
  });
});

describe('fetchUrlNote', () => {
  it('says how fetch() would send a URL it rewrites', () => {
    expect(fetchUrlNote(['http://A.example/a b'])).toBe(
      'fetch() sends the URL as it parses it: http://a.example/a%20b',
    );
    expect(fetchUrlNote(['http://a.example/./x/../y'])).toBe(
      'fetch() sends the URL as it parses it: http://a.example/y',
    );
  });

  it('is silent when the URL goes as written, whatever its fragment', () => {
    expect(fetchUrlNote(['http://a.example/x?y=1'])).toBeNull();
    expect(fetchUrlNote(['http://a.example/', 'x'])).toBeNull();
    expect(fetchUrlNote(['http://a.example/x#a b'])).toBeNull();
    expect(fetchUrlNote(['http://a.example/x#a\nb'])).toBeNull();
    // Unknown until the placeholder is filled in; unparsable URLs are refused elsewhere.
    expect(fetchUrlNote(['http://A.example/', { ref: 'K' }])).toBeNull();
    expect(fetchUrlNote(['not a url'])).toBeNull();
  });
});

describe('jsBody', () => {
  const ref = (n: string) => n;
  const fromB64 = (b64: string) => `Uint8Array.from(atob(${jsString(b64)}), (c) => c.charCodeAt(0))`;
  const contentType = (body: string) =>
    new Request('http://127.0.0.1/', {
      method: 'POST',
      body: runInNewContext(body, { TextEncoder, Uint8Array, atob }),
    }).headers.get('content-type');

  it('sends a text body without Content-Type as bytes, so fetch() adds no text/plain of its own', async () => {
    const body = jsBody({ kind: 'text', text: ['aé'] }, false, ref, fromB64);
    expect(contentType(body)).toBeNull();
    const bytes = new Uint8Array(
      await new Request('http://127.0.0.1/', {
        method: 'POST',
        body: runInNewContext(body, { TextEncoder }),
      }).arrayBuffer(),
    );
    expect([...bytes]).toEqual([0x61, 0xc3, 0xa9]);
    // With a Content-Type of its own the text goes as it is (that header is the one sent).
    expect(runInNewContext(jsBody({ kind: 'text', text: ['aé'] }, true, ref, fromB64))).toBe('aé');
  });

  it('sends recorded bytes exactly', () => {
    const body = jsBody({ kind: 'bytes', bytes: new Uint8Array([0, 255, 10]) }, false, ref, fromB64);
    expect([...(runInNewContext(body, { Uint8Array, atob }) as Uint8Array)]).toEqual([0, 255, 10]);
  });
});
