// The tolerant decoders of the decoding closure (lib/redact/decode.ts): what each one reads,
// and what it leaves as it is. A decoder that reads too little leaves a nested secret unread; one
// that reads too much (or breaks on one bad escape) loses the valid escapes around it.
import { describe, expect, it } from 'vitest';
import { base64Texts, htmlDecode, percentDecode, readableText, unescapeJs } from '../../../lib/redact/decode';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('percentDecode', () => {
  it('reads a run of escapes as UTF-8, in any hex case, and keeps the rest', () => {
    expect(percentDecode('a%41b%2fc%2Fd')).toBe('aAb/c/d');
    expect(percentDecode('pw=%E2%82%AC%20x')).toBe('pw=€ x');
  });

  it('reads a run that is not UTF-8 as Latin-1, and leaves broken escapes as they are', () => {
    expect(percentDecode('%FF%41')).toBe('\u00ffA');
    expect(percentDecode('%zz%41%4')).toBe('%zzA%4');
  });
});

describe('htmlDecode', () => {
  it('named references markup uses for syntax, in any case, only with their semicolon', () => {
    expect(htmlDecode('a&amp;b &LT;x&gt; &quot;&apos; &colon;&sol;&equals;')).toBe('a&b <x> "\' :/=');
    expect(htmlDecode('&amp &copy; &bogus;')).toBe('&amp &copy; &bogus;');
  });

  it('decimal and hexadecimal references (x or X), with or without the semicolon', () => {
    expect(htmlDecode('&#65;&#66&#x43;&#X44;&#x1F600;')).toBe('ABCD\u{1F600}');
    expect(htmlDecode('&#0;')).toBe('\u0000');
  });

  it('the last code point decodes; one past it stays as written', () => {
    expect(htmlDecode('&#x10FFFF;')).toBe('\u{10FFFF}');
    expect(htmlDecode('&#1114111;')).toBe('\u{10FFFF}');
    expect(htmlDecode('&#x110000;')).toBe('&#x110000;');
    expect(htmlDecode('&#1114112;')).toBe('&#1114112;');
  });
});

describe('unescapeJs', () => {
  it('JSON and JavaScript escapes', () => {
    expect(unescapeJs('\\u0041\\x42\\"\\\'\\/\\\\')).toBe('AB"\'/\\');
    expect(unescapeJs('a\\nb\\rc\\td\\be\\ff')).toBe('a\nb\rc\td\be\ff');
  });

  it('leaves unknown and cut-short escapes as they are', () => {
    expect(unescapeJs('\\q\\u00\\x4')).toBe('\\q\\u00\\x4');
  });

  it('reads an escaped backslash once: the escape after it is literal text', () => {
    expect(unescapeJs('\\\\u0041')).toBe('\\u0041');
  });
});

describe('readableText', () => {
  it('valid UTF-8 with tabs and line breaks is text', () => {
    expect(readableText(new TextEncoder().encode('a\tb\r\nc €'))).toBe('a\tb\r\nc €');
  });

  it('one control byte in twenty is still text; one in nineteen is not', () => {
    const text = (n: number, control: number) => {
      const b = new Uint8Array(n).fill(0x61);
      b[0] = control;
      return b;
    };
    expect(readableText(text(20, 0x01))).toBe('\u0001' + 'a'.repeat(19));
    expect(readableText(text(19, 0x01))).toBeNull();
    expect(readableText(text(19, 0x7f))).toBeNull();
    expect(readableText(text(19, 0x1f))).toBeNull();
    // The highest control byte and the first printable one on either side of the line.
    expect(readableText(text(19, 0x20))).toBe(' ' + 'a'.repeat(18));
    expect(readableText(text(19, 0x7e))).toBe('~' + 'a'.repeat(18));
  });

  it('invalid UTF-8 is not text', () => {
    expect(readableText(bytes(0x61, 0x62, 0xc3, 0x28, 0x63))).toBeNull();
  });
});

describe('base64Texts', () => {
  it('finds base64 and base64url runs of text inside other text, padded or not', () => {
    const secret = '{"password":"hunter2?>"}';
    const std = b64(secret);
    const url = Buffer.from(secret).toString('base64url');
    expect(std).toMatch(/[+/]/);
    expect(url).toMatch(/[-_]/);
    expect(base64Texts(`state=${std}&x=1`)).toEqual([secret]);
    expect(base64Texts(`"${url}"`)).toEqual([secret]);
  });

  it('a run of exactly 16 characters is read; 15 are not', () => {
    expect(base64Texts(b64('Hello, World'))).toEqual(['Hello, World']); // 16 characters
    expect(base64Texts(b64('Hello, World').slice(0, 15))).toEqual([]);
  });

  it('skips runs that cannot be text: one case only, binary bytes, or one past a multiple of four', () => {
    expect(base64Texts('0123456789abcdef0123456789abcdef')).toEqual([]); // a hex digest
    // One-case runs whose bytes happen to be printable ("o/xwoo{yvr.u", "3bw5.9dt8gm5"): words, not base64.
    expect(base64Texts('by94d29ve3l2ci51')).toEqual([]);
    expect(base64Texts('M2J3NS45ZHQ4Z201')).toEqual([]);
    expect(base64Texts(Buffer.from(bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).toString('base64'))).toEqual([]);
    expect(base64Texts(`${b64('Hello, World')}A`)).toEqual([]); // 17 characters
  });
});
