import type { EntryDiagnosis } from '../core/causes';
import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when no request carries Cookie or Authorization and no response sets a cookie. */
export function looksSanitized(log: LogIndex): boolean {
  if (log.exchanges.length === 0) return false;
  return !log.exchanges.some((x) => x.req.has('cookie') || x.req.has('authorization') || x.res.has('set-cookie'));
}

/** What this diagnosis could not look at, so a reader knows where the evidence stops. */
export function unseenFor(
  d: EntryDiagnosis,
  x: Exchange,
  preflight: Exchange | null,
  success: Exchange | null,
  sanitized: boolean,
): string[] {
  const out: string[] = [];
  const declared = Number(x.req.get('content-length') ?? 0);
  if (
    !x.entry.request?.postData &&
    (declared > 0 || (BODY_METHODS.has(x.method) && (x.entry.request?.bodySize ?? 0) > 0))
  ) {
    out.push(`The request body was not captured${declared > 0 ? ` (Content-Length ${declared})` : ''}.`);
  } else if (x.requestBody === null && x.entry.request?.postData) {
    out.push('The request body is binary and is not shown.');
  }
  if (x.status === 0 && x.res.size === 0)
    out.push('No response reached the page (status 0, no headers): what the server answered, if anything, is unknown.');
  else if (x.body.note) out.push(`Response body: ${x.body.note}.`);
  if (x.body.truncated) out.push('The response body is longer than what was read; only its start was checked.');
  if (d.cors && !preflight && x.method !== 'GET' && x.method !== 'HEAD') {
    out.push(
      'The CORS preflight (OPTIONS) for this request is not in the log: it may have come from the ' +
        'preflight cache, or the capture started after it.',
    );
  }
  if (!success && d.flagged)
    out.push('No earlier successful call to the same endpoint is in the log, so there is nothing to compare with.');
  if (sanitized)
    out.push(
      'The log holds no Cookie, Set-Cookie or Authorization header at all: it was probably exported ' +
        '"sanitized", which hides credentials from this diagnosis.',
    );
  out.push("The server's own reasoning (its logs, policies, rate-limit counters) is not in a HAR.");
  return out;
}
