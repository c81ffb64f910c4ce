import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib';
import { SIGNATURES } from '../../../lib/vendors';
import { matchInput } from '../../../lib/vendors/match';
import { normalizeBody } from '../../../lib/vendors/normalize';
import type { Signature } from '../../../lib/vendors/types';
import { matchingSignatures } from '../../../lib/diagnose/rules/signatures';
import { readCredentials } from '../../../lib/inspect/credentials';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

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
    expect(s.body || s.header || s.anyHeader, 'matches on something').toBeTruthy();
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

// Every body regex against hostile 256 KB inputs: repeated fragments of its own words (the
// classic trigger for backtracking), whitespace runs, quotes and escapes.
const SIZE = 256 * 1024;
function repeatTo(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / Math.max(1, unit.length))).slice(0, SIZE);
}
const COMMON = [
  repeatTo('a'),
  repeatTo(' '),
  repeatTo('"'),
  repeatTo('{"message":"'),
  repeatTo('<title>'),
  repeatTo('\\u0027'),
  repeatTo('&#39;'),
  repeatTo('error code: 10'),
];

describe('no catastrophic backtracking', () => {
  it.each(SIGNATURES.map((s) => [s.id, s] as const))('%s stays linear on 256 KB', (_id, s) => {
    for (const re of bodies(s)) {
      const words = re.source.match(/[A-Za-z][A-Za-z_.'-]{2,}/g) ?? ['x'];
      const inputs = [...COMMON, repeatTo(`${words.join(' ')} `), repeatTo(`${words.join('  \n ')}\t`)];
      for (const text of inputs) {
        const t0 = performance.now();
        re.exec(text);
        expect(performance.now() - t0, `${re.source.slice(0, 60)}`).toBeLessThan(250);
      }
    }
  });

  it('normalises and matches the whole table on a hostile 256 KB body quickly', () => {
    const body = repeatTo(
      'Access denied &#39; \\u0027 \\n Missing API key Sorry, you have been blocked <center>nginx ',
    );
    const x = toExchange(makeEntry({ url: 'https://api.example.com/x', status: 403, body, mimeType: 'text/html' }), 0);
    const t0 = performance.now();
    matchingSignatures(matchInput(x, readCredentials(x)));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('normalizeBody', () => {
  it('decodes HTML entities, JSON escapes and typographic apostrophes', () => {
    expect(normalizeBody('You don&#39;t have &quot;x&quot; &#x27;y&#x27; &amp;')).toBe("You don't have \"x\" 'y' &");
    expect(normalizeBody('Can\\u0027t verify\\nCSRF \\"token\\" \\/path')).toBe('Can\'t verify CSRF "token" /path');
    expect(normalizeBody('You don’t have')).toBe("You don't have");
  });

  it('leaves what it cannot decode and never throws', () => {
    expect(normalizeBody('&#99999999; &bogus; &#0; \\uZZZZ \\')).toBe('&#99999999; &bogus; &#0; \\uZZZZ \\');
    expect(normalizeBody('&#xD800;')).toBe('&#xD800;');
  });
});
