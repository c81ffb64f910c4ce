import { describe, expect, it } from 'vitest';
import { displayText, joinText, plainOf, refsOf, type Text } from '../../../lib/redact';

// Every artefact that leaves the panel is a Text: literals and references to secrets. The export
// lists the secrets a command needs from refsOf, so it must name each one once, first use first,
// and never count a literal as one.
describe('text with holes', () => {
  const a = { ref: 'WHY403_A' };
  const b = { ref: 'WHY403_B' };

  it('names each reference once, in order of first use, and no literal', () => {
    const t: Text = ['Bearer ', b, '; sid=', a, ' WHY403_C ', b, a];
    expect(refsOf(t)).toEqual(['WHY403_B', 'WHY403_A']);
    expect(refsOf(['no secrets here'])).toEqual([]);
    expect(refsOf([])).toEqual([]);
  });

  it('gives the literal only when nothing is held back', () => {
    expect(plainOf(['a', 'b'])).toBe('ab');
    expect(plainOf(['a', a])).toBeNull();
  });

  it('joins neighbouring literals, drops empty ones, and keeps references where they stand', () => {
    expect(joinText('x', '', ['y', a], 'z', [], b)).toEqual(['xy', a, 'z', b]);
    // No empty literal anywhere: first, between references, last.
    expect(joinText('', a, '', ['', b], '')).toEqual([a, b]);
    expect(joinText('')).toEqual([]);
    expect(displayText(joinText('k=', a))).toBe('k=${WHY403_A}');
  });
});
