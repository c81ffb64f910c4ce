import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib';
import { CODE_TABLES, explainError, normalizeCode } from '../../../lib/vendors/codes';

const rows = CODE_TABLES.flatMap((table) => table.rows.map((row, i) => ({ table, row, i })));

describe('code tables (lib/vendors/codes)', () => {
  it.each(CODE_TABLES.map((t) => [t.name, t] as const))('%s cites its source', (_name, t) => {
    expect(t.source).toMatch(/^https:\/\/\S+$/);
    expect(t.families.length).toBeGreaterThan(0);
  });

  it.each(rows.map((r) => [`${r.table.name} #${r.i} ${r.row.codes[0]}`, r] as const))('%s', (_name, { table, row }) => {
    expect(row.codes.length).toBeGreaterThan(0);
    expect([...CAUSE_IDS, 'auth.unauthenticated']).toContain(row.cause);
    expect(row.cause).not.toBe('unknown');
    expect(row.fixes.length).toBeGreaterThan(0);
    if (row.message) return; // a refinement: the plain row after it takes the other messages
    // Every code of a plain row reaches this row: no earlier row of any table shadows it.
    // Every code of a plain row reaches this row in one of its families: no earlier row shadows it.
    for (const code of row.codes) {
      const hits = table.families.map(
        (family) => explainError({ family, code, at: '/test' }, hostFor(table.host))?.row,
      );
      expect(hits, `${code} (${normalizeCode(code)})`).toContain(row);
    }
  });
});

function hostFor(re: RegExp | undefined): string {
  if (!re) return '';
  for (const h of [
    'api.cloudflare.com',
    'api-1234.duosecurity.com',
    '95tnuaos.api.lncldapi.com',
    'graph.facebook.com',
    'api.zoom.us',
    'production.plaid.com',
    'api.binance.com',
    'api.appstoreconnect.apple.com',
  ])
    if (re.test(h)) return h;
  return '';
}
