// Times from a capture through the one guarded helper (lib/core/dates.ts): a JWT with
// `exp: 1e13` (issue 16) must not throw RangeError anywhere it is shown, the panel's token view
// included, and reads as "invalid date".
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diagnose, LogIndex, toExchange } from '../../../lib';
import { claimsDiff } from '../../../lib/compare/claims';
import { showSeconds, showTime } from '../../../lib/core/dates';
import { violationEntry } from '../../../lib/inspect/csp-violation';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { TokenView } from '../../../components/detail/TokenView';
import { makeEntry, makeHar } from '../../support/har';
import { makeJwt } from '../inspect/support';

const ABSURD = [1e13, -1e13, 8.64e12 + 1, 1e300, Infinity, NaN];

describe('showTime and showSeconds', () => {
  it('ISO 8601 for a representable time, "invalid date" otherwise, never a throw', () => {
    expect(showSeconds(1_700_000_000)).toBe('2023-11-14T22:13:20Z');
    expect(showTime(1_700_000_000_123)).toBe('2023-11-14T22:13:20.123Z');
    expect(showSeconds(8.64e12)).toBe('+275760-09-13T00:00:00Z');
    for (const v of ABSURD) {
      expect(showSeconds(v)).toBe(`invalid date (${v} s)`);
      if (Math.abs(v) > 8.64e15 || !Number.isFinite(v)) expect(showTime(v)).toBe(`invalid date (${v} ms)`);
    }
  });
});

describe('a JWT with exp 1e13', () => {
  const token = makeJwt({ sub: 'u', exp: 1e13, iat: 1e13, nbf: -1e13 });
  const entry = (status: number, i: number) =>
    makeEntry({ url: 'https://api.example/x', status, requestHeaders: { Authorization: `Bearer ${token}` } }, i);

  it('the panel token view renders it as an invalid date', () => {
    const html = renderToStaticMarkup(<TokenView x={toExchange(entry(401, 0), 0)} />);
    expect(html).toContain('invalid date (10000000000000 s)');
    expect(html).toContain('invalid date (-10000000000000 s)');
  });

  it('diagnosis, the claims diff and every report format read it without throwing', () => {
    const other = makeJwt({ sub: 'u', exp: 1_700_000_000 });
    expect(claimsDiff(token, other)).toContain('exp: 2023-11-14T22:13:20Z (worked) → invalid date (10000000000000 s)');
    const har = makeHar([]);
    har.log.entries = [entry(200, 0), entry(401, 1)];
    const log = new LogIndex(har);
    const report = buildReport(log, diagnose(har), { redact: false, source: 'h.har' });
    for (const f of REPORT_FORMATS) expect(() => renderReport(report, f)).not.toThrow();
  });
});

describe('a CSP violation reported with an absurd time', () => {
  it('becomes an entry at the epoch instead of throwing', () => {
    const v = {
      directive: 'connect-src',
      blockedURL: 'https://x.example/',
      documentURL: 'https://a.example/',
      policy: "connect-src 'self'",
      disposition: 'enforce',
      sourceFile: '',
      line: 1,
      at: 1e300,
    };
    expect(violationEntry(v).startedDateTime).toBe('1970-01-01T00:00:00.000Z');
  });
});
