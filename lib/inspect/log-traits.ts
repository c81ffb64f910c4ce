import type { LogIndex } from '../core/log-index';

/**
 * Chrome's default "Export HAR (sanitized)" drops Cookie, Set-Cookie and Authorization
 * headers. A log of several requests where none carries any of them may be such an export,
 * and "no credentials were sent" cannot then be read from it. Counted by the index as it
 * grows, so a live panel capture is judged on what it holds now.
 */
export function mayBeSanitized(log: LogIndex): boolean {
  return log.exchanges.length >= 3 && log.entriesWithCredentials === 0;
}
