// The index every secret is hunted through (lib/redact/finder.ts): what it must find, at any
// length of form and any place in a text, and what it must not confuse. Forms are keyed by
// their first 4, 8, 16, 32 or 64 characters; the lengths below sit on each side of each step.
import { describe, expect, it } from 'vitest';
import { FormIndex } from '../../../lib/redact/finder';
import { Vault } from '../../../lib/redact/vault';

const LENGTHS = [4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 300];

/** A distinctive value of `n` characters, a different one for each seed (a seeded generator). */
function value(n: number, seed = 0): string {
  let x = (seed + 1) * 2654435761 + n;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    out += 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[x % 32];
  }
  return out;
}

const indexOf = (...values: string[]) => {
  const idx = new FormIndex<string>();
  for (const v of values) idx.addForms([v], 'anywhere', v);
  return idx;
};

describe('the secret finder', () => {
  it.each(LENGTHS)('finds a form of %i characters at the start, the middle and the end of a text', (n) => {
    const v = value(n);
    const idx = indexOf(v);
    for (const [text, start] of [
      [v, 0],
      [`x ${v} y`, 2],
      [`..${v}`, 2],
    ] as const)
      expect(idx.find(text)).toEqual([{ start, end: start + n, form: v, owner: v }]);
  });

  it.each(LENGTHS)('does not find a form of %i characters when its last character differs', (n) => {
    const v = value(n);
    const other = v.slice(0, -1) + (v.endsWith('a') ? 'b' : 'a');
    expect(indexOf(v).find(`x ${other} y`)).toEqual([]);
    // Nor when the text ends one character short of it.
    expect(indexOf(v).find(`x ${v.slice(0, -1)}`)).toEqual([]);
  });

  it('at one position reports the longest form there, across every key length', () => {
    const long = value(80);
    const forms = [4, 8, 16, 32, 64, 80].map((n) => long.slice(0, n));
    const idx = new FormIndex<string>();
    for (const f of forms) idx.addForms([f], 'anywhere', `len${f.length}`);
    for (const f of forms)
      expect(idx.find(`<${f}>`)).toEqual([{ start: 1, end: 1 + f.length, form: f, owner: `len${f.length}` }]);
    // When a longer one is there only in part, the next longer one that is there whole wins.
    expect(idx.find(`<${long.slice(0, 40)}>`)[0]!.owner).toBe('len32');
  });

  it('tells apart hundreds of secrets whose forms share their first 64 characters', () => {
    // `\u`-escaped forms carry one character of the value per six: 11 shared characters are 66.
    const shared = value(11);
    const esc = (s: string) => [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    const values = Array.from({ length: 300 }, (_, i) => shared + value(12, i));
    const idx = new FormIndex<string>();
    for (const v of values) idx.addForms([esc(v)], 'anywhere', v);
    for (const v of [values[0]!, values[137]!, values[299]!]) {
      const text = `{"a":"${esc(v)}","b":"${esc(shared)}"}`;
      expect(idx.find(text)).toEqual([{ start: 6, end: 6 + esc(v).length, form: esc(v), owner: v }]);
    }
    // The shared start alone, or with a tail no secret has, is no secret.
    expect(idx.find(esc(shared + value(12, 999)))).toEqual([]);
  });

  it('a whole-token form is found only between non-word characters', () => {
    const idx = new FormIndex<string>();
    idx.addForms(['482913'], 'token', 'otp');
    expect(idx.find('code 482913.')).toEqual([{ start: 5, end: 11, form: '482913', owner: 'otp' }]);
    expect(idx.find('code 4829130')).toEqual([]);
    expect(idx.find('code x482913')).toEqual([]);
  });

  it('reports two known values that overlap in a text, so neither tail is left', () => {
    const a = value(20, 1);
    const b = value(20, 2);
    const idx = indexOf(a, b);
    const text = a + b.slice(0); // adjacent: both whole
    expect(idx.find(text).map((f) => f.owner)).toEqual([a, b]);
    const overlap = value(30, 3);
    const idx2 = indexOf(overlap.slice(0, 20), overlap.slice(10));
    expect(idx2.find(overlap).map((f) => [f.start, f.end])).toEqual([
      [0, 20],
      [10, 30],
    ]);
  });
});

describe('what bounds a whole token', () => {
  // A word character is one of \w (ASCII letters, digits, underscore) or any non-ASCII character
  // (`é`, `€`: letters of other scripts glue to a token as ASCII letters do). Every other ASCII
  // character, punctuation, space and control characters, ends a token.
  const isWord = (ch: string) => /\w/.test(ch) || ch > '\x7f';
  const idx = new FormIndex<string>();
  idx.addForms(['482913'], 'token', 'otp');
  const codes = [...Array.from({ length: 0x180 }, (_, i) => i), 0x2028, 0x20ac, 0xd800, 0xfeff, 0xffff];

  it.each(codes.map((c) => [c.toString(16).padStart(4, '0'), String.fromCharCode(c)]))(
    'U+%s before or after the token',
    (_, ch) => {
      const hit = [{ start: 0, end: 6, form: '482913', owner: 'otp' }];
      expect(idx.find(`482913${ch}`)).toEqual(isWord(ch) ? [] : hit);
      expect(idx.find(`${ch}482913`)).toEqual(isWord(ch) ? [] : [{ ...hit[0]!, start: 1, end: 7 }]);
    },
  );

  it('the ends of the text bound a token', () => {
    expect(idx.find('482913')).toEqual([{ start: 0, end: 6, form: '482913', owner: 'otp' }]);
    expect(idx.find('x=482913')).toEqual([{ start: 2, end: 8, form: '482913', owner: 'otp' }]);
    expect(idx.find('482913&y')).toEqual([{ start: 0, end: 6, form: '482913', owner: 'otp' }]);
  });
});

describe('one form, two values', () => {
  it('a form known as a whole token is still found anywhere once another value needs it so', () => {
    // A 7-character password with spaces is hunted as a token; URL-encoded it is `p%20w%20d%20x`,
    // which is also a cookie's whole value, distinctive, so hunted anywhere (glued to a word).
    const idx = new FormIndex<string>();
    idx.addForms(['p w d x', 'p%20w%20d%20x'], 'token', 'password');
    idx.addForms(['p%20w%20d%20x'], 'anywhere', 'cookie');
    expect(idx.find('sid=zzp%20w%20d%20x')).toEqual([{ start: 6, end: 19, form: 'p%20w%20d%20x', owner: 'cookie' }]);
    // Where it stands as a token, the value that indexed it first owns it.
    expect(idx.find('sid=p%20w%20d%20x')[0]!.owner).toBe('password');
  });

  it('a form known anywhere stays hunted anywhere when a value adds it as a token', () => {
    const idx = new FormIndex<string>();
    idx.addForms(['p%20w%20d%20x'], 'anywhere', 'cookie');
    idx.addForms(['p%20w%20d%20x'], 'token', 'password');
    expect(idx.find('zzp%20w%20d%20x')).toEqual([{ start: 2, end: 15, form: 'p%20w%20d%20x', owner: 'cookie' }]);
  });
});

describe('one form, two values, through the vault', () => {
  it('a cookie that is a password URL-encoded is hunted glued to a word, whichever was learned first', () => {
    for (const order of [0, 1]) {
      const vault = new Vault();
      const learn = [
        () => vault.secret('p w d x', { base: 'password', kind: 'password', where: 'form field password' }),
        () => vault.secret('p%20w%20d%20x', { base: 'sid', kind: 'cookie', where: 'cookie sid' }),
      ];
      learn[order]!();
      learn[1 - order]!();
      expect(
        vault.hunt('zzp%20w%20d%20x').map((e) => [e.start, e.end]),
        `order ${order}`,
      ).toEqual([[2, 15]]);
    }
  });
});

describe('forms sharing a key', () => {
  // Forms of 8 to 15 characters are keyed by their first 8: these four share one key.
  const base = value(15, 7);
  const forms = [9, 11, 13, 15].map((n) => base.slice(0, n));
  const orders = [
    [0, 1, 2, 3],
    [3, 2, 1, 0],
    [1, 3, 0, 2],
    [2, 0, 3, 1],
  ];

  it.each(orders)(
    'the longest one there is reported, whatever order they were learned in (%i %i %i %i)',
    (...order) => {
      const idx = new FormIndex<string>();
      for (const i of order) idx.addForms([forms[i]!], 'anywhere', `len${forms[i]!.length}`);
      for (const f of forms)
        expect(idx.find(`<${f}>`)).toEqual([{ start: 1, end: 1 + f.length, form: f, owner: `len${f.length}` }]);
    },
  );
});

describe('a known value inside another hit', () => {
  it('is not reported again when it ends within the hit, even at its very end', () => {
    const a = value(24, 11);
    const inner = a.slice(6, 16);
    const tail = a.slice(12);
    const idx = indexOf(a, inner, tail);
    expect(idx.find(`(${a})`)).toEqual([{ start: 1, end: 25, form: a, owner: a }]);
    // Alone, each is found.
    expect(idx.find(`(${inner})`)).toEqual([{ start: 1, end: 11, form: inner, owner: inner }]);
    expect(idx.find(`(${tail})`)).toEqual([{ start: 1, end: 13, form: tail, owner: tail }]);
  });

  it('after a hit, a later one that runs past it is reported from where it starts', () => {
    const a = value(24, 12);
    const b = a.slice(16) + value(10, 13);
    const inside = a.slice(2, 10);
    const idx = indexOf(a, b, inside);
    expect(idx.find(a + b.slice(8)).map((f) => [f.start, f.end, f.owner])).toEqual([
      [0, 24, a],
      [16, 34, b],
    ]);
  });
});
