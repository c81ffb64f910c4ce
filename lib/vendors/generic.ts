import { anyOf } from '../core/any-of';
import type { CauseId } from '../core/causes';
import type { Signature } from './types';
import { CONFIDENCE, type Confidence } from '../core/confidence';

// Wording many APIs share without a documented vendor code ("API key expired", "CSRF token
// mismatch", "IP address not allowed"). One group: the first (most specific) row speaks, at
// "strong inference" confidence, below every vendor row. Only the head of the body counts, so
// an app shell that happens to bundle such strings further down is not read as an error.
const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/';
function sourceFor(cause: CauseId): string {
  if (cause === 'csrf.invalid')
    return 'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html';
  if (cause === 'rate_limit.exceeded' || cause === 'quota.exceeded') return `${MDN}429`;
  return cause.startsWith('auth.') || cause.startsWith('api_key.') ? `${MDN}401` : `${MDN}403`;
}
const HEAD = 4000;

const HTTPS_REQUIRED = /\b(?:SSL|HTTPS|TLS)\s+(?:is\s+)?required\b|\bmust\s+use\s+HTTPS\b|\bHTTPS\s+only\b/;

function near(pattern: RegExp): RegExp {
  return new RegExp(`^[\\s\\S]{0,${HEAD}}?(?:${pattern.source})`, 'i');
}

function row(
  id: string,
  cause: CauseId,
  confidence: Confidence,
  pattern: RegExp,
  title: string,
  summary: string,
  fixes: string[],
  extra: Partial<Signature> = {},
): Signature {
  return {
    id: `generic.${id}`,
    vendor: 'common wording',
    group: 'generic',
    generic: true,
    cause,
    confidence,
    body: near(pattern),
    title,
    summary,
    fixes,
    source: sourceFor(cause),
    ...extra,
  };
}

export const GENERIC: readonly Signature[] = [
  row(
    'csrf',
    'csrf.invalid',
    CONFIDENCE.possiblePlus15,
    anyOf(
      /\b(?:CSRF|XSRF)\b[^.\n]{0,40}?\b(?:missing|invalid|mismatch|failed|incorrect|expired|not\s+(?:found|valid))\b/,
      /\b(?:invalid|missing|bad)\s+(?:CSRF|XSRF)\b/,
    ),
    'The error says the CSRF token is missing or invalid',
    "The server's CSRF protection refused the unsafe request.",
    [
      'Send the CSRF token the page provides (cookie or meta tag) in the header the server reads, with the session cookie.',
    ],
  ),
  row(
    'token_expired',
    'auth.token_expired',
    CONFIDENCE.possiblePlus15,
    anyOf(
      // Not "Token expired or invalid" / "Invalid or expired token": a hedge is no claim of expiry (INVALID_OR_EXPIRED).
      /\b(?:access|auth(?:entication)?|bearer|id|jwt|session)?[\s_-]?token\s+(?:has\s+|is\s+)?expired\b(?!\s+or\s+(?:is\s+)?(?:invalid|revoked|not\s+valid|unknown))/,
      /(?<!\b(?:invalid|bad|unknown|revoked)\s+or\s+)\bexpired[\s_-]token\b|\btoken[\s_-]expired\b(?!\s+or\s+(?:is\s+)?(?:invalid|revoked|not\s+valid|unknown))/,
    ),
    'The error says the token has expired',
    'The response body says the token expired. Tokens have a fixed lifetime; this one is over.',
    ['Refresh the token (or sign in again) and retry; if a fresh token fails too, compare client and server clocks.'],
  ),
  row(
    'api_key_expired',
    'api_key.expired',
    CONFIDENCE.possiblePlus15,
    /\bAPI[\s_-]?key\s+(?:has\s+)?(?:expired|been\s+(?:revoked|disabled|deactivated)|is\s+(?:revoked|disabled|deactivated|suspended))/,
    'The error says the API key is expired or revoked',
    'The key was recognised but is no longer active (expired, revoked or disabled).',
    ["Issue a new key in the provider's console and deploy it."],
  ),
  row(
    'api_key_invalid',
    'api_key.invalid',
    CONFIDENCE.possiblePlus15,
    anyOf(
      /\b(?:invalid|incorrect|unknown|bad|wrong)\s+API[\s_-]?key\b/,
      /\bAPI[\s_-]?key\s+(?:is\s+)?(?:invalid|not\s+valid|incorrect|not\s+recogni[sz]ed)/,
    ),
    'The error says the API key is invalid',
    'A key was sent and the API does not recognise it.',
    ['Copy the key again from the provider (right account and environment) and check it is not truncated or quoted.'],
  ),
  // "API key not found" means "no key here" to some APIs and "unknown key" to others: with a key
  // (or any credential) sent it is the second, so it only reads as missing when nothing was sent.
  row(
    'api_key_not_found_sent',
    'api_key.invalid',
    CONFIDENCE.possiblePlus15,
    /\bAPI[\s_-]?key\s+(?:was\s+)?not\s+found\b/,
    'The error says the API key sent is unknown',
    'A credential was sent and the API could not find a key matching it: it is mistyped, deleted or from another environment.',
    ['Copy the key again from the provider (right account and environment) and check it is not truncated or quoted.'],
    { requires: 'credentials' },
  ),
  row(
    'api_key_missing',
    'api_key.missing',
    CONFIDENCE.possiblePlus15,
    anyOf(
      /\bAPI[\s_-]?key\s+(?:is\s+)?(?:missing|required|not\s+(?:provided|found|supplied|present))/,
      /\bmissing\s+(?:an?\s+)?API[\s_-]?key\b|\bno\s+API[\s_-]?key\b/,
    ),
    'The error says an API key is required',
    'The API expects a key and found none where it looks (header or query parameter name matter).',
    ['Send the key in the header or query parameter the API documents (e.g. X-API-Key).'],
  ),
  row(
    'ip',
    'ip.blocked',
    CONFIDENCE.possiblePlus10,
    anyOf(
      /\b(?:your\s+)?IP(?:\s+address)?\s+(?:\S+\s+)?(?:is\s+)?not\s+(?:allowed|permitted|whitelisted|allowlisted|authori[sz]ed)\b/,
      /\bIP(?:\s+address)?\s+(?:has\s+been\s+|is\s+)?(?:blocked|banned|blacklisted|denied)\b/,
      // Transmission's rpc-whitelist page: 403 "Unauthorized IP Address." (libtransmission/rpc-server.c).
      /\b(?:unauthori[sz]ed|disallowed|forbidden|blocked|banned)\s+IP(?:\s+address)?\b/,
      /block\s+access\s+from\s+your\s+(?:country|region)/,
      /not\s+available\s+in\s+your\s+(?:country|region)/,
    ),
    "The error says the client's IP or country is not allowed",
    "The server restricts callers by network location and this client's IP (or country) is not allowed.",
    ['Call from an allowed network, or ask the API owner to allow this IP range.'],
  ),
  row(
    'https',
    'https.required',
    CONFIDENCE.possiblePlus15,
    HTTPS_REQUIRED,
    'The error says HTTPS is required',
    'The resource only accepts TLS and the request used plain http.',
    ['Call the https:// URL.'],
  ),
  row(
    'quota',
    'quota.exceeded',
    CONFIDENCE.possiblePlus15,
    anyOf(
      /\bquota\s+(?:has\s+been\s+)?(?:exceeded|exhausted|reached|used\s+up)\b/,
      /\b(?:exceeded|reached)\s+(?:your|the)\s+(?:\w+\s+)?quota\b|\bout\s+of\s+quota\b/,
    ),
    'The error says a quota is used up',
    'A longer-term allowance (daily, monthly or plan quota) is spent; retrying soon will not help.',
    ["Wait for the quota period to reset or raise the plan's quota."],
  ),
  // A sign-in lock after failed attempts, which refuses the right password too until it lifts: Transmission's RPC
  // answers 403 "Too many unsuccessful login attempts. Please restart transmission-daemon." after 100 failures
  // (libtransmission/rpc-server.c, 3.00); WordPress lockout plugins and django-axes word theirs alike.
  row(
    'login_attempts',
    'rate_limit.exceeded',
    CONFIDENCE.possiblePlus15,
    /\btoo\s+many\s+(?:\w+\s+){0,2}(?:login|log-?in|sign-?in|authentication|password)\s+attempts\b/,
    'The error says there were too many failed sign-in attempts',
    'The server counts failed sign-ins and, past its limit, refuses every attempt for a while (or until it is ' +
      'restarted), the right password included.',
    [
      'Stop the client that keeps sending a wrong password; wait for the lock to lift (or restart/unlock it as the server documents), then sign in once with the right one.',
    ],
  ),
  // A development server's or daemon's DNS-rebinding guard refusing the Host header: Syncthing's GUI 403 "Host check
  // error" (lib/api/api.go, localhostMiddleware), Transmission's 421 "… the hostname was unrecognized"
  // (rpc-host-whitelist), webpack-dev-server's 403 "Invalid Host header" (allowedHosts), Vite's 403 "Blocked request.
  // This host (…) is not allowed." (server.allowedHosts). A security rule on the request, not on the caller.
  row(
    'host_check',
    'waf.blocked',
    CONFIDENCE.possiblePlus20,
    anyOf(
      /\bhost\s+check\s+error\b|\bhostname\s+was\s+unrecognized\b|\binvalid\s+host\s+header\b/,
      /\bblocked\s+request\.\s+this\s+host\s+\([^)]{0,200}\)\s+is\s+not\s+allowed\b/,
    ),
    'The server refused the Host name the request was sent to (a DNS-rebinding guard)',
    'The server only answers the host names on its allow-list (localhost and its own address by default), so a ' +
      'call through another name (a proxy, a LAN name, a tunnel) is refused before anything else is read.',
    [
      "Add the name to the server's allowed hosts (Syncthing: insecureSkipHostcheck or the GUI address; Transmission: rpc-host-whitelist; Vite: server.allowedHosts; webpack-dev-server: allowedHosts), or have the proxy send the Host the server expects.",
    ],
    { status: [403, 421], flags: true },
  ),
  row(
    'rate',
    'rate_limit.exceeded',
    CONFIDENCE.possiblePlus10,
    /\brate[\s_-]?limit(?:ed|\s+(?:exceeded|reached|hit))\b|\btoo\s+many\s+requests\b/,
    'The error says the client is rate-limited',
    'The server counted too many requests from this client in a short time span.',
    ['Back off and retry later, honouring Retry-After when present.'],
  ),
  row(
    'billing',
    'billing.disabled',
    CONFIDENCE.possiblePlus5,
    anyOf(
      /\bbilling\s+(?:is\s+)?(?:not\s+enabled|disabled|required|inactive)\b/,
      /\baccount\s+(?:is\s+|has\s+been\s+)?(?:suspended|past\s+due|deactivated)\b/,
    ),
    'The error says billing or the account is not active',
    'The account behind the credentials is suspended, unpaid or has no billing set up.',
    ["Check the account's billing and status in the provider's console."],
  ),
  row(
    'auth_missing',
    'auth.missing',
    CONFIDENCE.possiblePlus10,
    anyOf(
      /\b(?:authentication|authori[sz]ation(?:\s+header)?|credentials?|access\s+token|bearer\s+token|auth\s+token)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:required|missing|not\s+(?:provided|present|found|supplied))\b/,
      /\bmissing\s+(?:authentication|authori[sz]ation|credentials|access\s+token|bearer\s+token)\b/,
    ),
    'The error says credentials are required',
    'The body says authentication is required and the request carried no Authorization header or API key.',
    ['Send the credential the API documents (usually "Authorization: Bearer <token>").'],
    // A key sent in its own header is a credential sent: Fastly's "Provided credentials are missing or invalid" to a
    // request with a Fastly-Key (https://www.fastly.com/documentation/reference/api/#authentication) is about that key.
    { requires: 'no-token' },
  ),
];

/**
 * Shared wording that the request bears out: "HTTPS is required" said to a request that did go over
 * plain http. The two agree, which says more than a vendor's broad code beside them (Google's
 * PERMISSION_DENIED for YouTube's "SSL is required to perform this operation.",
 * test/fixtures/realworld/adobe__helix-embed). Not generic, so it speaks beside vendor rows, in a
 * group of its own; listed before the shared wording (lib/vendors/index.ts).
 */
export const CORROBORATED_WORDING: readonly Signature[] = [
  row(
    'https-plain',
    'https.required',
    CONFIDENCE.likelyPlus5,
    HTTPS_REQUIRED,
    'The error says HTTPS is required, and the request used plain http',
    'The resource only accepts TLS and the request went over http://.',
    ['Call the https:// URL.'],
    { generic: false, group: 'generic.https-plain', requires: 'plain-http' },
  ),
];
