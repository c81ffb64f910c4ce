import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Kong Gateway plugin messages ({"message": …}). The distinctive ones stand alone; the
// generic ones ("Unauthorized", "Invalid authentication credentials") need Kong's headers.
const KEY_AUTH = 'https://docs.konghq.com/hub/kong-inc/key-auth/';
const RATE = 'https://docs.konghq.com/hub/kong-inc/rate-limiting/';
const ACL = 'https://docs.konghq.com/hub/kong-inc/acl/';
const IP = 'https://docs.konghq.com/hub/kong-inc/ip-restriction/';
const JWT = 'https://docs.konghq.com/hub/kong-inc/jwt/';
const HMAC = 'https://docs.konghq.com/hub/kong-inc/hmac-auth/';
const OAUTH = 'https://docs.konghq.com/hub/kong-inc/oauth2/';
const KONG: readonly HeaderMatch[] = [
  { name: 'server', value: /kong/i },
  { name: 'via', value: /kong/i },
  { name: 'x-kong-response-latency' },
  { name: 'x-kong-request-id' },
  { name: 'www-authenticate', value: /realm="?kong/i },
];
const INVALID_CREDENTIALS = /"message"\s*:\s*"Invalid\s+authentication\s+credentials"/i;
const UNAUTHORIZED = /"message"\s*:\s*"Unauthorized"/i;
const V = 'Kong Gateway';
const G = 'kong';

export const KONG_SIGNATURES: readonly Signature[] = [
  {
    id: 'kong.no_api_key',
    vendor: V,
    group: G,
    cause: 'api_key.missing',
    confidence: CONFIDENCE.certain,
    body: /No\s+API\s+key\s+found\s+in\s+request/i,
    title: 'Kong wants an API key',
    summary:
      'The key-auth plugin found no key in the configured header, query parameter or body field (default name: apikey).',
    fixes: ['Send the key in the header or query parameter named in the plugin\'s key_names (default "apikey").'],
    source: KEY_AUTH,
  },
  {
    id: 'kong.invalid_key',
    vendor: V,
    group: G,
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likely,
    body: INVALID_CREDENTIALS,
    requires: 'api-key',
    title: 'Kong does not recognise the API key',
    summary:
      'key-auth found a key but no consumer credential matches it (wrong key, deleted credential, or another workspace).',
    fixes: ["Check the key against the consumer's key-auth credentials in this Kong workspace."],
    source: KEY_AUTH,
  },
  {
    id: 'kong.invalid_credentials',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus15,
    body: INVALID_CREDENTIALS,
    anyHeader: KONG,
    title: 'Kong rejected the credentials',
    summary: 'A Kong auth plugin (key-auth, basic-auth, …) found credentials that match no consumer.',
    fixes: ["Check the credential against the consumer's credentials for the auth plugin on this route."],
    source: KEY_AUTH,
  },
  {
    id: 'kong.token_expired',
    vendor: V,
    group: G,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: /"exp"\s*:\s*"token\s+expired"/i,
    title: 'The JWT has expired (Kong jwt plugin)',
    summary: "Kong's jwt plugin verified the exp claim and it is in the past.",
    fixes: ['Get a fresh token and retry.'],
    source: JWT,
  },
  {
    id: 'kong.jwt_invalid',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    body: /"message"\s*:\s*"(?:Invalid\s+signature|Bad\s+token;\s*invalid\s+JSON|No\s+credentials\s+found\s+for\s+given\s+'?iss'?|Invalid\s+algorithm)"/i,
    title: "Kong's jwt plugin rejected the token",
    summary: "The JWT's signature, iss (key claim) or algorithm does not match a consumer's jwt credential.",
    fixes: [
      "Check the token's iss matches a consumer jwt credential key, and that it is signed with that credential's secret or key.",
    ],
    source: JWT,
  },
  {
    id: 'kong.oauth_missing',
    vendor: V,
    group: G,
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /The\s+access\s+token\s+is\s+missing/i,
    title: 'Kong wants an OAuth access token',
    summary: 'The oauth2 plugin found no access token in the request.',
    fixes: ['Send "Authorization: Bearer <token>" (or access_token) obtained from the plugin\'s token endpoint.'],
    source: OAUTH,
  },
  {
    id: 'kong.oauth_invalid',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus10,
    body: /The\s+access\s+token\s+is\s+invalid\s+or\s+has\s+expired/i,
    title: 'Kong rejected the access token (invalid or expired)',
    summary: 'The oauth2 plugin does not know this token, or its lifetime is over; Kong uses one message for both.',
    fixes: ['Refresh the token; if a fresh one also fails, it was issued for another service or workspace.'],
    source: OAUTH,
  },
  {
    id: 'kong.hmac_mismatch',
    vendor: V,
    group: G,
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.likelyPlus5,
    body: /HMAC\s+signature\s+does\s+not\s+match/i,
    title: 'The HMAC signature does not match (Kong hmac-auth)',
    summary:
      'Kong recomputed the HMAC over the signed headers and got a different value: wrong secret, or headers changed after signing.',
    fixes: [
      "Sign exactly the headers listed in the Authorization header, with the consumer's secret, and send them unchanged.",
    ],
    source: HMAC,
  },
  {
    id: 'kong.hmac_date',
    vendor: V,
    group: G,
    cause: 'clock.skew',
    confidence: CONFIDENCE.possible,
    body: /HMAC\s+signature\s+cannot\s+be\s+verified,\s+a\s+valid\s+date\s+or\s+x-date\s+header\s+is\s+required/i,
    title: 'Kong hmac-auth rejected the request date',
    summary: "The Date / X-Date header is missing or further from Kong's clock than clock_skew (300 s by default).",
    fixes: ['Send a current Date or X-Date header and sync the client clock.'],
    source: HMAC,
  },
  {
    id: 'kong.rate_limit',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    status: [429, 403],
    body: /"message"\s*:\s*"API\s+rate\s+limit\s+exceeded/i,
    anyHeader: [
      ...KONG,
      { name: 'x-ratelimit-remaining-minute' },
      { name: 'x-ratelimit-remaining-second' },
      { name: 'ratelimit-remaining' },
    ],
    title: 'Kong rate limit exceeded',
    summary:
      "The rate-limiting plugin's limit for this consumer, credential or IP is used up for the current time window (see RateLimit-Reset).",
    fixes: ['Wait for the window in RateLimit-Reset / Retry-After, then retry with backoff.'],
    source: RATE,
  },
  {
    id: 'kong.acl',
    vendor: V,
    group: G,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: /You\s+cannot\s+consume\s+this\s+service/i,
    title: 'Kong ACL: this consumer may not use this service',
    summary:
      'The consumer authenticated, but the acl plugin does not allow any of its groups on this route or service.',
    fixes: ["Add the consumer to a group in the plugin's allow list (or remove it from the deny list)."],
    source: ACL,
  },
  {
    id: 'kong.ip_restriction',
    vendor: V,
    group: G,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    // The wording is any server's; only Kong's headers make it Kong's (its sample proved the row
    // claimed every "Your IP address is not allowed", silencing the shared wording row).
    anyHeader: KONG,
    body: /Your\s+IP\s+address\s+is\s+not\s+allowed|"message"\s*:\s*"IP\s+address\s+not\s+allowed/i,
    title: 'Kong ip-restriction blocks the client IP',
    summary: "The ip-restriction plugin's allow/deny list refuses the caller's address.",
    fixes: ["Add the client's public IP (as Kong sees it, after trusted_ips / real_ip settings) to the allow list."],
    source: IP,
  },
  {
    id: 'kong.unauthorized.key',
    vendor: V,
    group: G,
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.possiblePlus10,
    body: UNAUTHORIZED,
    anyHeader: KONG,
    requires: 'api-key',
    title: 'Kong refused the API key ("Unauthorized")',
    summary:
      'A Kong auth plugin answered "Unauthorized" to a request that carried an API key: the key matches no consumer credential.',
    fixes: [
      "Check the key against the consumer's credentials in this Kong workspace, and the header name the plugin reads.",
    ],
    source: KEY_AUTH,
  },
  {
    id: 'kong.unauthorized.missing',
    vendor: V,
    group: G,
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus10,
    body: UNAUTHORIZED,
    anyHeader: KONG,
    requires: 'no-credentials',
    title: 'Kong wants credentials',
    summary: 'A Kong auth plugin (jwt, basic-auth, …) answered "Unauthorized" and the request carried none.',
    fixes: ["Send the credential the route's auth plugin expects."],
    source: JWT,
  },
  {
    id: 'kong.unauthorized',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possible,
    body: UNAUTHORIZED,
    anyHeader: KONG,
    title: 'Kong rejected the credentials ("Unauthorized")',
    summary: 'A Kong auth plugin answered "Unauthorized": the credential is malformed or matches no consumer.',
    fixes: ['Check the credential format and the consumer it should belong to.'],
    source: JWT,
  },
];
