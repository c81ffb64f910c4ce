import { describe, expect, it } from 'vitest';
import { base64Texts, hexTexts } from '../../../lib/redact/decode';
import { readStructured } from '../../../lib/redact/structured';

// The run scanners start a match only where a run starts (decode.ts): that must find exactly what
// the plain definition finds at every position, whatever the text mixes. The plain definitions
// below are the documented ones (a run of 16+ base64 characters with up to two `=`; a run of 16+
// hex digits of one case), scanned the slow way.

function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

// Pieces that make runs meet, nest and break: hex of both cases, words that encode text, padding.
const PIECES = [
  '48656c6c6f2c20776f726c6421', // "Hello, world!" in hex
  '48656C6C6F2C20776F726C6421',
  'SGVsbG8sIHdvcmxkIQ==', // "Hello, world!" in base64
  'dGhlIHBhc3N3b3JkIGlzIGh1bnRlcjI=',
  'deadbeef',
  'CAFE',
  '0123456789',
  'abcdefABCDEF',
  '=',
  '==',
  ' ',
  '/',
  '-_',
  '"',
  'Zm9vYmFy',
  'x',
];

function text(rand: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

// Each run the plain scan finds, read alone: what the scanner must return for the whole text.
const SCANNERS = [
  { name: 'hex', scan: hexTexts as (s: string) => unknown[], plain: /[0-9a-f]{16,}|[0-9A-F]{16,}/g, seed: 20261206 },
  { name: 'base64', scan: base64Texts as (s: string) => unknown[], plain: /[A-Za-z0-9+/_-]{16,}={0,2}/g, seed: 4242 },
];

describe('run scanners', () => {
  it.each(SCANNERS)('read the $name runs of the plain definition, in order, on 3,000 mixed texts', (c) => {
    const rand = seeded(c.seed);
    let read = 0;
    for (let k = 0; k < 3000; k++) {
      const s = text(rand);
      const want = [...s.matchAll(c.plain)].flatMap((m) => c.scan(m[0]));
      read += want.length;
      expect(c.scan(s), JSON.stringify(s)).toEqual(want);
    }
    // The texts do hold runs that decode (else the comparison above says nothing).
    expect(read).toBeGreaterThan(500);
  });

  it('a run glued to a word is one run, read from its first character', () => {
    expect(base64Texts('SGVsbG8sIHdvcmxkIQ==').map((d) => d.text)).toEqual(['Hello, world!']);
    // Glued to a word the run starts earlier and no longer decodes as base64 (21 characters).
    expect(base64Texts('xSGVsbG8sIHdvcmxkIQ==')).toEqual([]);
    // One-case hex runs inside a mixed-case one are read each.
    expect(hexTexts('ABCDEF48656c6c6f2c20776f726c6421')).toEqual(['Hello, world!']);
    expect(hexTexts('48656C6C6F2C20776F726C6421abcdef')).toEqual(['Hello, world!']);
  });
});

describe('structured strings', () => {
  it('keep a string without a backslash as it is, and decode one with escapes', () => {
    const seen: string[] = [];
    const events = {
      isSecretName: (n: string) => n === 'password',
      onSecret: (_: string, v: string) => seen.push(v),
      onString: () => {},
    };
    readStructured(`{"password": "a\\u0062c", "x": 1}`, events);
    readStructured(`{'password': 'it"s'}`, events);
    readStructured(`{"password": "tab\there"}`, events);
    expect(seen).toEqual(['abc', 'it"s', 'tab\there']);
  });
});
