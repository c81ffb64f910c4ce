import type { LogIndex } from '../core/log-index';

/**
 * Chrome's default "Export HAR (sanitized)" drops Cookie, Set-Cookie and Authorization
 * headers. A log of several requests where none carries any of them may be such an export,
 * and "no credentials were sent" cannot then be read from it. Counted by the index as it
 * grows, so a live panel capture is judged on what it holds now.
 */
export function mayBeSanitized(log: LogIndex): boolean {
  return (log.exchanges.length >= 3 && log.entriesWithCredentials === 0) || scrubbedByRecorder(log);
}

// HTTP recorders for test fixtures whose users scrub credentials before committing (Polly.JS's
// beforePersist, VCR's filter_sensitive_data, nock's recorder filters): a request recorded
// without any credential header most likely had one removed.
const SCRUBBING_RECORDER = /polly|\bvcr\b|nock|talkback|betamax|wiremock/i;

/** The log was written by a test recorder and no entry kept a credential header. */
export function scrubbedByRecorder(log: LogIndex): boolean {
  return log.entriesWithCredentials === 0 && SCRUBBING_RECORDER.test(log.creator);
}

// Writers that record the request as it went on the wire and have no "sanitized" export: Playwright's
// recordHar (https://playwright.dev/docs/mock#recording-a-har-file) and the intercepting proxies.
// Chrome's DevTools export is not one of them: it drops Cookie, Set-Cookie and Authorization by
// default ("Export HAR (sanitized)", https://chromium.googlesource.com/devtools/devtools-frontend/+/acd96a60464188fbf7c4476ec883ec65bba3dfdf).
const WIRE_WRITER = /^(?:playwright|mitmproxy|charles\b|fiddler|proxyman|http\s*toolkit)/i;

/**
 * The capture can show that a credential was NOT sent: other entries keep credential headers,
 * or its writer records every header as sent. Then a request without one really went without.
 */
export function showsAbsence(log: LogIndex): boolean {
  if (mayBeSanitized(log)) return false;
  return log.entriesWithCredentials > 0 || WIRE_WRITER.test(log.creator.trim());
}
