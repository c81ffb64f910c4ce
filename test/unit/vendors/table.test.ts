import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib';
import { SIGNATURES } from '../../../lib/vendors';
import { normalizeBody } from '../../../lib/vendors/normalize';
import type { Signature } from '../../../lib/vendors/types';

function bodies(s: Signature): RegExp[] {
  if (!s.body) return [];
  return Array.isArray(s.body) ? [...(s.body as readonly RegExp[])] : [s.body as RegExp];
}

describe('signature table', () => {
  it('has unique ids', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(SIGNATURES.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => {
    expect(CAUSE_IDS).toContain(s.cause);
    expect(s.cause).not.toBe('unknown');
    expect(s.confidence).toBeGreaterThan(0.3);
    expect(s.confidence).toBeLessThanOrEqual(0.95);
    expect(s.title.length).toBeGreaterThan(10);
    expect(s.summary.length).toBeGreaterThan(20);
    expect(s.fixes.length).toBeGreaterThan(0);
    expect(s.source).toMatch(/^https:\/\/\S+$/);
    // Host and status alone only for a host-limited row with listed statuses (a documented single meaning).
    expect(s.body || s.header || s.anyHeader || (s.host && s.status?.length), 'matches on something').toBeTruthy();
    // A flagging signature without statuses would flag every page quoting its wording.
    if (s.flags) expect(s.status?.length).toBeGreaterThan(0);
    for (const re of bodies(s)) expect(re.flags).not.toMatch(/[gy]/);
  });

  it('lists shared wording after every vendor row', () => {
    const firstGeneric = SIGNATURES.findIndex((s) => s.generic);
    expect(firstGeneric).toBeGreaterThan(0);
    expect(SIGNATURES.slice(firstGeneric).every((s) => s.generic)).toBe(true);
  });

  it('has signatures for the causes vendors express in bodies and headers', () => {
    const covered = new Set(SIGNATURES.map((s) => s.cause));
    const expected = CAUSE_IDS.filter(
      // The browser and the client's own timing are not in any vendor's body or headers.
      (id) =>
        !id.startsWith('cors.') &&
        !id.startsWith('browser.') &&
        !id.startsWith('client.') &&
        id !== 'unknown' &&
        id !== 'auth.cookie_not_sent',
    );
    expect(expected.filter((id) => !covered.has(id))).toEqual([]);
  });
});

// Speed on hostile bodies is measured, not asserted: bench/regex-audit.ts runs every pattern of
// lib/ on pathological inputs and bench/pathological.ts times each entry point (npm run bench).

describe('normalizeBody', () => {
  it('decodes HTML entities, JSON escapes and typographic apostrophes', () => {
    expect(normalizeBody('You don&#39;t have &quot;x&quot; &#x27;y&#x27; &amp;')).toBe("You don't have \"x\" 'y' &");
    expect(normalizeBody('Can\\u0027t verify\\nCSRF \\"token\\" \\/path')).toBe('Can\'t verify CSRF "token" /path');
    expect(normalizeBody('You don’t have')).toBe("You don't have");
  });

  it('turns each JSON whitespace escape into a space and keeps an escaped backslash, quote or slash', () => {
    // A message split by \r\n or indented by \t in a JSON string still matches a one-line pattern.
    expect(normalizeBody('Invalid\\r\\ntoken')).toBe('Invalid  token');
    expect(normalizeBody('a\\rb\\tc\\nd')).toBe('a b c d');
    expect(normalizeBody('\\\\ \\" \\/')).toBe('\\ " /');
  });

  it('leaves what it cannot decode and never throws', () => {
    expect(normalizeBody('&#99999999; &bogus; &#0; \\uZZZZ \\')).toBe('&#99999999; &bogus; &#0; \\uZZZZ \\');
    expect(normalizeBody('&#xD800;')).toBe('&#xD800;');
  });
});
