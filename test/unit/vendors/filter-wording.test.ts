// A filtering proxy or firewall that says what it did, often only in the status text (issue 17's
// lab: tinyproxy's Filter answers `403 Filtered` with no body). Wordings as documented:
// - tinyproxy, FilterDefaultDeny / Filter: https://tinyproxy.github.io/ (reason phrase "Filtered");
// - Privoxy's block page: "Request blocked by Privoxy" (https://www.privoxy.org/user-manual/templates.html);
// - appliance block pages titled "Web Page Blocked" (FortiGuard web filtering).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../lib';
import { explainMessage } from '../../../lib/vendors/codes';

const causeOf = (message: string) =>
  explainMessage({ family: 'message', code: '', at: '/message', message })?.row.cause;

describe('filter and firewall wording', () => {
  it.each([
    'Filtered',
    'Request blocked by Privoxy',
    'Web Page Blocked!',
    'Blocked by the content filter',
    'Denied by firewall policy',
  ])('"%s" reads waf.blocked', (text) => {
    expect(causeOf(text)).toBe('waf.blocked');
  });

  it.each([
    'Your account has been blocked',
    'Access denied for user on this project',
    'Your IP address has been blocked',
  ])('"%s" is not a filter on the way', (text) => {
    expect(causeOf(text)).not.toBe('waf.blocked');
  });

  it("the lab's tinyproxy 403 Filtered, with no body: waf.blocked first, quoting the status text", () => {
    const har = JSON.parse(readFileSync('test/fixtures/lab/tinyproxy-filter/filtered.har', 'utf8')) as Har;
    const c = diagnose(har, { all: true })[0]!.causes;
    expect(c[0]?.id).toBe('waf.blocked');
    expect(c[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/Filtered/);
  });
});
