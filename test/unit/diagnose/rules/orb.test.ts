// ORB: Chromium (156, via Playwright's recordHar in the lab) withheld a nosniff JSON response loaded by an <img>.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';

const har = JSON.parse(readFileSync('test/fixtures/lab/nginx/orb-json-img.har', 'utf8')) as Har;

describe('net::ERR_BLOCKED_BY_ORB', () => {
  it('is flagged as a browser block with ORB as the reason', () => {
    const d = diagnose(har, { all: true }).find((e) => e.index === 1)!;
    expect(d.flagged).toBe(true);
    expect(d.causes[0]?.id).toBe('browser.corp_blocked');
    expect(d.causes[0]?.title).toMatch(/Opaque Response Blocking/);
    expect(d.causes[0]?.evidence.map((e) => e.detail).join('\n')).toMatch(/ERR_BLOCKED_BY_ORB/);
  });

  it('a request an extension blocked (ERR_BLOCKED_BY_CLIENT) stays unflagged', () => {
    const entries = har.log.entries.map((e, i) =>
      i === 1 ? { ...e, response: { ...e.response, _failureText: 'net::ERR_BLOCKED_BY_CLIENT' } } : e,
    );
    const d = diagnose({ log: { ...har.log, entries } }, { all: true }).find((e) => e.index === 1)!;
    expect(d.flagged).toBe(false);
  });
});
