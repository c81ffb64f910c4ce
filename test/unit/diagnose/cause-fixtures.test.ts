import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, diagnose } from '../../../lib';
import { loadFixtures, type CauseFixture, type NegativeFixture } from '../../support/fixtures';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const positives = loadFixtures<CauseFixture>(join(root, 'causes'));
const negatives = loadFixtures<NegativeFixture>(join(root, 'negative'));

describe('cause fixtures (documented real responses)', () => {
  it.each(positives.map((p) => [p.file, p] as const))('%s', (_file, { fixture, har }) => {
    expect(fixture.source, 'every fixture cites its source').toMatch(/^https?:\/\//);
    const target = fixture.target ?? fixture.entries.length - 1;
    const d = diagnose(har, { all: true })[target];
    expect(d?.flagged, 'the target entry is flagged').toBe(true);
    const ids = d!.causes.map((c) => c.id);
    expect(ids[0], `causes: ${ids.join(', ')}`).toBe(fixture.expect.top);
    for (const id of fixture.expect.also ?? []) expect(ids).toContain(id);
    for (const id of fixture.expect.not ?? []) expect(ids).not.toContain(id);
    for (const c of d!.causes) {
      expect(c.evidence.length, `${c.id} quotes evidence`).toBeGreaterThan(0);
      expect(c.fixes.length, `${c.id} offers fixes`).toBeGreaterThan(0);
    }
  });
});

describe('negative fixtures (must not be flagged)', () => {
  it.each(negatives.map((n) => [n.file, n] as const))('%s', (_file, { fixture, har }) => {
    expect(fixture.source).toMatch(/^https?:\/\//);
    expect(diagnose(har).map((d) => `${d.index} ${d.method} ${d.url} ${d.status} ${d.causes[0]?.id}`)).toEqual([]);
  });
});

describe('coverage of the taxonomy', () => {
  it('has at least one fixture per cause id', () => {
    const covered = new Set(positives.map((p) => p.fixture.expect.top));
    // Companion causes stand beside the refusal's own cause, never first by design.
    for (const p of positives)
      for (const id of p.fixture.expect.also ?? []) if (id === 'client.retry_storm') covered.add(id);
    const missing = CAUSE_IDS.filter((id) => id !== 'unknown' && !covered.has(id));
    expect(missing).toEqual([]);
  });
});
