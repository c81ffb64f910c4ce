import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import type { Exchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

// The index answers lastSuccessFor and preflightFor by binary search over time-ordered lists
// (issue 19: constant-ish per entry however long the session). These oracles are the plain
// scans it replaced; on any log, in any arrival order, the answers must be the same.
const before = (y: Exchange, x: Exchange) =>
  y.startedAt !== null && x.startedAt !== null && y.startedAt !== x.startedAt
    ? y.startedAt < x.startedAt
    : y.index < x.index;

function lastSuccessOracle(log: LogIndex, x: Exchange): Exchange | null {
  let found: Exchange | null = null;
  for (const y of log.exchanges) {
    if (
      y.isPreflight ||
      y.index === x.index ||
      y.method !== x.method ||
      y.rawUrl.split('?')[0] !== x.rawUrl.split('?')[0]
    )
      continue;
    if (y.status < 200 || y.status >= 300 || y.netError || !before(y, x)) continue;
    if (found === null || before(found, y)) found = y;
  }
  return found;
}

function preflightOracle(log: LogIndex, x: Exchange): Exchange | null {
  if (x.isPreflight) return null;
  let best: Exchange | null = null;
  let bestGap = Infinity;
  for (const p of log.exchanges) {
    if (!p.isPreflight || p.rawUrl !== x.rawUrl) continue;
    const asked = p.req.get('access-control-request-method')?.toUpperCase();
    if (asked && asked !== x.method) continue;
    const gap =
      p.startedAt !== null && x.startedAt !== null ? Math.abs(p.startedAt - x.startedAt) : Math.abs(p.index - x.index);
    if (gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best && bestGap <= 60_000 ? best : null;
}

const call = fc.record({
  kind: fc.constantFrom('call', 'preflight'),
  method: fc.constantFrom('GET', 'DELETE'),
  path: fc.constantFrom('/a', '/b'),
  status: fc.constantFrom(200, 204, 403, 0),
  // Coarse times make ties; some entries have no start time at all.
  at: fc.option(
    fc.integer({ min: 0, max: 20 }).map((n) => n * 10_000),
    { nil: null },
  ),
});

describe('LogIndex lookups by index', () => {
  it('answer as the whole-log scans do', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 40 }), fc.boolean(), (calls, allTimed) => {
        const log = new LogIndex();
        calls.forEach((c, i) => {
          const url = `https://api.example.com${c.path}`;
          const entry =
            c.kind === 'preflight'
              ? makeEntry(
                  {
                    method: 'OPTIONS',
                    url,
                    status: c.status || 204,
                    requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': c.method },
                    initiator: { type: 'preflight', url },
                  },
                  i,
                )
              : makeEntry({ method: c.method, url, status: c.status }, i);
          const at = allTimed ? (c.at ?? 0) : c.at;
          entry.startedDateTime = at === null ? '' : new Date(Date.UTC(2026, 0, 1) + at).toISOString();
          log.add(entry, i);
        });
        for (const x of log.exchanges) {
          expect(log.lastSuccessFor(x)?.index ?? null).toBe(lastSuccessOracle(log, x)?.index ?? null);
          expect(log.preflightFor(x)?.index ?? null).toBe(preflightOracle(log, x)?.index ?? null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
