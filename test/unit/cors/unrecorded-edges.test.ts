// failsCorsUnrecorded's edges (captures without the browser's verdict: Firefox, proxies): what is evidence of a
// CORS block and what is not. CORS applies to a cross-origin request in CORS mode
// (https://fetch.spec.whatwg.org/#http-fetch: the CORS check runs only for mode "cors"); a captured preflight is
// a CORS request's own; only a final response is checked, and a request with no response is no evidence.
import { describe, expect, it } from 'vitest';
import { failsCorsUnrecorded, preflightFails, recordsVerdict } from '../../../lib/cors';
import type { HarEntry } from '../../../lib/har/types';
import { toExchange } from '../../../lib/model/exchange';
import type { EntrySpec } from '../../support/har';
import { API, PAGE, ex, exNoVerdict, preflight } from './helpers';

const ACAO = { 'Access-Control-Allow-Origin': PAGE };
const call = (spec: Partial<EntrySpec> = {}) =>
  exNoVerdict({
    method: 'PUT',
    url: API,
    status: 200,
    ...spec,
    requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors', ...spec.requestHeaders },
  });
// A preflight Firefox recorded, answered without Access-Control-Allow-Origin: it fails.
const failing = () => exNoVerdict(preflight('PUT', null, 204, {}), 1);
const passing = () => exNoVerdict(preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' }), 1);

describe('what is judged at all', () => {
  it('a preflight is judged with the request it guards, not as a request of its own', () => {
    expect(failsCorsUnrecorded(failing(), null, false)).toBe(false);
    expect(preflightFails(failing())).toBe(true);
    expect(preflightFails(passing())).toBe(false);
    // A request is no preflight, whatever its headers.
    expect(preflightFails(call())).toBe(false);
  });

  it('a URL that does not parse, or a scheme CORS never checks (data:), is no CORS failure', () => {
    expect(failsCorsUnrecorded(call({ url: 'http://exa mple.net/x' }), null, false)).toBe(false);
    expect(failsCorsUnrecorded(call({ url: 'data:application/json,{}', resourceType: 'fetch' }), null, false)).toBe(
      false,
    );
  });

  it('an Origin: null with stray whitespace is still the opaque origin: cross-origin to everything', () => {
    expect(
      failsCorsUnrecorded(call({ requestHeaders: { Origin: ' null ' }, responseHeaders: ACAO }), null, false),
    ).toBe(true);
  });
});

describe('a request with a captured preflight', () => {
  it('a preflight that fails the preflight checks is the evidence, whatever the request recorded', () => {
    expect(failsCorsUnrecorded(call({ status: 0 }), failing(), false)).toBe(true);
    expect(failsCorsUnrecorded(call({ status: 0 }), passing(), false)).toBe(false);
  });

  it("the page origin is read from the preflight's Origin when the request recorded none", () => {
    const x = exNoVerdict({ method: 'PUT', url: API, status: 0, requestHeaders: { 'Sec-Fetch-Mode': 'cors' } });
    expect(failsCorsUnrecorded(x, failing(), false)).toBe(true);
  });

  it('is a CORS request (only those are preflighted) unless Sec-Fetch-Mode says otherwise', () => {
    // No Sec-Fetch-Mode and a resource type that alone would not say CORS: the preflight does.
    const plain = exNoVerdict({ method: 'PUT', url: API, status: 0, resourceType: 'other' });
    expect(failsCorsUnrecorded(plain, failing(), false)).toBe(true);
    // Sec-Fetch-Mode is the browser's own word on the mode.
    const nav = call({ status: 0, requestHeaders: { 'Sec-Fetch-Mode': 'navigate' } });
    expect(failsCorsUnrecorded(nav, failing(), false)).toBe(false);
  });
});

describe('which responses are evidence', () => {
  it('status 0 with nothing recorded is no evidence (offline, DNS, TLS and an ad-blocker look the same)', () => {
    expect(failsCorsUnrecorded(call({ status: 0 }), null, false)).toBe(false);
  });

  it('status 0 whose headers were recorded: the headers are checked', () => {
    const x = call({ status: 0, responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' } });
    expect(failsCorsUnrecorded(x, null, false)).toBe(true);
    expect(failsCorsUnrecorded(call({ status: 0, responseHeaders: ACAO }), null, false)).toBe(false);
  });

  it('a 304 is not what the page reads: it gets the cached response, with the CORS headers stored with it', () => {
    expect(failsCorsUnrecorded(call({ status: 304 }), null, false)).toBe(false);
  });

  it('an interim 1xx is not the final response: not checked; 200 is', () => {
    for (const status of [100, 103, 199]) expect(failsCorsUnrecorded(call({ status }), null, false)).toBe(false);
    expect(failsCorsUnrecorded(call({ status: 200 }), null, false)).toBe(true);
  });
});

describe('looking like a navigation (no Sec-Fetch-Mode, no resource type)', () => {
  const bare = (accept: string) =>
    exNoVerdict({
      method: 'POST',
      url: API,
      status: 200,
      resourceType: '',
      requestHeaders: { Origin: PAGE, Accept: accept },
    });

  it('asks for HTML first, even after whitespace a capture kept', () => {
    expect(failsCorsUnrecorded(bare('  text/html,application/xhtml+xml'), null, false)).toBe(false);
  });

  it('HTML accepted only after another type is a fetch that also takes HTML: still CORS', () => {
    expect(failsCorsUnrecorded(bare('application/json, text/html;q=0.5'), null, false)).toBe(true);
  });
});

describe('recordsVerdict', () => {
  it("is Chrome's _error field, present even when null; absent in Firefox's captures", () => {
    expect(recordsVerdict(ex({ url: API, status: 200 }))).toBe(true);
    expect(recordsVerdict(exNoVerdict({ url: API, status: 200 }))).toBe(false);
  });

  it('an entry the reader did not repair, without a response (reports read such HARs), records no verdict', () => {
    for (const response of [undefined, null]) {
      const entry = { request: { method: 'GET', url: API, headers: [] }, response } as unknown as HarEntry;
      expect(recordsVerdict(toExchange(entry, 0))).toBe(false);
    }
  });
});
