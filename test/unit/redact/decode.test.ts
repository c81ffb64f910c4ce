// The tolerant decoders of the decoding closure (lib/redact/decode.ts): what each one reads,
// and what it leaves as it is. A decoder that reads too little leaves a nested secret unread; one
// that reads too much (or breaks on one bad escape) loses the valid escapes around it.
import { describe, expect, it } from 'vitest';
import { base64Texts, hexTexts, htmlDecode, percentDecode, readableText, unescapeJs } from '../../../lib/redact/decode';

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
    expect(base64Texts(`state=${std}&x=1`)).toEqual([{ text: secret, wide: false }]);
    expect(base64Texts(`"${url}"`)).toEqual([{ text: secret, wide: false }]);
  });

  it('a run of exactly 16 characters is read; 15 are not', () => {
    expect(base64Texts(b64('Hello, World'))).toEqual([{ text: 'Hello, World', wide: false }]); // 16 characters
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

  it('reads UTF-16LE text (PowerShell -EncodedCommand), and only text', () => {
    const wide = (s: string) => Buffer.from(s, 'utf16le').toString('base64');
    expect(base64Texts(wide('Get-Date; whoami'))).toEqual([{ text: 'Get-Date; whoami', wide: true }]);
    // Mostly Latin is enough (3 characters in 4); a control character in 20 is too many.
    expect(base64Texts(wide('Grüße, 東京 and more text'))[0]?.wide).toBe(true);
    expect(base64Texts(wide('ab\u0001cdefghijklmnopqrs'))).toHaveLength(1);
    expect(base64Texts(wide('a\u0001b\u0002cdefgh'))).toEqual([]);
    // Too few zero high bytes: CJK text is not taken for UTF-16 of Latin.
    expect(base64Texts(wide('東京都新宿区西新宿二丁目八番一号'))).toEqual([]);
    // An odd byte count is no UTF-16.
    expect(
      base64Texts(
        Buffer.concat([Buffer.from('a\u0000b\u0000c\u0000d\u0000e\u0000f\u0000'), Buffer.from([0x41])]).toString(
          'base64',
        ),
      ),
    ).toEqual([]);
  });
});

describe('hexTexts', () => {
  const hex = (s: string) => Buffer.from(s).toString('hex');
  it('reads runs of 16+ hex digits in one case that decode to text', () => {
    expect(hexTexts(`x=${hex('{"pin":"4829"}')}&y=1`)).toEqual(['{"pin":"4829"}']);
    expect(hexTexts(hex('{"pin":"4829"}').toUpperCase())).toEqual(['{"pin":"4829"}']);
    expect(hexTexts(hex('Hello, W'))).toEqual(['Hello, W']); // 16 digits
    expect(hexTexts(hex('Hello, W').slice(0, 15))).toEqual([]);
  });

  it('skips digests, mixed case and bytes that are no text', () => {
    expect(hexTexts('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toEqual([]);
    expect(hexTexts('48656C6c6f2c2057')).toEqual([]); // mixed case: not one run of 16
    expect(hexTexts('ffd8ffe000104a464946')).toEqual([]);
  });

  it('reads an odd-length run from its first digit', () => {
    expect(hexTexts(`${hex('Hello, World')}0`)).toEqual(['Hello, World\u0000'.slice(0, 12)]);
  });
});
