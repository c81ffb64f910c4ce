import { describe, expect, it } from 'vitest';
import { hashOf, PrefixHashes } from '../../../lib/redact/rolling';

// The finder compares a long secret with a text by hash (rolling.ts) where `startsWith` would cost
// the secret's length at each position. The hash must answer exactly as `startsWith` does: a
// missed secret would be left in the clear, a false hit would hide text that is no secret.
describe('prefix hashes', () => {
  it('say a string starts at a position exactly when startsWith does, up to the text end', () => {
    const text = 'a=a=a=ab€😀\u0000\uffffa=a=ab€😀 tail a=a';
    const hashes = new PrefixHashes(text);
    const windows = ['a', 'a=a', 'a=ab€😀', '€😀\u0000\uffff', 'tail a=a', text, text + 'x', ''];
    for (const w of windows) {
      const h = hashOf(w);
      expect(h.length).toBe(w.length);
      for (let i = 0; i <= text.length; i++)
        expect(hashes.equals(i, h), `${JSON.stringify(w)} at ${i}`).toBe(text.startsWith(w, i));
    }
  });

  it('tell apart strings of the same length that share all but one character', () => {
    const base = 'x'.repeat(300);
    const text = `${base}y${base}`;
    const hashes = new PrefixHashes(text);
    expect(hashes.equals(0, hashOf(`${base}y`))).toBe(true);
    expect(hashes.equals(0, hashOf(`${base}z`))).toBe(false);
    expect(hashes.equals(1, hashOf(`${base}y`))).toBe(false);
    expect(hashes.equals(301, hashOf(base))).toBe(true);
    expect(hashes.equals(302, hashOf(base))).toBe(false);
  });
});
