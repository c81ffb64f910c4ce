import type { HarEntry } from '../har/types';
import type { ReplayOutcome, ReplayRequest } from './types';

/**
 * The `_error` Chrome would have recorded. net::ERR_FAILED is its word for a CORS block, so a
 * failure that is not one (direct mode has no CORS) must not borrow it.
 */
function netError(outcome: Extract<ReplayOutcome, { kind: 'network-error' }>): string {
  if (outcome.netError) return outcome.netError;
  if (outcome.cors) return 'net::ERR_FAILED';
  return outcome.timedOut ? 'net::ERR_TIMED_OUT' : 'net::ERR_CONNECTION_FAILED';
}

/**
 * Turns a replay and its outcome into a HAR entry, so the same engine diagnoses the new
 * answer exactly as it diagnosed the captured one.
 */
export function replayToEntry(
  req: ReplayRequest,
  outcome: ReplayOutcome,
  pageOrigin: string | null,
  startedAt: Date,
): HarEntry {
  const headers = req.headers.filter((h) => h.name.trim() !== '');
  if (pageOrigin && !headers.some((h) => h.name.toLowerCase() === 'origin'))
    headers.push({ name: 'Origin', value: pageOrigin });
  const response =
    outcome.kind === 'response'
      ? {
          status: outcome.status,
          statusText: outcome.statusText,
          headers: outcome.headers,
          content: {
            size: outcome.body.length,
            mimeType: outcome.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '',
            text: outcome.body,
          },
          _error: null,
        }
      : {
          status: 0,
          statusText: '',
          headers: [],
          content: { size: 0, mimeType: 'x-unknown' },
          _error: netError(outcome),
        };
  return {
    startedDateTime: startedAt.toISOString(),
    time: outcome.ms,
    _resourceType: 'fetch',
    request: {
      method: req.method,
      url: req.url,
      headers,
      ...(req.body !== null
        ? {
            postData: {
              mimeType: headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '',
              text: req.body,
            },
          }
        : {}),
    },
    response,
  };
}
