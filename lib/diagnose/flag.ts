import type { Exchange } from '../model/exchange';
import { readCredentials } from '../inspect/credentials';
import { SIGNATURES } from '../vendors';
import { matchInput, matchSignature } from '../vendors/match';
import type { Signature } from '../vendors/types';
import { hiddenRefusal } from './hidden-refusal';
import { statedRefusal } from './stated-refusal';
import { httpOrigin } from '../cors/origin';
import { failsCorsUnrecorded, recordsVerdict } from '../cors/unrecorded';
import { isRefusalStatus } from '../core/statuses';
import { loginRedirect } from '../inspect/login-redirect';
import { errorRedirect } from '../inspect/error-redirect';
import { challengedBadRequest } from '../inspect/www-authenticate';

// Errors that are not the server's or CORS's doing: the page or an extension cancelled it,
// or the network failed (offline, DNS, refused, TLS).
const NOT_A_BLOCK =
  /ERR_ABORTED|ERR_BLOCKED_BY_CLIENT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|ERR_CERT_|ERR_SSL_/;

/** Credentials mode "include" as far as a capture shows it: a cookie was sent. */
function sentCookies(x: Exchange): boolean {
  const harCookies = x.entry.request?.cookies;
  return x.req.has('cookie') || (Array.isArray(harCookies) && harCookies.length > 0);
}

/**
 * Whether Chrome's net error names a block by the browser (CORS, Local/Private Network Access)
 * rather than a network failure or a cancel. Read alone, without the request: the replay's
 * verdict uses it for a fetch the page could not complete (isBrowserBlocked adds what the
 * request itself tells).
 */
export function netErrorBlocks(netError: string): boolean {
  return !NOT_A_BLOCK.test(netError) && /ERR_FAILED|CORS|LOCAL_NETWORK_ACCESS|PRIVATE_NETWORK_ACCESS/i.test(netError);
}

/**
 * The browser withheld the response from the page, on evidence only. Chrome says so itself:
 * CORS failures are `net::ERR_FAILED` (real status kept when the response arrived, 0 when the
 * preflight failed), and an entry with `_error: null` was fine. Firefox records no verdict: a
 * blocked response is a plain 200/4xx without a matching ACAO, the request behind a refused
 * preflight has status 0. There the CORS checks are re-run on the captured headers (and on
 * `preflight`, the OPTIONS paired with the request). Status 0 alone is never CORS.
 */
export function isBrowserBlocked(x: Exchange, preflight: Exchange | null = null): boolean {
  if (x.isPreflight) return false;
  if (x.netError) {
    // Stryker disable next-line ConditionalExpression: no net error NOT_A_BLOCK names also matches a block pattern below (Chromium's net_error_list.h), so this return only states the rule first
    if (NOT_A_BLOCK.test(x.netError)) return false;
    if (/CORS|LOCAL_NETWORK_ACCESS|PRIVATE_NETWORK_ACCESS/i.test(x.netError)) return true;
    if (!/ERR_FAILED/.test(x.netError)) return false;
    // ERR_FAILED is generic: on a request known to be same-origin it is not CORS's doing.
    // An unknown page origin (null) equals no URL's origin: the verdict stands.
    const page = x.pageOrigin ?? httpOrigin(preflight?.req.get('origin'));
    return x.url === null || page !== x.url.origin;
  }
  if (recordsVerdict(x)) return false;
  return failsCorsUnrecorded(x, preflight, sentCookies(x));
}

// A flagging signature without statuses would flag every page that quotes its wording.
const FLAGGING = SIGNATURES.filter((s) => s.flags && s.status);
/** Block pages are small; a flagging signature needs no more than the head of the body. */
const BLOCK_PAGE_SCAN = 16 * 1024;

/** A known block page served with a status that is not a refusal (WAF 200, Google 400). */
export function blockPageSignature(x: Exchange): Signature | null {
  if (x.isPreflight) return null;
  // A fast path (matchInput reads the credentials and the body): matchSignature checks the status
  // again, and FLAGGING holds only signatures with statuses.
  // Stryker disable next-line ConditionalExpression,OptionalChaining: the fast path's skip changes no result
  if (!FLAGGING.some((s) => s.status?.includes(x.status))) return null;
  const input = matchInput(x, readCredentials(x), BLOCK_PAGE_SCAN);
  return FLAGGING.find((s) => matchSignature(s, input) !== null) ?? null;
}

/** `preflight`: the OPTIONS paired with `x` (LogIndex.preflightFor), needed for Firefox captures. */
export function isFlagged(x: Exchange, preflight: Exchange | null = null): boolean {
  if (x.isPreflight) return false;
  return (
    isRefusalStatus(x.status) ||
    isBrowserBlocked(x, preflight) ||
    blockPageSignature(x) !== null ||
    hiddenRefusal(x) ||
    statedRefusal(x) !== null ||
    loginRedirect(x) !== null ||
    errorRedirect(x) !== null ||
    challengedBadRequest(x) !== null
  );
}
