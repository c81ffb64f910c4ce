// Names from a capture are untrusted keys: `constructor`, `__proto__` and friends must be read
// as the names they are, never find Object.prototype's members (issue 16: a header named
// `constructor` printed `function Object() { [native code] }` in a report comparison).
import { describe, expect, it } from 'vitest';
import { diagnose, LogIndex, toExchange } from '../../../lib';
import { compareRequests } from '../../../lib/compare';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { makeEntry, makeHar } from '../../support/har';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const url = 'https://api.example.com/v1/items';
// Computed keys: a literal `__proto__:` would set the object's prototype instead of a header.
const hostile = Object.fromEntries(NAMES.map((n) => [n, `v-${n}`]));

describe('headers named like Object.prototype members', () => {
  it('compare as headers added on the failing side, by their own values', () => {
    const ok = toExchange(makeEntry({ url, status: 200 }, 0), 0);
    const bad = toExchange(makeEntry({ url, status: 403, requestHeaders: hostile }, 1), 1);
    const c = compareRequests(bad, ok);
    const items = c.items.filter((i) => NAMES.includes(i.name));
    expect(items.map((i) => [i.name, i.area, i.change, i.failing, i.success])).toEqual(
      NAMES.map((n) => [n, 'header', 'added', `v-${n}`, null]),
    );
  });

  it('never print a native function in any report format', () => {
    const har = makeHar([
      { url, status: 200, requestHeaders: { Accept: 'a' } },
      { url, status: 403, requestHeaders: { ...hostile, Accept: 'a' } },
    ]);
    const log = new LogIndex(har);
    const report = buildReport(log, diagnose(har), { redact: false, source: 'h.har' });
    for (const f of REPORT_FORMATS) {
      const out = renderReport(report, f);
      expect(out).toContain('v-constructor');
      expect(out).not.toMatch(/native code|function Object|\[object Object\]/);
    }
  });
});
