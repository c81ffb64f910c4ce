// The band a confidence is shown in (docs/causes.md, "Confidence and ranking"): each band starts at its
// floor, inclusive, so a reading exactly on a floor is shown in that band.
import { describe, expect, it } from 'vitest';
import { BANDS, levelOf } from '../../../lib/core/confidence';

describe('levelOf', () => {
  it.each([
    [BANDS.certain, 'certain'],
    [BANDS.certain - 0.001, 'likely'],
    [BANDS.likely, 'likely'],
    [BANDS.likely - 0.001, 'possible'],
    [BANDS.possible, 'possible'],
    [BANDS.possible - 0.001, 'weak'],
    [0, 'weak'],
    [0.99, 'certain'],
  ])('%s is %s', (c, level) => {
    expect(levelOf(c)).toBe(level);
  });
});
