import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Pusher Channels' HTTP API signs each call with auth_key, auth_timestamp and auth_signature query parameters and
// refuses a timestamp more than 600 s from its clock with 401 "Timestamp expired: Given timestamp (…) not within
// 600s of server time (…)"; Pusher-compatible servers (soketi and others) answer the same words.
const PUSHER = 'https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication';

export const REALTIME: readonly Signature[] = [
  {
    id: 'pusher.timestamp_expired',
    vendor: 'Pusher Channels',
    cause: 'clock.skew',
    confidence: CONFIDENCE.certain,
    status: [401, 403],
    body: /Timestamp expired:\s*Given timestamp\s*\([^)]{1,40}\)\s*not within\s*\d+\s*s of server time/i,
    title: "Pusher refused the request's auth_timestamp: it is too far from the server's clock",
    summary:
      'auth_timestamp must be within 600 seconds of the server time; the message shows both, so the difference is ' +
      'the skew of the clock that signed the request.',
    fixes: ["Sync the signing machine's clock (NTP); sign each request at send time, not ahead of time."],
    source: PUSHER,
  },
];
