import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyShelf } from '../../../panel/store/body-shelf';
import { createPanelStore } from '../../../panel/store/panel-store';
import { visibleRows, type Filter } from '../../../panel/store/rows';
import { makeEntry } from '../../support/har';

// The store updates its slices incrementally (append, replace in place, narrow the search):
// whatever happens, they must equal what a full pass over the rows would give.
const entryOf = (kind: number, i: number) => {
  if (kind === 0) return makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: '{}' }, i);
  if (kind === 1) return makeEntry({ url: `https://api.example.com/items/${i}`, status: 403, body: '{}' }, i);
  // A request whose preflight may come later and make it a CORS refusal.
  return makeEntry(
    {
      method: 'DELETE',
      url: 'http://127.0.0.1:8134/api/x',
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: { Referer: 'http://127.0.0.1:8133/' },
    },
    i,
  );
};
const preflight = (i: number) =>
  makeEntry(
    {
      method: 'OPTIONS',
      url: 'http://127.0.0.1:8134/api/x',
      status: 405,
      requestHeaders: { Origin: 'http://127.0.0.1:8133', 'Access-Control-Request-Method': 'DELETE' },
      initiator: { type: 'preflight', url: 'http://127.0.0.1:8134/api/x' },
    },
    i,
  );

const op = fc.oneof(
  fc.record({ add: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ filter: fc.constantFrom<Filter>('flagged', 'all', 'cors') }),
  fc.record({ search: fc.constantFrom('', '4', '40', '403', 'items', 'items/1', 'ok 200', 'x') }),
  fc.record({ body: fc.nat() }),
  fc.record({ clear: fc.constant(true) }),
);

describe('store slices', () => {
  it('always equal a full pass over the rows', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const store = createPanelStore();
        let n = 0;
        for (const o of ops) {
          const s = store.getState();
          if ('add' in o) s.addEntries(o.add.map((k) => (k === 3 ? preflight(n++) : entryOf(k, n++))));
          else if ('filter' in o) s.setFilter(o.filter);
          else if ('search' in o) s.setSearch(o.search);
          else if ('body' in o && s.rows.length > 0) s.setBody(o.body % s.rows.length, '{"error":"denied"}', undefined);
          else if ('clear' in o) s.clear();
          const t = store.getState();
          expect(t.rows.map((r) => r.index)).toEqual(t.rows.map((_, i) => i));
          expect(t.visible).toEqual(visibleRows(t.rows, t.filter, t.search));
          expect(t.flagged).toEqual(t.rows.filter((r) => r.flagged));
          expect(t.flaggedCount).toBe(t.flagged.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('body shelf', () => {
  it('lets the oldest bodies go past the budget, never the one just read', () => {
    const shelf = new BodyShelf(100);
    expect(shelf.hold(0, 40)).toEqual([]);
    expect(shelf.hold(1, 40)).toEqual([]);
    expect(shelf.hold(2, 40)).toEqual([0]);
    expect(shelf.hold(3, 500)).toEqual([1, 2]);
    expect(shelf.heldLength).toBe(500);
    expect(shelf.state(3)).toEqual({ kind: 'held' });
    shelf.shed(0);
    expect(shelf.state(0)).toEqual({ kind: 'away' });
    expect(shelf.markGone(0, 'no longer in DevTools')).toBe(true);
    expect(shelf.state(0)).toEqual({ kind: 'gone', why: 'no longer in DevTools' });
    expect(shelf.state(9)).toEqual({ kind: 'none' });
  });
});
