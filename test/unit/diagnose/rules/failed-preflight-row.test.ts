// What the preflight's own row says (lib/diagnose/rules/cors/failed-preflight.ts) when its answer fails
// the browser's CORS-preflight check (https://fetch.spec.whatwg.org/#cors-preflight-fetch: an ok status,
// 200 to 299, an Access-Control-Allow-Origin matching the origin, the method and headers it asked for
// allowed). The evidence's where and name label each line in the reports (lib/report/markdown.ts), so
// they are stated with the detail. Entries are shaped as Chrome records them (test/unit/cors/helpers.ts).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { RuleContext } from '../../../../lib/core/context';
import { LogIndex } from '../../../../lib/core/log-index';
import { failedPreflightRule } from '../../../../lib/diagnose/rules/cors/failed-preflight';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, preflight } from '../../cors/helpers';

/** The preflight's (first entry's) own cause, from the whole engine. */
const rowOf = (entries: EntrySpec[]) => {
  const d = diagnose(makeHar(entries), { all: true }).find((x) => x.index === 0);
  const c = d?.causes.find((k) => k.id.startsWith('cors.'));
  if (!c) throw new Error('no CORS cause on the preflight');
  return c;
};
const lines = (c: ReturnType<typeof rowOf>) => c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);

describe("a failed preflight's own row", () => {
  it('an origin refused on a 204: the status said to look successful, the origin pair quoted, the call named; what it asked is not the point', () => {
    const c = rowOf([
      preflight('PUT', 'x-api-key', 204, { 'Access-Control-Allow-Origin': 'https://other.example' }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'X-Api-Key': 'k' } }),
    ]);
    expect(c.id).toBe('cors.allow_origin_mismatch');
    expect(lines(c)).toEqual([
      'response.status - | 204: the preflight itself looks successful',
      'response.header access-control-allow-origin | Access-Control-Allow-Origin: https://other.example',
      `request.header origin | Origin: ${PAGE}`,
      `browser - | ${c.evidence.find((e) => e.where === 'browser')!.detail}`,
      `log blocked call | entry 1: PUT ${API} → net::ERR_FAILED`,
    ]);
    expect(c.evidence.find((e) => e.where === 'browser')!.detail).toMatch(/not equal to the supplied origin/);
    expect(c.title).toMatch(/^The preflight answered 204, and the browser refused it: /);
    expect(c.summary).toBe(
      "A 2xx status is not enough: the preflight response must also allow the page's origin, the method and the headers asked for. " +
        'This one did not, so the browser stopped here and blocked the request behind it.',
    );
    expect(c.fixes).toEqual([
      'Answer the OPTIONS request with a 2xx and Access-Control-Allow-Origin (and Access-Control-Allow-Methods / -Headers), ' +
        'not only the actual request; many configs add CORS headers after an early `return 204`, or route OPTIONS to a 404/405.',
    ]);
  });

  it('a method not allowed: what it asked and what it was told, absent headers said absent, and the method to add', () => {
    const c = rowOf([
      preflight('PUT', 'x-api-key', 200, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Methods': 'GET',
      }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'X-Api-Key': 'k' } }),
    ]);
    expect(c.id).toBe('cors.method_not_allowed');
    expect(lines(c).slice(0, 7)).toEqual([
      'response.status - | 200: the preflight itself looks successful',
      `response.header access-control-allow-origin | Access-Control-Allow-Origin: ${PAGE}`,
      `request.header origin | Origin: ${PAGE}`,
      'request.header access-control-request-method | access-control-request-method: PUT',
      'response.header access-control-allow-methods | access-control-allow-methods: GET',
      'request.header access-control-request-headers | access-control-request-headers: x-api-key',
      'response.header access-control-allow-headers | no access-control-allow-headers on the preflight response',
    ]);
    expect(c.fixes).toEqual([
      'Add what the browser asked for to the OPTIONS response: Access-Control-Allow-Methods with PUT.',
    ]);
  });

  it('a header not allowed on a 299 (still 2xx): the headers to add, and no request-headers line when none was asked', () => {
    const c = rowOf([
      preflight('PUT', 'x-api-key,x-trace', 299, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'content-type',
      }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { 'X-Api-Key': 'k', 'X-Trace': '1' } }),
    ]);
    expect(c.id).toBe('cors.header_not_allowed');
    expect(lines(c)[0]).toBe('response.status - | 299: the preflight itself looks successful');
    expect(lines(c)).toContain(
      'response.header access-control-allow-headers | access-control-allow-headers: content-type',
    );
    expect(c.fixes).toEqual([
      'Add what the browser asked for to the OPTIONS response: Access-Control-Allow-Headers with x-api-key, x-trace.',
    ]);
    const noHeaders = rowOf([
      preflight('PUT', null, 204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET' }),
    ]);
    expect(noHeaders.evidence.map((e) => e.name)).not.toContain('access-control-request-headers');
  });

  it('a 404 without Access-Control-Allow-Origin: its status line as sent, no "looks successful", and no call named when none followed', () => {
    const c = rowOf([preflight('DELETE', null, 404, {}, { statusText: 'Not Found' })]);
    expect(c.id).toBe('cors.missing_allow_origin');
    expect(lines(c).slice(0, 3)).toEqual([
      'response.status - | 404 Not Found',
      'response.header access-control-allow-origin | no Access-Control-Allow-Origin on the preflight response',
      `request.header origin | Origin: ${PAGE}`,
    ]);
    expect(c.evidence.map((e) => e.where)).not.toContain('log');
    expect(c.summary).toMatch(
      /^A preflight must be answered with a 2xx status that allows the page's origin, the method and the headers asked for\. /,
    );
  });

  it('an entry that is not a failed preflight gets nothing from this rule', () => {
    const log = new LogIndex(
      makeHar([
        preflight('PUT', null, 204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' }),
      ]),
    );
    expect(failedPreflightRule.run(new RuleContext(log.exchanges[0]!, log))).toEqual([]);
    const call = new LogIndex(makeHar([{ url: API, status: 403, requestHeaders: { Origin: PAGE } }]));
    expect(failedPreflightRule.run(new RuleContext(call.exchanges[0]!, call))).toEqual([]);
  });
});
