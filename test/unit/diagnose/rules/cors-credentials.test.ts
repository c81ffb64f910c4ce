import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { makeHar, type EntrySpec } from '../../../support/har';
import { PAGE, blocked, preflight } from '../../cors/helpers';

// A credentialed cross-origin call whose response does not allow credentials. The Fetch
// standard's CORS check (https://fetch.spec.whatwg.org/#cors-check) requires
// Access-Control-Allow-Credentials to be exactly `true` (byte-case-sensitive) when the request's
// credentials mode is "include"; Chrome's console words it "The value of the
// 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true'…".

const top = (entries: EntrySpec[]) => diagnose(makeHar(entries), { all: true }).at(-1)!.causes[0]!;

describe('cors.invalid_allow_credentials: what the user reads', () => {
  it('on the response itself: the header was absent, and the fix names the response only', () => {
    const c = top([
      blocked({
        method: 'GET',
        status: 200,
        requestHeaders: { Cookie: 'sid=abc' },
        responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'Content-Type': 'application/json' },
      }),
    ]);
    expect(c.id).toBe('cors.invalid_allow_credentials');
    expect(c.title).toBe('Credentialed request, but the response lacks Access-Control-Allow-Credentials: true');
    expect(c.summary).toMatch(/must be exactly `true`; it was absent\.$/);
    expect(c.evidence.map((e) => e.detail)).toContain('Access-Control-Allow-Credentials: (absent)');
    expect(c.fixes[0]).toBe('Add "Access-Control-Allow-Credentials: true" (lower-case) to the response.');
  });

  it("on the preflight, with 'True': the value is quoted, and the fix names both responses", () => {
    const c = top([
      preflight('PUT', 'content-type', 204, {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'content-type',
        'Access-Control-Allow-Credentials': 'True',
      }),
      blocked({ method: 'PUT', status: 0, requestHeaders: { Cookie: 'sid=abc', 'Content-Type': 'application/json' } }),
    ]);
    expect(c.id).toBe('cors.invalid_allow_credentials');
    expect(c.title).toBe(
      'Credentialed request, but the preflight response lacks Access-Control-Allow-Credentials: true',
    );
    expect(c.summary).toMatch(/must be exactly `true`; it was 'True'\.$/);
    expect(c.evidence.map((e) => e.detail)).toContain('response Access-Control-Allow-Credentials: True');
    expect(c.fixes[0]).toBe(
      'Add "Access-Control-Allow-Credentials: true" (lower-case) to the OPTIONS response and the actual response.',
    );
  });
});
