import type { Exchange } from '../model/exchange';
import { SIGNATURES } from '../vendors';
import type { Signature } from '../vendors/types';

/** Statuses that are refusals by definition. */
export const FLAG_STATUSES: ReadonlySet<number> = new Set([401, 403, 407, 419, 429]);

// Errors that are not the server's or CORS's doing: the page or an extension cancelled it.
const NOT_A_BLOCK = /ERR_ABORTED|ERR_BLOCKED_BY_CLIENT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED/;

/**
 * The browser withheld the response from the page. Chrome marks CORS failures as
 * `net::ERR_FAILED` and keeps the real status when the response arrived (status 0 when
 * the preflight failed). Firefox records a blocked cross-origin fetch as status 0, no error.
 */
export function isBrowserBlocked(x: Exchange): boolean {
  if (x.isPreflight) return false;
  if (x.netError) return /ERR_FAILED|CORS/i.test(x.netError) && !NOT_A_BLOCK.test(x.netError);
  if (x.status !== 0 || x.res.size > 0) return false;
  const crossOrigin = x.pageOrigin !== null && x.url !== null && x.url.origin !== x.pageOrigin;
  return crossOrigin && (x.resourceType === 'fetch' || x.resourceType === 'xhr');
}

const FLAGGING = SIGNATURES.filter((s) => s.flags);
/** Block pages are small; a flagging signature needs no more than the head of the body. */
const BLOCK_PAGE_SCAN = 16 * 1024;

/** A known block page served with a status that is not a refusal (WAF 200, Google 400). */
export function blockPageSignature(x: Exchange): Signature | null {
  if (x.isPreflight) return null;
  const text = x.body.text;
  for (const s of FLAGGING) {
    if (s.status && !s.status.includes(x.status)) continue;
    if (s.header) {
      const v = x.res.get(s.header.name);
      if (v === undefined || (s.header.value && !s.header.value.test(v))) continue;
    }
    if (s.body) {
      if (!text) continue;
      if (!s.body.test(text.length > BLOCK_PAGE_SCAN ? text.slice(0, BLOCK_PAGE_SCAN) : text)) continue;
    }
    return s;
  }
  return null;
}

export function isFlagged(x: Exchange): boolean {
  if (x.isPreflight) return false;
  return FLAG_STATUSES.has(x.status) || isBrowserBlocked(x) || blockPageSignature(x) !== null;
}
