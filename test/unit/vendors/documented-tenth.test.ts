import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { makeHar } from '../../support/har';
import { DOCUMENTED_TENTH } from '../../fixtures/documented/vendors10';
import type { DocumentedRow } from '../../fixtures/documented/vendors9';

// The tenth vendor pass's documented refusals and look-alikes (test/fixtures/documented/vendors10.ts), scored as a
// set: the first cause of each refusal against its hand label, every look-alike unflagged. The floor is the count
// read right when the pass ended (68 before its engine changes; test/fixtures/realworld/MISSES.md).
const FLOOR = 99;

function verdict(row: DocumentedRow): string {
  const ds = diagnose(makeHar([...(row.before ?? []), row.e]), { all: true });
  const d = ds[ds.length - 1]!;
  return d.flagged ? (d.causes[0]?.id ?? 'none') : 'UNFLAGGED';
}

const refusals = DOCUMENTED_TENTH.filter((r) => r.want !== 'UNFLAGGED');
const lookAlikes = DOCUMENTED_TENTH.filter((r) => r.want === 'UNFLAGGED');

describe('documented refusals, tenth vendor pass', () => {
  it('every row cites its source and has a unique name', () => {
    expect(new Set(DOCUMENTED_TENTH.map((r) => r.name)).size).toBe(DOCUMENTED_TENTH.length);
    for (const r of DOCUMENTED_TENTH) expect(r.src, r.name).toMatch(/https:\/\/\S+/);
  });

  it(`reads at least ${FLOOR} refusals as labelled`, () => {
    const missed = refusals
      .map((r) => ({ r, got: verdict(r) }))
      .filter(({ r, got }) => ![r.want, ...(r.alt ?? [])].includes(got))
      .map(({ r, got }) => `${r.name}: want ${r.want}, got ${got}`);
    console.log(`documented (tenth pass): ${refusals.length - missed.length}/${refusals.length} refusals right`);
    expect(refusals.length - missed.length, missed.join('\n')).toBeGreaterThanOrEqual(FLOOR);
  });

  it('flags none of the look-alikes', () => {
    const flagged = lookAlikes.filter((r) => verdict(r) !== 'UNFLAGGED').map((r) => r.name);
    expect(flagged).toEqual([]);
  });
});
