import { credentialsOf } from '../../../inspect/credentials';
import { readCsrf, type CsrfReading } from '../../../inspect/csrf';
import { clip } from '../../../inspect/mask';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

// The header each framework reads for the token its cookie holds.
function expectedHeader(cookie: string | undefined): string {
  const c = (cookie ?? '').toLowerCase();
  if (c === 'xsrf-token') return 'X-XSRF-TOKEN';
  if (c === 'csrftoken') return 'X-CSRFToken';
  if (c === '_csrf') return 'CSRF-Token (or X-CSRF-Token)';
  return 'X-CSRF-Token';
}

function evidenceOf(r: CsrfReading, cookieLen: number | undefined): Evidence[] {
  const ev: Evidence[] = [];
  if (r.cookie)
    ev.push({
      where: 'request.cookie',
      name: r.cookie,
      detail: `CSRF cookie ${r.cookie} sent (${cookieLen ?? 0} chars)`,
    });
  ev.push(
    r.header
      ? { where: 'request.header', name: r.header, detail: `CSRF header ${r.header} sent` }
      : { where: 'request.header', detail: 'no CSRF header (X-CSRF-Token, X-XSRF-TOKEN, X-CSRFToken) sent' },
  );
  if (r.bodyField) ev.push({ where: 'request.body', detail: `CSRF field ${clip(r.bodyField, 40)} in the body` });
  if (r.mismatch)
    ev.push({
      where: 'request.header',
      name: 'x-xsrf-token',
      detail: 'X-XSRF-TOKEN differs from the XSRF-TOKEN cookie',
    });
  return ev;
}

/** csrf.invalid from the request's shape: 419, or an unsafe 403 with a CSRF cookie and no token. */
export const csrfRule: Rule = {
  name: 'csrf-structure',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 419 && x.status !== 403) return [];
    const creds = credentialsOf(ctx);
    const r = readCsrf(x, creds);
    const cookieLen = creds.cookies.find((c) => c.name === r.cookie)?.value.length;
    const tokenSent = r.header !== undefined || r.bodyField !== undefined;
    const out: Cause[] = [];
    if (x.status === 419) {
      out.push({
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus20,
        title: tokenSent
          ? r.mismatch
            ? '419 Page Expired: the X-XSRF-TOKEN header does not match the XSRF-TOKEN cookie'
            : '419 Page Expired: the CSRF token was sent but is stale for this session'
          : `419 Page Expired: no CSRF token was sent${r.cookie ? ` (the ${r.cookie} cookie was)` : ''}`,
        summary: tokenSent
          ? '419 is Laravel\'s "Page Expired": the token did not match the session, typically because ' +
            'the session expired or rotated (login, logout) after the page loaded.'
          : `419 is Laravel's "Page Expired": the request carried no X-CSRF-TOKEN / X-XSRF-TOKEN header and no _token field.`,
        evidence: [statusEvidence(x), ...evidenceOf(r, cookieLen)],
        fixes: tokenSent
          ? ['Reload the page (or re-fetch /sanctum/csrf-cookie) to get a token for the current session, then retry.']
          : [
              'Send the X-XSRF-TOKEN header from the XSRF-TOKEN cookie (axios does it for same-origin requests; ' +
                'enable withXSRFToken for cross-origin), or the X-CSRF-TOKEN meta tag value.',
            ],
      });
      return out;
    }
    if (!r.unsafe || creds.authorization !== null || !r.cookie) return out;
    if (!tokenSent) {
      out.push({
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus2,
        title: `The ${r.cookie} cookie was sent but no ${expectedHeader(r.cookie)} header`,
        summary:
          `A ${x.method} with a CSRF cookie and no matching token header or form field: the framework's ` +
          `CSRF check (double-submit or synchronizer token) refuses such requests with 403.`,
        evidence: [statusEvidence(x), ...evidenceOf(r, cookieLen)],
        fixes: [
          `Copy the ${r.cookie} cookie's value into the ${expectedHeader(r.cookie)} header on unsafe ` +
            `requests (Angular HttpClient and axios do it only for same-origin calls by default).`,
        ],
      });
    } else if (r.mismatch) {
      out.push({
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possible,
        title: 'The X-XSRF-TOKEN header does not match the XSRF-TOKEN cookie',
        summary:
          'Double-submit CSRF protection compares the header with the cookie; they differ, usually ' +
          'because the header came from an older page load or another session.',
        evidence: [statusEvidence(x), ...evidenceOf(r, cookieLen)],
        fixes: ['Read the token from the current cookie right before each request instead of caching it.'],
      });
    }
    return out;
  },
};
