import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Google Maps Platform web services (Geocoding, Directions, Places legacy…) answer HTTP 200
// with {"status":"REQUEST_DENIED","error_message":…}: the status code says success, so these
// flag the entry. Restricted to the Maps host, where a docs page quoting them cannot live.
const ERRORS = 'https://developers.google.com/maps/documentation/geocoding/requests-geocoding#StatusCodes';
const KEYS = 'https://developers.google.com/maps/api-security-best-practices';
const V = 'Google Maps Platform';
const G = 'google.maps';
const HOST = /(?:^|\.)maps\.googleapis\.com$/;
const DENIED = /"status"\s*:\s*"REQUEST_DENIED"/;
const STATUSES = [200, 400, 403];

export const GOOGLE_MAPS: readonly Signature[] = [
  {
    id: 'google.maps.key_missing',
    vendor: V,
    group: G,
    cause: 'api_key.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [DENIED, /must\s+use\s+an\s+API\s+key\s+to\s+authenticate/i],
    title: 'Google Maps wants an API key (REQUEST_DENIED)',
    summary: 'The Maps web service answered 200 with status REQUEST_DENIED because the request had no key parameter.',
    fixes: ['Add &key=YOUR_API_KEY to the request (server-side; do not ship an unrestricted key in a page).'],
    source: ERRORS,
  },
  {
    id: 'google.maps.key_expired',
    vendor: V,
    group: G,
    cause: 'api_key.expired',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [DENIED, /provided\s+API\s+key\s+is\s+expired/i],
    title: 'The Google Maps API key has expired (REQUEST_DENIED)',
    summary: 'The Maps web service answered 200 REQUEST_DENIED: "The provided API key is expired."',
    fixes: ['Create or renew a key in APIs & Services > Credentials and deploy it.'],
    source: ERRORS,
  },
  {
    id: 'google.maps.key_invalid',
    vendor: V,
    group: G,
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [DENIED, /provided\s+API\s+key\s+is\s+invalid/i],
    title: 'Google Maps does not recognise the API key (REQUEST_DENIED)',
    summary: 'The Maps web service answered 200 REQUEST_DENIED: "The provided API key is invalid."',
    fixes: ['Copy the key again from the right project; check it is not truncated or URL-encoded twice.'],
    source: ERRORS,
  },
  {
    id: 'google.maps.key_restricted',
    vendor: V,
    group: G,
    cause: 'api_key.restricted',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [
      DENIED,
      /not\s+authorized\s+to\s+use\s+this\s+API\s+key|API\s+keys\s+with\s+referer\s+restrictions\s+cannot\s+be\s+used\s+with\s+this\s+API/i,
    ],
    title: "The Maps API key's restrictions refuse this caller (REQUEST_DENIED)",
    summary:
      "The key's application restriction does not allow this IP, referrer or app. Web-service calls " +
      'need an IP-restricted (server) key, not a referrer-restricted (browser) key.',
    fixes: [
      "Use a server key restricted by IP for web-service calls, or add this server's IP to the key's restrictions.",
    ],
    source: KEYS,
  },
  {
    id: 'google.maps.billing',
    vendor: V,
    group: G,
    cause: 'billing.disabled',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [DENIED, /enable\s+Billing\s+on\s+the\s+Google\s+Cloud\s+Project/i],
    title: 'Billing is not enabled for the Maps project (REQUEST_DENIED)',
    summary: 'Maps Platform requires a billing account on the project that owns the key.',
    fixes: ["Link an active billing account to the key's project."],
    source: ERRORS,
  },
  {
    id: 'google.maps.api_not_enabled',
    vendor: V,
    group: G,
    cause: 'service.disabled',
    confidence: CONFIDENCE.likelyPlus5,
    status: STATUSES,
    flags: true,
    host: HOST,
    body: [DENIED, /API\s+project\s+is\s+not\s+authorized\s+to\s+use\s+this\s+API/i],
    title: "This Maps API is not enabled for the key's project (REQUEST_DENIED)",
    summary:
      '"This API project is not authorized to use this API": the web service is not enabled, or the key\'s API restrictions exclude it.',
    fixes: ["Enable this API (e.g. Geocoding API) on the project, and allow it in the key's API restrictions."],
    source: ERRORS,
  },
  {
    id: 'google.maps.over_query_limit',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likely,
    status: [200, 429],
    flags: true,
    host: HOST,
    body: /"status"\s*:\s*"OVER_(?:QUERY_LIMIT|DAILY_LIMIT)"/,
    title: 'Google Maps is limiting the calls (OVER_QUERY_LIMIT)',
    summary:
      'The Maps web service answered OVER_QUERY_LIMIT / OVER_DAILY_LIMIT: too many requests, a quota cap, or a billing/key problem.',
    fixes: ["Slow down and retry with backoff; check the project's quotas and billing."],
    source: ERRORS,
  },
];
