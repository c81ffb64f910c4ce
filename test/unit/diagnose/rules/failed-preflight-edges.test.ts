// Which preflights are judged from their own answer (lib/diagnose/failed-preflight.ts), and which call a
// failed one is said to have blocked. The Fetch standard's CORS-preflight fetch
// (https://fetch.spec.whatwg.org/#cors-preflight-fetch): a browser preflights only a cross-origin
// request, always with Origin and Access-Control-Request-Method, never with credentials (so `*` counts);
// a preflight that got no response at all failed on the network, not on CORS. Entries are shaped as
// Chrome records them (test/unit/cors/helpers.ts).
import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../../lib/core/log-index';
import { failedPreflight, guardedCall } from '../../../../lib/diagnose/failed-preflight';
import { makeHar, type EntrySpec } from '../../../support/har';
import { API, PAGE, blocked, ex, preflight } from '../../cors/helpers';

const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, second)).toISOString();

describe('a preflight judged from its own answer', () => {
  it('a 204 without Access-Control-Allow-Origin fails; the same preflight that got no response (status 0) is left to the network', () => {
    expect(failedPreflight(ex(preflight('PUT', null, 204)))?.kind).toBe('missing_allow_origin');
    expect(failedPreflight(ex(preflight('PUT', null, 0, {}, { error: 'net::ERR_CONNECTION_REFUSED' })))).toBeNull();
  });

  it('an OPTIONS without Origin (a tool, not a browser, asked) has no origin to check against and stays quiet', () => {
    const p = preflight('PUT', null, 204);
    const noOrigin = { ...p, requestHeaders: { 'Access-Control-Request-Method': 'PUT' } };
    expect(ex(noOrigin).isPreflight).toBe(true);
    expect(failedPreflight(ex(noOrigin))).toBeNull();
  });

  it('an OPTIONS from its own origin is no CORS preflight: quiet, where the cross-origin one fails', () => {
    const sameOrigin = preflight('PUT', null, 204, {}, { url: `${PAGE}/v1/items` });
    expect(failedPreflight(ex(sameOrigin))).toBeNull();
    expect(failedPreflight(ex(preflight('PUT', null, 204, {}, { url: `${PAGE}:8443/v1/items` })))?.kind).toBe(
      'missing_allow_origin',
    );
  });

  it('`*` passes: a preflight never carries credentials, so the wildcard reading applies', () => {
    const star = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '*' };
    expect(
      failedPreflight(ex(preflight('PUT', 'x-api-key', 204, { ...star, 'Access-Control-Allow-Headers': '*' }))),
    ).toBeNull();
    // Still checked: the method it asked for must be allowed.
    expect(
      failedPreflight(
        ex(preflight('PUT', null, 204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' })),
      )?.kind,
    ).toBe('method_not_allowed');
  });
});

describe('the call a failed preflight guarded', () => {
  const log = (entries: EntrySpec[]) => new LogIndex(makeHar(entries));

  it('the request to the same URL with the method asked for, nearest in time; other preflights, URLs and methods are not it', () => {
    const l = log([
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(40) },
      { ...preflight('PUT', null, 204), startedDateTime: at(10) },
      { ...preflight('PUT', null, 204), startedDateTime: at(11) },
      { ...blocked({ method: 'PUT', status: 0, url: `${API}/2` }), startedDateTime: at(11) },
      { ...blocked({ method: 'GET', status: 0 }), startedDateTime: at(11) },
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(12) },
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(20) },
    ]);
    expect(guardedCall(l.exchanges[1]!, l)?.index).toBe(5);
  });

  it('without readable start times: the first such call in the log; a call with a time beats one without', () => {
    const noTime = (spec: EntrySpec): EntrySpec => ({ ...spec, startedDateTime: 'not a date' });
    const l = log([
      noTime(preflight('PUT', null, 204)),
      noTime(blocked({ method: 'PUT', status: 0 })),
      noTime(blocked({ method: 'PUT', status: 0 })),
    ]);
    expect(l.exchanges[1]!.startedAt).toBeNull();
    expect(guardedCall(l.exchanges[0]!, l)?.index).toBe(1);
    const mixed = log([
      { ...preflight('PUT', null, 204), startedDateTime: at(10) },
      noTime(blocked({ method: 'PUT', status: 0 })),
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(50) },
    ]);
    expect(guardedCall(mixed.exchanges[0]!, mixed)?.index).toBe(2);
    // The preflight's own time unreadable: the first call in the log, not the one earliest in time.
    const noPreflightTime = log([
      noTime(preflight('PUT', null, 204)),
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(50) },
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(10) },
    ]);
    expect(guardedCall(noPreflightTime.exchanges[0]!, noPreflightTime)?.index).toBe(1);
  });

  it('nearest in time on either side: a call 1 s before the preflight beats one 5 s after', () => {
    const l = log([
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(9) },
      { ...preflight('PUT', null, 204), startedDateTime: at(10) },
      { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(15) },
    ]);
    expect(guardedCall(l.exchanges[1]!, l)?.index).toBe(0);
  });

  it('a method sent in lower case ("patch", which fetch does not upper-case) is still matched to its call', () => {
    const l = log([preflight('patch', null, 204), blocked({ method: 'patch', status: 0 })]);
    expect(guardedCall(l.exchanges[0]!, l)?.index).toBe(1);
  });

  it('a preflight recorded without Access-Control-Request-Method (known by its resource type): the next request to the URL, never another preflight', () => {
    const bare = (second: number): EntrySpec => {
      const p = preflight('PUT', null, 204);
      return { ...p, requestHeaders: { Origin: PAGE }, startedDateTime: at(second) };
    };
    const l = log([bare(10), bare(11), { ...blocked({ method: 'PUT', status: 0 }), startedDateTime: at(13) }]);
    expect(l.exchanges[0]!.isPreflight).toBe(true);
    expect(guardedCall(l.exchanges[0]!, l)?.index).toBe(2);
  });

  it('no request with that method to that URL: no call is named', () => {
    const l = log([preflight('DELETE', null, 204), blocked({ method: 'GET', status: 0 })]);
    expect(guardedCall(l.exchanges[0]!, l)).toBeNull();
  });
});
