// The words the PowerShell export writes read back, through the PowerShell model (ps-sim.ts:
// single quotes, curly quotes counted as quotes, doubled quotes, + concatenation), as exactly
// the text they were given; and the script stays printable ASCII, which Windows PowerShell 5.1
// reads the same in every code page (a UTF-8 byte read as cp1252 0x92 would be a closing quote).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { psSingle, psText } from '../../../lib/export/powershell';
import { psEval } from './ps-sim';

const noCalls = () => {
  throw new Error('no function call expected');
};

// Every quote PowerShell ends a single-quoted string at, each control and line break, an
// astral character, and text that would be code outside quotes.
const HOSTILE = [
  '',
  "'",
  "''",
  "it's",
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  "a\u2019'\u2018b",
  '$(Remove-Item x)',
  '`n$env:PATH',
  'a\r\nb',
  '\t',
  '\u0000',
  '\u007f',
  '\u0080',
  'é',
  '😀',
  'a😀b\u2028c',
  '"x"',
  ' lead and trail ',
];

describe('psSingle', () => {
  it.each(HOSTILE.map((s) => [JSON.stringify(s), s] as const))('%s reads back exactly', (_n, s) => {
    expect(psEval(psSingle(s), noCalls)).toBe(s);
  });

  it('any text reads back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(psEval(psSingle(s), noCalls)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('psText', () => {
  const ascii = /^[\x20-\x7e]*$/;

  it.each(HOSTILE.map((s) => [JSON.stringify(s), s] as const))('%s reads back exactly, in printable ASCII', (_n, s) => {
    const expr = psText(s);
    expect(expr).toMatch(ascii);
    expect(psEval(expr, noCalls)).toBe(s);
  });

  it('any well-formed text reads back exactly, in printable ASCII', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => s.isWellFormed()),
        (s) => {
          const expr = psText(s);
          expect(expr).toMatch(ascii);
          expect(psEval(expr, noCalls)).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is one literal for a plain or a non-ASCII run, a parenthesised sum for mixed text', () => {
    expect(psText('')).toBe("''");
    expect(psText('plain text')).toBe("'plain text'");
    expect(psText('é')).toBe("[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('w6k='))");
    expect(psText('aéb')).toBe("('a' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('w6k=')) + 'b')");
  });
});
