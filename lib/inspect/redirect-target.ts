import type { Exchange } from '../model/exchange';

/** Statuses that send the client elsewhere with a Location. */
const REDIRECTS = [301, 302, 303, 307, 308];

/**
 * Where a redirect on the request's own host points: its Location (or the HAR's redirectURL when a
 * recorder kept only that) resolved against the request URL. A redirect elsewhere is no answer of
 * this server about this caller (an OAuth hop, a CDN), so it is null, as is an unreadable Location.
 */
export function sameHostRedirect(x: Exchange): { raw: string; target: URL } | null {
  // An entry without a response has status 0 (toExchange), so past this line it has one.
  if (x.isPreflight || !x.url || !REDIRECTS.includes(x.status)) return null;
  const raw = x.res.get('location') ?? x.entry.response.redirectURL;
  // Past 4 KiB a Location is no sign-in page's address (and a crafted one costs the URL parser).
  if (typeof raw !== 'string' || raw === '' || raw.length > 4096) return null;
  let target: URL;
  try {
    target = new URL(raw, x.url);
  } catch {
    return null;
  }
  return target.host === x.url.host ? { raw, target } : null;
}
