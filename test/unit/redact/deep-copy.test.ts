import { describe, expect, it } from 'vitest';
import { mapStrings } from '../../../lib/redact/deep';
import { latin1, redactEncodedBody, sealDeep, Vault } from '../../../lib/redact';

// The last step before a redacted HAR or report model leaves (seal.ts) maps every string and key of
// a structure (deep.ts). Whatever the shape, each string is sealed, nothing else changes, and the
// copy is an ordinary object a caller may edit.
const upper = (s: string) => s.toUpperCase();

describe('mapStrings', () => {
  it('maps a bare string, and leaves other scalars and null as they are', () => {
    expect(mapStrings('abc', upper)).toBe('ABC');
    expect(mapStrings('', () => 'was empty')).toBe('was empty');
    for (const v of [null, undefined, 0, 7, true, false]) expect(mapStrings(v, upper)).toBe(v);
  });

  it('maps every string and object key at any depth; array indexes and other values stay', () => {
    const input = { a: ['x', 1, null, { b: 'y', c: [] }], d: {}, e: false, f: [[]] };
    const out = mapStrings(input, upper, upper) as unknown as Record<string, unknown[]>;
    expect(out).toEqual({ A: ['X', 1, null, { B: 'Y', C: [] }], D: {}, E: false, F: [[]] });
    expect(Array.isArray(out.A) && Array.isArray(out.F) && Array.isArray(out.F![0])).toBe(true);
    expect(JSON.stringify(mapStrings(['a', [], ['b']], upper))).toBe('["A",[],["B"]]');
    expect(input.a[0]).toBe('x'); // the input is not touched
  });

  it('keeps a key named __proto__ as data, an ordinary property like any other', () => {
    const input = JSON.parse('{"__proto__":{"polluted":"yes"},"plain":"v"}') as Record<string, unknown>;
    const out = mapStrings(input, upper);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"YES"},"plain":"V"}');
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')).toEqual({
      ...Object.getOwnPropertyDescriptor(out, 'plain'),
      value: { polluted: 'YES' },
    });
    // Editable like the rest: a caller replaces or drops fields of the copy.
    out.plain = 'changed';
    delete out.plain;
    expect(Object.keys(out)).toEqual(['__proto__']);
  });

  it('copes with nesting deeper than the call stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    let out = mapStrings(deep, upper) as unknown;
    for (let i = 99_999; i >= 0; i--) out = i % 2 ? (out as unknown[])[0] : (out as { k: unknown }).k;
    expect(out).toBe('BOTTOM');
  });
});

describe('sealDeep', () => {
  it('seals a secret in a bare string, a key and a nested value', () => {
    const v = new Vault();
    const name = (v.secret('Kx-8812-secret-Zq', { base: 'KEY', kind: 'api-key', where: 'test' }) as { ref: string })
      .ref;
    const ref = '${' + name + '}';
    expect(sealDeep('a Kx-8812-secret-Zq b', v)).toBe(`a ${ref} b`);
    expect(sealDeep({ 'Kx-8812-secret-Zq': [1, { x: 'Kx-8812-secret-Zq' }] }, v)).toEqual({ [ref]: [1, { x: ref }] });
  });
});

describe('binary bodies', () => {
  it('are searched byte for byte, across the slices they are read in', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 5).map((_, i) => (i * 7) % 256);
    expect(latin1(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
    expect(latin1(new Uint8Array())).toBe('');
  });

  it('are withheld when a known secret sits in them, at any offset, else kept', () => {
    const secret = 'Kx-8812-secret-Zq';
    for (const at of [0, 0x8000 - 3, 0x8000 + 9]) {
      const v = new Vault();
      v.secret(secret, { base: 'KEY', kind: 'api-key', where: 'test' });
      const bytes = Buffer.alloc(0x8000 * 2, 0);
      bytes.write(secret, at, 'latin1');
      const b64 = bytes.toString('base64');
      expect(redactEncodedBody(b64, 'application/octet-stream', v, 'response body').kind, String(at)).toBe('withhold');
      expect(redactEncodedBody(b64, 'application/octet-stream', new Vault(), 'response body')).toEqual({
        kind: 'keep',
      });
    }
  });
});
