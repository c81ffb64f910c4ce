// What a developer is told to do when a CORS preflight (OPTIONS) itself was answered with an error
// status: each status points at a different place in the server (Fetch standard, CORS-preflight
// fetch: https://fetch.spec.whatwg.org/#cors-preflight-fetch, a non-ok status fails the preflight).
import { describe, expect, it } from 'vitest';
import { preflightStatusFix } from '../../../lib/diagnose/rules/cors/wording';

describe('the fix for a failed preflight, by the status OPTIONS got', () => {
  it.each([401, 403, 407])('%i: authentication must let OPTIONS through (no credential rides on a preflight)', (s) => {
    expect(preflightStatusFix(s)).toMatch(/^Let OPTIONS through without authentication/);
  });

  it.each([404, 405, 501])('%i: nothing handles OPTIONS on that route', (s) => {
    const fix = preflightStatusFix(s)!;
    expect(fix).toMatch(new RegExp(`^The server answered ${s} to OPTIONS: nothing handles the preflight`));
    expect(fix).toMatch(/CORS middleware ahead of routing/);
  });

  it.each([500, 502, 503])('%i: the OPTIONS handler itself failed', (s) => {
    expect(preflightStatusFix(s)).toBe(
      `The OPTIONS handler failed with ${s}: check the server logs for the preflight request.`,
    );
  });

  it.each([400, 406, 410, 415, 499])('%i: no fix is claimed for a status that names no such place', (s) => {
    expect(preflightStatusFix(s)).toBeNull();
  });
});
