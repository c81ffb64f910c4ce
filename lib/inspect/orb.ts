import type { Exchange } from '../model/exchange';

/**
 * Opaque Response Blocking: Chromium withholds a cross-origin no-cors response (an <img>, <script>, <audio>…)
 * that sniffs as data the element cannot use (JSON, HTML, XML, or anything with `nosniff` and a non-matching
 * type), and reports `net::ERR_BLOCKED_BY_ORB` (https://github.com/annevk/orb, Fetch "opaque-response
 * blocking"). Firefox records no verdict for it, so only the net error counts.
 */
const ORB_ERROR = /ERR_BLOCKED_BY_ORB/;

export function orbBlocked(x: Exchange): boolean {
  return !x.isPreflight && x.netError !== null && ORB_ERROR.test(x.netError);
}
