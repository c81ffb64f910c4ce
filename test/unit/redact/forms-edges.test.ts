// The edges of the forms a secret is hunted in (lib/redact/forms.ts): which lengths get which
// forms, characters outside Latin-1 and lone surrogates, each layer's encodings. The oracles are
// Node's own encoders (Buffer, encodeURIComponent, JSON.stringify) and JavaScript reading an
// escape back (node:vm), not lib/redact's helpers.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FormIndex } from '../../../lib/redact/finder';
import { encodedForms, nestedForms } from '../../../lib/redact/forms';

/** What a JavaScript string literal holding `body` reads as. */
const jsReads = (body: string): unknown => runInNewContext(`"${body}"`);

describe('characters outside Latin-1 and lone surrogates', () => {
  it('a value with a character past U+00FF is hunted in \\x/\\u escapes that JavaScript reads back as it', () => {
    // OWASP ESAPI's encodeForJavaScript writes `\xHH` below 256 and `\uHHHH` above.
    const v = 'prix:9€/kg ÿĀ';
    const escaped = encodedForms(v).filter((f) => /^(\\x[0-9a-f]{2}|\\u[0-9a-f]{4})+$/i.test(f));
    expect(escaped.length).toBeGreaterThanOrEqual(4);
    for (const f of escaped) expect(jsReads(f), f).toBe(v);
    // ESAPI's form: \x for each Latin-1 character and \u only for the €, in either case.
    expect(escaped).toContain('\\x70\\x72\\x69\\x78\\x3a\\x39\\u20ac\\x2f\\x6b\\x67\\x20\\xff\\u0100');
    expect(escaped).toContain('\\x70\\x72\\x69\\x78\\x3A\\x39\\u20AC\\x2F\\x6B\\x67\\x20\\xFF\\u0100');
  });

  it('a value holding a lone surrogate is still hunted raw and JSON-escaped', () => {
    // encodeURIComponent throws on it; no browser sends one, but a JSON body can hold `\ud800`.
    const v = 'secret\ud800value1';
    const forms = encodedForms(v);
    expect(forms).toContain(v);
    expect(forms).toContain(JSON.stringify(v).slice(1, -1));
    expect(nestedForms(v, ['js'])).toContain(JSON.stringify(v).slice(1, -1));
  });
});

describe('a value under base64', () => {
  it('is hunted in its base64 from 12 characters, not below', () => {
    const v = 'k9Xq2mZ7wR4t';
    for (const prefix of ['{"t":"', '{"tk":"', '{"tok":"']) {
      const b64 = Buffer.from(prefix + v + '"}').toString('base64');
      expect(nestedForms(v, ['base64']).some((f) => b64.includes(f))).toBe(true);
    }
    // Under 12 characters its base64 is too short to tell from any other base64: not hunted so.
    expect(nestedForms(v.slice(0, 11), ['base64'])).toEqual([]);
  });
});

/** A distinctive value of `n` characters (letters and digits, seeded). */
function valueOf(n: number, seed = 1): string {
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    out += 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'[x % 55];
  }
  return out;
}

describe('which lengths get which forms', () => {
  const hex = (v: string) => Buffer.from(v).toString('hex');
  const uEscape = (v: string) => [...v].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

  it('character-at-a-time forms (hex, references, \\x) from 8 to 256 characters only', () => {
    for (const [n, has] of [
      [7, false],
      [8, true],
      [256, true],
      [257, false],
    ] as const) {
      const v = valueOf(n);
      const forms = encodedForms(v);
      expect(forms.includes(hex(v)), `hex of ${n}`).toBe(has);
      expect(forms.includes(hex(v).toUpperCase()), `HEX of ${n}`).toBe(has);
      expect(forms.includes([...v].map((c) => `&#${c.charCodeAt(0)};`).join('')), `&# of ${n}`).toBe(has);
      const hexRef = [...v].map((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join('');
      expect(forms.includes(hexRef), `&#x upper of ${n}`).toBe(has);
      const wide = Buffer.from(v, 'utf16le').toString('base64');
      expect(
        forms.some((f) => f.length >= 12 && wide.includes(f)),
        `UTF-16 base64 of ${n}`,
      ).toBe(has);
    }
  });

  it('every character \\u-escaped up to 256 characters, in lower and upper case', () => {
    for (const [n, has] of [
      [4, true],
      [256, true],
      [257, false],
    ] as const) {
      const v = valueOf(n, 2) + '/';
      const forms = encodedForms(v.slice(0, n));
      const u = uEscape(v.slice(0, n));
      expect(forms.includes(u), `\\u of ${n}`).toBe(has);
      expect(forms.includes(u.toUpperCase().replace(/\\U/g, '\\u')), `\\u upper of ${n}`).toBe(has);
    }
  });

  it('its UTF-8 base64 from 12 characters, at every alignment', () => {
    for (const [n, has] of [
      [11, false],
      [12, true],
    ] as const) {
      const v = valueOf(n, 3);
      const forms = encodedForms(v);
      for (const prefix of ['', 'a', 'ab'])
        expect(
          forms.some((f) =>
            Buffer.from(prefix + v + '"}')
              .toString('base64')
              .includes(f),
          ),
          `${n} characters after ${prefix.length}`,
        ).toBe(has);
    }
  });

  it('none shorter than a token, even for a value that is', () => {
    // `/` URL-encoded is `%2F`, three characters; twice, `%252F`.
    const forms = encodedForms('/');
    expect(forms).toContain('%252F');
    expect(forms).not.toContain('%2F');
    expect(forms.every((f) => f.length >= 4)).toBe(true);
  });
});

describe('each layer, one encoding further out', () => {
  it('utf16: from 5 characters (10 bytes: 13 base64 characters of their own, 12 at worst)', () => {
    const five = 'ab3$x';
    for (const prefix of ['', 'a', 'ab']) {
      const b64 = Buffer.from(prefix + five + '!', 'utf16le').toString('base64');
      expect(nestedForms(five, ['utf16']).some((f) => f.length >= 12 && b64.includes(f))).toBe(true);
    }
    expect(nestedForms(five.slice(0, 4), ['utf16'])).toEqual([]);
  });

  const v = 'pa ss/wörd"1';

  it('percent: upper- and lower-case escapes', () => {
    const forms = nestedForms(v, ['percent']);
    expect(forms).toContain(encodeURIComponent(v));
    expect(forms).toContain(encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    // Outermost, a percent layer's form is itself hunted as captures encode it again.
    expect(forms).toContain(encodeURIComponent(encodeURIComponent(v)));
  });

  it('plus: spaces as + with the rest encoded, or with the rest as it is', () => {
    const forms = nestedForms(v, ['plus']);
    expect(forms).toContain(encodeURIComponent(v).replace(/%20/g, '+'));
    expect(forms).toContain(v.replace(/ /g, '+'));
  });

  it('html: the five characters HTML escapes', () => {
    const w = `a<b>c&d'e"f1`;
    expect(nestedForms(w, ['html'])).toContain('a&lt;b&gt;c&amp;d&#39;e&quot;f1');
  });

  it('js: JSON-escaped, with / escaped too (PHP json_encode), and \\u-escaped up to 256 characters', () => {
    const forms = nestedForms(v, ['js']);
    const j = JSON.stringify(v).slice(1, -1);
    expect(forms).toContain(j);
    expect(forms).toContain(j.replace(/\//g, '\\/'));
    expect(forms).toContain([...v].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
    const long = valueOf(257, 4);
    expect(nestedForms(long, ['js']).some((f) => f.startsWith('\\u'))).toBe(false);
    // Past 256 characters still JSON-escaped, with and without `\/`.
    const slashed = long.slice(0, 250) + '/"a/b"/';
    const jl = JSON.stringify(slashed).slice(1, -1);
    expect(nestedForms(slashed, ['js'])).toEqual(expect.arrayContaining([jl, jl.replace(/\//g, '\\/')]));
    expect(nestedForms(long.slice(0, 256), ['js']).some((f) => f.startsWith('\\u'))).toBe(true);
  });

  it('hex: lower and upper case', () => {
    const forms = nestedForms(v, ['hex']);
    expect(forms).toContain(Buffer.from(v).toString('hex'));
    expect(forms).toContain(Buffer.from(v).toString('hex').toUpperCase());
  });

  it('utf16: its UTF-16LE base64 at every alignment', () => {
    const forms = nestedForms(v, ['utf16']);
    for (const prefix of ['', 'a', 'ab']) {
      const b64 = Buffer.from(prefix + v, 'utf16le').toString('base64');
      expect(forms.some((f) => b64.includes(f))).toBe(true);
    }
  });
});

describe('the growth bound', () => {
  it('is inclusive: a form of exactly twelve times the value plus 64 is still hunted, none longer', () => {
    const v = 'pa ss/wörd"1';
    const bound = 12 * v.length + 64;
    const forms = nestedForms(v, ['js', 'js', 'js', 'percent', 'percent', 'js']);
    expect(Math.max(...forms.map((f) => f.length))).toBe(bound);
  });

  it('keeps the count of forms bounded however deep: 24 forms a path, each in at most 31 encodings', () => {
    // Unbounded, this path gives about 2,400 forms, and each layer more multiplies them.
    const v = 'pa ss/wörd"1';
    const forms = nestedForms(v, ['plus', 'percent', 'js', 'plus', 'percent', 'js', 'html']);
    expect(forms.length).toBeGreaterThan(24);
    expect(forms.length).toBeLessThanOrEqual(24 * 31);
  });
});

describe('a value in base64, found by the index', () => {
  // Base64 character k holds bits 6k..6k+5 of the bytes. A value of n bytes after p bytes owns
  // the characters from the first holding none of the prefix's bits, ceil(8p/6), to the last
  // holding none of the suffix's, floor(8(p+n)/6) exclusive: exactly those are the secret's.
  const owned = (p: number, n: number) => [Math.ceil((8 * p) / 6), Math.floor((8 * (p + n)) / 6)];
  const prefixes = ['', 'x', 'xy', 'xy@', 'xy@!', 'xy@!Q'];

  it('in UTF-8 base64, behind and before any bytes, every character it owns is taken, and no other', () => {
    // Non-ASCII: base64 encodes its UTF-8 bytes (é is C3 A9), not its character codes. Lengths
    // of 0, 1 and 2 bytes past a whole group.
    // The last one's base64 holds `+` and `/` at every alignment (base64url: `-` and `_`).
    const values = [
      'pässwörd-12345',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'sk_live_4eC39HqLyjWDarjtT1zdp7d',
      'k9Xq2mZ7wR4t',
      '>?~ÿû>?~ÿû>?~',
    ];
    for (const p of ['', 'x', 'xy'])
      expect(Buffer.from(p + values[4]!).toString('base64')).toMatch(/^(?=.*\+)(?=.*\/)/);
    for (const v of values) {
      const idx = new FormIndex<string>();
      idx.add(v, 'anywhere', v);
      const n = Buffer.byteLength(v);
      for (const prefix of prefixes)
        for (const suffix of ['', '"}', '\0\0\0'])
          for (const alphabet of ['base64', 'base64url'] as const) {
            const text = Buffer.from(prefix + v + suffix).toString(alphabet);
            expect(
              idx.find(text).map((h) => [h.start, h.end]),
              `${v} after ${prefix.length}, before ${suffix.length}, ${alphabet}`,
            ).toEqual([owned(prefix.length, n)]);
          }
    }
  });

  it('in UTF-16LE base64 (PowerShell -EncodedCommand) the same, for a value of 8 to 256 characters', () => {
    for (const v of ['k9Xq2mZ7', 'Tr0ub4dor&3', 'pässwörd-1']) {
      const idx = new FormIndex<string>();
      idx.add(v, 'anywhere', v);
      for (const prefix of prefixes) {
        const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from(v, 'utf16le'), Buffer.from('"}')]);
        const hits = idx.find(bytes.toString('base64')).map((h) => [h.start, h.end]);
        expect(hits, `${v} after ${prefix.length}`).toEqual([owned(prefix.length, 2 * v.length)]);
      }
    }
    expect(nestedForms('ab3$', ['utf16'])).toEqual([]);
  });
});

describe('control characters, one byte under 0x10', () => {
  it('are written with two hex digits in hex and \\x forms', () => {
    const v = 'line1\nline2\tx';
    const forms = encodedForms(v);
    expect(forms).toContain(Buffer.from(v).toString('hex'));
    const js = forms.filter((f) => /^(\\x[0-9a-f]{2})+$/.test(f));
    expect(js.map(jsReads)).toEqual([v]);
  });
});
