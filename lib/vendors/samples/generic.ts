import { API_KEY, BEARER, type SampleTable } from './types';

// Shared wording (lib/vendors/generic.ts) from bodies no vendor row claims; sources as cited by the rows (MDN, OWASP).
const json = (message: string) => JSON.stringify({ error: message });

export const GENERIC_SAMPLES: SampleTable = {
  'generic.csrf': { status: 403, request: { Cookie: 'session=abc' }, body: json('CSRF token missing or incorrect') },
  'generic.token_expired': { status: 401, request: BEARER, body: json('Access token has expired') },
  'generic.api_key_expired': { status: 403, request: API_KEY, body: json('API key has been revoked') },
  'generic.api_key_invalid': { status: 401, request: API_KEY, body: json('Invalid API key') },
  'generic.api_key_not_found_sent': { status: 401, request: API_KEY, body: json('API key not found') },
  'generic.api_key_missing': { status: 401, body: json('API key is missing') },
  'generic.ip': { status: 403, body: json('Your IP address is not allowed') },
  'generic.https': { status: 403, body: json('HTTPS is required') },
  'generic.https-plain': { status: 403, url: 'http://api.example.com/v1/resource', body: json('SSL is required') },
  'generic.quota': { status: 429, request: API_KEY, body: json('Monthly quota exceeded') },
  'generic.rate': { status: 429, body: json('Rate limit exceeded') },
  'generic.billing': { status: 403, request: API_KEY, body: json('Your account has been suspended') },
  'generic.auth_missing': { status: 401, body: json('Authorization header is missing') },
  // Google's interstitial (https://support.google.com/websearch/answer/86640), served as 429.
  'wording.bot_check': {
    status: 429,
    body:
      '<html><body><div>Our systems have detected unusual traffic from your computer network. This page ' +
      "checks to see if it's really you sending the requests, and not a robot.</div></body></html>",
  },
};
