// A CORS layer that refuses a preflight for the method or a header answers non-2xx WITH the lists it allows
// (Starlette's CORSMiddleware: 400 "Disallowed CORS method" + Access-Control-Allow-Methods, starlette/middleware/
// cors.py preflight_response): the list is the reason, the status its consequence. Without the lists the status
// stays first (checkPreflight's Chromium order, test/unit/cors/preflight.test.ts).
import { describe, expect, it } from 'vitest';
import { checkPreflight, preflightNeed, reasonFirst } from '../../../lib/cors';
import { failedPreflight } from '../../../lib/diagnose/failed-preflight';
import { API, PAGE, ex, preflight } from './helpers';

const STARLETTE = {
  'Access-Control-Allow-Origin': PAGE,
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, Content-Language, Content-Type',
  'Content-Type': 'text/plain; charset=utf-8',
};

function kinds(method: string, acrh: string | null, status: number, headers: Record<string, string>) {
  const p = ex(preflight(method, acrh, status, headers), 1);
  const x = ex({ method, url: API, status: 0, error: 'net::ERR_FAILED' });
  return reasonFirst(checkPreflight(p, preflightNeed(x, p), PAGE, false), p);
}

describe("reasonFirst: the CORS layer's own list ahead of the status it answered with", () => {
  it('reads Starlette\'s 400 "Disallowed CORS method" as the method, keeping what Chrome printed', () => {
    const checks = kinds('DELETE', null, 400, STARLETTE);
    expect(checks.map((c) => c.kind)).toEqual(['method_not_allowed', 'preflight_invalid_status']);
    expect(checks[0]!.subject).toBe('DELETE');
    expect(checks[0]!.message).toMatch(/does not have HTTP ok status/);
  });

  it('reads "Disallowed CORS headers" as the header', () => {
    const checks = kinds('GET', 'x-api-key', 400, STARLETTE);
    expect(checks.map((c) => c.kind)).toEqual(['header_not_allowed', 'preflight_invalid_status']);
    expect(checks[0]!.missing).toEqual(['x-api-key']);
  });

  it('keeps the status first when the preflight sent no list (an auth layer in front of CORS)', () => {
    expect(kinds('DELETE', null, 401, { 'Access-Control-Allow-Origin': PAGE }).map((c) => c.kind)).toEqual([
      'preflight_invalid_status',
      'method_not_allowed',
    ]);
  });

  it('changes nothing when the list allows what was asked, or when the status is ok', () => {
    expect(kinds('POST', null, 403, STARLETTE).map((c) => c.kind)).toEqual(['preflight_invalid_status']);
    expect(kinds('DELETE', null, 200, STARLETTE).map((c) => c.kind)).toEqual(['method_not_allowed']);
  });

  it('moves only a list that was sent and left out what was asked; a Private Network refusal is its own reason', () => {
    const pna = (status: number, headers: Record<string, string>, method = 'GET') => {
      const p = ex(
        preflight(method, null, status, headers, {
          requestHeaders: {
            Origin: PAGE,
            'Access-Control-Request-Method': method,
            'Access-Control-Request-Private-Network': 'true',
          },
        }),
        1,
      );
      const x = ex({ method, url: API, status: 0, error: 'net::ERR_FAILED' });
      return reasonFirst(checkPreflight(p, preflightNeed(x, p), PAGE, false), p).map((c) => c.kind);
    };
    // An ok status: nothing to put a reason ahead of, whatever else failed.
    expect(pna(204, { ...STARLETTE }, 'DELETE')).toEqual(['local_network', 'method_not_allowed']);
    // Not ok, with both lists sent and allowing what was asked: the Private Network refusal stays after the status.
    expect(pna(403, STARLETTE)).toEqual(['preflight_invalid_status', 'local_network']);
    // A header list sent, but the method refused with no method list: the status stays first.
    const headersOnly = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': 'content-type' };
    expect(kinds('DELETE', null, 401, headersOnly).map((c) => c.kind)).toEqual([
      'preflight_invalid_status',
      'method_not_allowed',
    ]);
  });

  it("flags the preflight's own row with the method", () => {
    expect(failedPreflight(ex(preflight('DELETE', null, 400, STARLETTE), 1))?.kind).toBe('method_not_allowed');
  });
});
