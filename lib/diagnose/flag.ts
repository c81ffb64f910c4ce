import type { Exchange } from '../model/exchange';
import { readCredentials } from '../inspect/credentials';
import { SIGNATURES } from '../vendors';
import { matchInput, matchSignature } from '../vendors/match';
import type { Signature } from '../vendors/types';
import { statedRefusal } from './stated-refusal';

/** Statuses that are refusals by definition. */
export const FLAG_STATUSES: ReadonlySet<number> = new Set([401, 403, 407, 419, 429]);

// Errors that are not the server's or CORS's doing: the page or an extension cancelled it.
const NOT_A_BLOCK =
  /ERR_ABORTED|ERR_BLOCKED_BY_CLIENT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED/;

/**
 * The browser withheld the response from the page. Chrome marks CORS failures as
 * `net::ERR_FAILED` and keeps the real status when the response arrived (status 0 when
 * the preflight failed). Firefox records a blocked cross-origin fetch as status 0, no error.
 */
export function isBrowserBlocked(x: Exchange): boolean {
  if (x.isPreflight) return false;
  if (x.netError)
    return (
      /ERR_FAILED|CORS|LOCAL_NETWORK_ACCESS|PRIVATE_NETWORK_ACCESS/i.test(x.netError) && !NOT_A_BLOCK.test(x.netError)
    );
  if (x.status !== 0 || x.res.size > 0) return false;
  const crossOrigin = x.pageOrigin !== null && x.url !== null && x.url.origin !== x.pageOrigin;
  // Firefox's HAR has no _resourceType; an unknown type counts as a script call.
  return crossOrigin && (x.resourceType === 'fetch' || x.resourceType === 'xhr' || x.resourceType === '');
}

// A flagging signature without statuses would flag every page that quotes its wording.
const FLAGGING = SIGNATURES.filter((s) => s.flags && s.status);
/** Block pages are small; a flagging signature needs no more than the head of the body. */
const BLOCK_PAGE_SCAN = 16 * 1024;

/** A known block page served with a status that is not a refusal (WAF 200, Google 400). */
export function blockPageSignature(x: Exchange): Signature | null {
  if (x.isPreflight) return null;
  if (!FLAGGING.some((s) => s.status?.includes(x.status))) return null;
  const input = matchInput(x, readCredentials(x), BLOCK_PAGE_SCAN);
  return FLAGGING.find((s) => matchSignature(s, input) !== null) ?? null;
}

export function isFlagged(x: Exchange): boolean {
  if (x.isPreflight) return false;
  return (
    FLAG_STATUSES.has(x.status) || isBrowserBlocked(x) || blockPageSignature(x) !== null || statedRefusal(x) !== null
  );
}
