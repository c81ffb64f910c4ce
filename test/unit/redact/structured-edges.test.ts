// The character classes of the tolerant structure reader (lib/redact/structured.ts) at their
// edges, beside structured-reads.test.ts: which characters start and continue a bare key (JavaScript
// identifiers: letters, `_`, `$`; then digits, `-`, `.`), which are white space between a key and
// its colon, and which continue a number. Every key is called secret here, so what is reported is
// exactly how the reader cut the text.
import { describe, expect, it } from 'vitest';
import { readStructured } from '../../../lib/redact/structured';

function secrets(s: string, isSecretName: (n: string) => boolean = () => true) {
  const out: [string, string][] = [];
  readStructured(s, { isSecretName, onSecret: (n, v) => out.push([n, v]), onString: () => {} });
  return out;
}

describe('bare keys', () => {
  it('start with a letter (A to Z, a to z), `_` or `$`', () => {
    expect(secrets('{A: "1", Zed: "2", a: "3", zed: "4", _k: "5", $k: "6"}')).toEqual([
      ['A', '1'],
      ['Zed', '2'],
      ['a', '3'],
      ['zed', '4'],
      ['_k', '5'],
      ['$k', '6'],
    ]);
  });

  it('the characters beside those ranges start none: the key begins after them', () => {
    // @ comes just before A, ` just before a.
    expect(secrets('{@k: "1", `k: "2"}')).toEqual([
      ['k', '1'],
      ['k', '2'],
    ]);
  });

  it('continue with letters, digits (0 to 9), `-` and `.`, and nothing else', () => {
    expect(secrets('{k0: "1", k9: "2", a-b.c_d$Z: "3"}')).toEqual([
      ['k0', '1'],
      ['k9', '2'],
      ['a-b.c_d$Z', '3'],
    ]);
    // `/` and `;` end the word: what follows is a key of its own.
    expect(secrets('{x/y: "1", p;q: "2"}')).toEqual([
      ['y', '1'],
      ['q', '2'],
    ]);
  });
});

describe('white space between a key and its colon', () => {
  it.each([
    ['space', ' '],
    ['tab', '\t'],
    ['line feed', '\n'],
    ['carriage return', '\r'],
    ['form feed', '\f'],
  ])('%s', (_, ws) => {
    expect(secrets(`{k${ws}: "1", "q"${ws}${ws}: "2"}`)).toEqual([
      ['k', '1'],
      ['q', '2'],
    ]);
  });

  it('a vertical tab is none: the key is not followed by its colon', () => {
    expect(secrets('{"q"\v: "2"}')).toEqual([]);
  });
});

describe('numbers', () => {
  it('run on through digits 0 to 9, signs, a point and an exponent in either case', () => {
    expect(secrets('{"z": 0.5, "n": 90, "m": -0.5e+9, "o": 1E-7}')).toEqual([
      ['z', '0.5'],
      ['n', '90'],
      ['m', '-0.5e+9'],
      ['o', '1E-7'],
    ]);
  });

  it('stop at any other character', () => {
    expect(secrets('{"n": 12d, "m": 3f, "o": 4/5, "p": 6:7}')).toEqual([
      ['n', '12'],
      ['m', '3'],
      ['o', '4'],
      ['p', '6'],
    ]);
  });
});

describe('what resets or keeps a key, and where `$variables` are values', () => {
  const onlySecret = (n: string) => ['password', 'token'].includes(n);

  it('a character that is no value, white space or comma ends the key', () => {
    expect(secrets('{"token": = "v", "password": ~12}', onlySecret)).toEqual([]);
  });

  it('a `$variable` is a value inside parentheses or braces, not after them and not outside', () => {
    expect(secrets('login(password: $p)', onlySecret)).toEqual([['password', '$p']]);
    expect(secrets('{password: $p}', onlySecret)).toEqual([['password', '$p']]);
    expect(secrets('(x: 1) password: $p', onlySecret)).toEqual([]);
    expect(secrets('password: $p', onlySecret)).toEqual([]);
  });

  it('a pair object without a value key reports nothing, whatever other keys it has', () => {
    expect(secrets('[{"name":"password","note":"n-1"}]', onlySecret)).toEqual([]);
  });
});
