import type { Exchange } from '../model/exchange';
import { checkAccess } from './access';
import { parseList } from './lists';
import { isSafelistedMethod } from './safelist';
import type { CorsCheck, PreflightNeed } from './types';

const PREFIX = "Response to preflight request doesn't pass access control check: ";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect sends the preflight, or null when its answer is no redirect. Chromium follows (and for a
 * preflight refuses) only what net::HttpResponseHeaders::IsRedirect calls one: a redirect status (301, 302,
 * 303, 307, 308: the Fetch standard's "redirect status"; 300 and 304 are shown, not followed) with a
 * non-empty Location, the first non-empty one. Any other 3xx fails the preflight on its status instead.
 * The HAR's redirectURL stands in for a Location header a tool did not record.
 */
export function redirectTarget(p: Exchange): string | null {
  if (!REDIRECT_STATUSES.has(p.status)) return null;
  const location = p.res.getAll('location').find((v) => v.trim() !== '');
  if (location !== undefined) return location.trim();
  const target = p.entry.response.redirectURL;
  return typeof target === 'string' && target !== '' ? target : null;
}

/** The headers of `need` the preflight response does not allow (lower-cased, request order). */
export function disallowedHeaders(allowed: readonly string[], need: PreflightNeed, credentialed: boolean): string[] {
  const set = new Set(allowed.map((h) => h.toLowerCase()));
  // `*` covers every name except Authorization, and only for requests without credentials
  // (https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name).
  const wildcard = !credentialed && set.has('*');
  return need.headers.filter((h) => !set.has(h) && !(wildcard && h !== 'authorization'));
}

/** Whether ACAM allows `method`: exact, case-sensitive; `*` only without credentials. */
export function methodAllowed(allowed: readonly string[], method: string, credentialed: boolean): boolean {
  return isSafelistedMethod(method) || allowed.includes(method) || (!credentialed && allowed.includes('*'));
}

/**
 * The CORS-preflight checks in Chromium's order (preflight_controller.cc): a redirect ends it
 * before any header is read; then the CORS check (ACAO, then ACAC) BEFORE the status, so an
 * OPTIONS answered 403 without ACAO is a missing-ACAO failure; then the ok status; then Private
 * Network Access; then ACAM/ACAH parsing; then the method; then the headers. Every failing check
 * is returned in order, but an origin-level failure stops the list: nothing after it is read.
 */
export function checkPreflight(
  p: Exchange,
  need: PreflightNeed,
  origin: string | null,
  credentialed: boolean,
): CorsCheck[] {
  const location = redirectTarget(p);
  if (location !== null) {
    return [
      {
        kind: 'preflight_redirect',
        stage: 'preflight',
        value: location,
        message: `${PREFIX}Redirect is not allowed for a preflight request.`,
      },
    ];
  }
  const out: CorsCheck[] = [];
  const access = checkAccess(p.res, origin, credentialed, 'preflight');
  if (access) {
    if (access.kind !== 'invalid_allow_credentials') return [access];
    out.push(access);
  }
  if (p.status < 200 || p.status > 299) {
    out.push({
      kind: 'preflight_invalid_status',
      stage: 'preflight',
      value: String(p.status),
      message: `${PREFIX}It does not have HTTP ok status.`,
    });
  }
  const askedPna = p.req.get('access-control-request-private-network')?.trim().toLowerCase() === 'true';
  const pna = p.res.get('access-control-allow-private-network');
  if (askedPna && pna?.trim() !== 'true') {
    out.push({
      kind: 'local_network',
      stage: 'preflight',
      value: pna ?? null,
      message:
        pna === undefined
          ? `${PREFIX}No 'Access-Control-Allow-Private-Network' header was present in the preflight ` +
            `response for this private network request.`
          : `${PREFIX}The 'Access-Control-Allow-Private-Network' header in the preflight response had a value of '${pna}', not 'true'.`,
    });
  }
  const acam = parseList(p.res, 'access-control-allow-methods');
  const acah = parseList(p.res, 'access-control-allow-headers');
  if (!acam.valid) {
    out.push({
      kind: 'method_not_allowed',
      stage: 'preflight',
      value: acam.raw,
      subject: need.method,
      message: `${PREFIX}Cannot parse Access-Control-Allow-Methods response header field in preflight response.`,
    });
  }
  if (!acah.valid) {
    out.push({
      kind: 'header_not_allowed',
      stage: 'preflight',
      value: acah.raw,
      missing: need.headers,
      subject: need.headers[0],
      message: `${PREFIX}Cannot parse Access-Control-Allow-Headers response header field in preflight response.`,
    });
  }
  if (acam.valid && !methodAllowed(acam.items, need.method, credentialed)) {
    out.push({
      kind: 'method_not_allowed',
      stage: 'preflight',
      value: acam.raw,
      subject: need.method,
      message: `Method ${need.method} is not allowed by Access-Control-Allow-Methods in preflight response.`,
    });
  }
  const missing = acah.valid ? disallowedHeaders(acah.items, need, credentialed) : [];
  if (missing.length > 0) {
    out.push({
      kind: 'header_not_allowed',
      stage: 'preflight',
      value: acah.raw,
      subject: missing[0],
      missing,
      message: `Request header field ${missing[0]} is not allowed by Access-Control-Allow-Headers in preflight response.`,
    });
  }
  return out;
}
