// The sweep of one literal (lib/redact/sweep.ts): every known secret and every secret-shaped span
// is replaced, overlapping ones as one span, and every other character stays where it was.
import { describe, expect, it } from 'vitest';
import { displayText, sealText, sweep, sweepString, Vault, type Text } from '../../../lib/redact';

const known = (...secrets: [value: string, base: string][]) => {
  const v = new Vault();
  for (const [value, base] of secrets) v.secret(value, { base, kind: 'body', where: 'test' });
  return v;
};
const refill = (t: Text, v: Vault) => t.map((p) => (typeof p === 'string' ? p : v.valueOf(p.ref)!)).join('');

describe('sweepString', () => {
  // Long forms are compared by their first 64 characters, then by hash (lib/redact/rolling.ts).
  describe('a long secret (past 64 characters)', () => {
    const long = 'lt-' + Array.from({ length: 40 }, (_, i) => `${i}Qz`).join('') + '-end';

    it('is found wherever it is whole, at the very end of the text too', () => {
      const v = known([long, 'LONG']);
      expect(displayText(sweepString(`a ${long} b ${long}`, v, 'x'))).toBe('a ${WHY403_LONG} b ${WHY403_LONG}');
    });

    it('is not found where only its start, or all but its last character, is', () => {
      const v = known([long, 'LONG']);
      const nearMiss = long.slice(0, -1) + 'X';
      for (const s of [`${long.slice(0, 70)}…`, nearMiss, long.slice(0, -1)])
        expect(sweepString(s, v, 'x')).toEqual([s]);
    });

    it('repeated with overlaps (a crafted run of its own start) is hidden whole, each character once', () => {
      const unit = 'a=';
      const secret = unit.repeat(60);
      const v = known([secret, 'RUN']);
      const s = `x ${unit.repeat(500)} y`;
      const t = sweepString(s, v, 'x');
      expect(t.filter((p) => typeof p === 'string')).toEqual(['x ', ' y']);
      expect(refill(t, v)).toBe(s);
    });
  });

  it('a named secret of the shortest hunted length, alone or in text', () => {
    const v = known(['4829', 'PIN']);
    expect(displayText(sweepString('4829', v, 'x'))).toBe('${WHY403_PIN}');
    expect(displayText(sweepString('pin 4829.', v, 'x'))).toBe('pin ${WHY403_PIN}.');
    expect(sweepString('482', v, 'x')).toEqual(['482']);
  });

  it('text around the secrets stays byte for byte, and nothing is emptied into a piece', () => {
    const v = known(['Kx-8812-secret', 'KEY']);
    const s = 'Kx-8812-secret, then Kx-8812-secret';
    const t = sweepString(s, v, 'x');
    expect(t).toEqual([{ ref: 'WHY403_KEY' }, ', then ', { ref: 'WHY403_KEY' }]);
    expect(refill(t, v)).toBe(s);
  });

  it('a known value straddling a secret-shaped one hides both whole, however they overlap', () => {
    const key = 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ';
    // Known value ends inside the key; the key runs on past it.
    const v = known(['ref.9981.sk_live_51HqL', 'REF']);
    const s = `[ref.9981.${key}] ok`;
    const t = sweepString(s, v, 'x');
    expect(t.filter((p) => typeof p === 'string').join('')).toBe('[] ok');
    expect(refill(t, v)).toBe(s);
    // A short known value at the start of a longer key: one span, named as the key it is.
    const w = known(['sk_live_51HqLyj', 'PART']);
    const u = sweepString(`${key}!`, w, 'x');
    expect(u).toEqual([{ ref: 'WHY403_STRIPE_KEY' }, '!']);
    expect(w.valueOf('WHY403_STRIPE_KEY')).toBe(key);
  });

  it('hits chained by overlaps are one span', () => {
    // A known value overlaps the key's start, another its end.
    const v = known(['ab12.sk_live', 'A'], ['XYZ.cd34', 'C']);
    const s = '<ab12.sk_live_51HqLyjWDarjtT1zdp7dcXYZ.cd34>';
    const t = sweepString(s, v, 'x');
    expect(t).toHaveLength(3);
    expect([t[0], t[2]]).toEqual(['<', '>']);
    expect(refill(t, v)).toBe(s);
  });

  it('two known values sharing characters in the text: neither keeps a tail in the clear', () => {
    // The password ends where the key begins ("7781"); the finder once skipped the key.
    const v = known(['pw-Alpha-7781', 'PW'], ['7781-Beta-key', 'KEY']);
    const s = 'x pw-Alpha-7781-Beta-key y';
    const t = sweepString(s, v, 'x');
    expect(t.filter((p) => typeof p === 'string')).toEqual(['x ', ' y']);
    expect(refill(t, v)).toBe(s);
    // Three in a chain, each overlapping the next.
    const w = known(['aaaa-1111-bbbb', 'A'], ['bbbb-2222-cccc', 'B'], ['cccc-3333-dddd', 'C']);
    expect(sweepString('<aaaa-1111-bbbb-2222-cccc-3333-dddd>', w, 'x').filter((p) => typeof p === 'string')).toEqual([
      '<',
      '>',
    ]);
  });

  it('two secrets side by side stay two placeholders', () => {
    const v = known(['Kx-8812-secret', 'KEY'], ['pw-Alpha-7781', 'PW']);
    expect(sweepString('Kx-8812-secretpw-Alpha-7781', v, 'x')).toEqual([{ ref: 'WHY403_KEY' }, { ref: 'WHY403_PW' }]);
  });

  it('sweep leaves references as they are and sweeps every literal', () => {
    const v = known(['Kx-8812-secret', 'KEY']);
    expect(displayText(sweep(['a Kx-8812-secret ', { ref: 'WHY403_OTHER' }, ' Kx-8812-secret'], v, 'x'))).toBe(
      'a ${WHY403_KEY} ${WHY403_OTHER} ${WHY403_KEY}',
    );
  });
});

describe('sealText', () => {
  it('overlapping known values are sealed as one span; apart, each under its own name', () => {
    const v = known(['pw-Alpha-7781', 'PW'], ['7781-Beta-key', 'KEY']);
    const sealed = sealText('x pw-Alpha-7781-Beta-key y; pw-Alpha-7781 and 7781-Beta-key', v);
    expect(sealed).toMatch(/^x \$\{WHY403_\w+\} y; \$\{WHY403_PW\} and \$\{WHY403_KEY\}$/);
    const name = /^x \$\{(\w+)\}/.exec(sealed)![1]!;
    expect(v.valueOf(name)).toBe('pw-Alpha-7781-Beta-key');
  });

  it('an encoded echo is sealed under the name of the value it encodes', () => {
    const v = known(['p@ss w0rd!', 'PW']);
    expect(sealText('next=%2Flogin%3Fpw%3Dp%2540ss%2520w0rd!&pw=p%40ss%20w0rd!', v)).toBe(
      'next=%2Flogin%3Fpw%3D${WHY403_PW}&pw=${WHY403_PW}',
    );
  });

  it('a revealed value stays as written', () => {
    const v = new Vault(new Set(['WHY403_PW']));
    v.secret('pw-Alpha-7781', { base: 'PW', kind: 'body', where: 'test' });
    v.secret('Kx-8812-secret', { base: 'KEY', kind: 'body', where: 'test' });
    expect(sealText('a pw-Alpha-7781 b Kx-8812-secret c', v)).toBe('a pw-Alpha-7781 b ${WHY403_KEY} c');
  });
});
