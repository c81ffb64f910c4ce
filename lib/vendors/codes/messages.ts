import { anyOf } from '../../core/any-of';
import {
  CREDENTIAL_REFUSED,
  INVALID_OR_EXPIRED,
  KEY_REFUSED,
  NO_CREDENTIAL,
  RIGHT_REFUSED,
  TOKEN_REFUSED,
  UNKNOWN_ACCOUNT,
} from './refusal-wording';
import type { CodeRow } from './types';

/**
 * When a structured body states its reason only in words (no code, or a code no table knows),
 * the message itself is read with these patterns. They run on the message field the reader
 * extracted, never on a whole page, rank "possible" (a vendor's code or signature says more), and
 * do not flag an entry on their own: only the stricter sentences of refusal-wording.ts do.
 */
export interface MessageRow extends Omit<CodeRow, 'codes' | 'message' | 'refusal'> {
  pattern: RegExp;
}

export const MESSAGES_SOURCE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/401';

// An access key (id) is a key too: S3-compatible stores and cloud APIs name theirs so.
const KEY = String.raw`api[\s_-]?key|subscription[\s_-]?key|app(?:lication)?[\s_-]?key|access[\s_-]?key(?:[\s_-]?id)?`;

// An IPv4 or IPv6 literal as a message prints the caller's address (IPv6: at least two colons).
const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})`;

export const MESSAGE_ROWS: readonly MessageRow[] = [
  // First: "CSRF token missing or incorrect." (Django) names a token and says it is missing, which the
  // credential rows below would read as no credential. Django's CSRF failure reasons, Laravel's "CSRF
  // token mismatch.", csurf's "invalid csrf token".
  // https://docs.djangoproject.com/en/5.1/ref/csrf/ , https://github.com/expressjs/csurf#custom-error-handling
  {
    pattern: /\b(?:csrf|xsrf)\b/i,
    cause: 'csrf.invalid',
    level: 'possible',
    means: 'the anti-CSRF token was missing or did not match',
    fixes: ['Send the CSRF token the server issued (cookie and header or form field together), from the same session.'],
  },
  {
    pattern:
      /invalid\s+signature|signature\s+(?:does\s+not|doesn't|did\s+not)\s+match|signature\s+mismatch|bad\s+signature|signature\s+is\s+(?:invalid|not\s+valid)/i,
    cause: 'signature.mismatch',
    level: 'possible',
    means: 'the request signature did not verify',
    fixes: [
      'Recompute the signature exactly as the API documents (canonical string, secret, timestamp) and sign just before sending.',
    ],
  },
  {
    pattern: new RegExp(String.raw`(?:${KEY})[^.;]{0,20}(?:expired|revoked|disabled)`, 'i'),
    cause: 'api_key.expired',
    level: 'possible',
    means: 'the key is expired or revoked',
    fixes: ["Issue a new key in the provider's console and deploy it."],
  },
  {
    pattern: anyOf(
      new RegExp(
        // "Invalid API key", "API key not valid", "The API key provided is invalid" (Stripe's wording family),
        // "Your API key may be invalid" (Mailchimp), "The access key ID is not valid".
        String.raw`(?:invalid|unknown|incorrect|bad)\s+(?:${KEY})|(?:${KEY})\s+(?:(?:you\s+)?(?:provided|supplied|given|sent)\s+)?(?:was\s+|is\s+|may\s+be\s+)?(?:not\s+found|invalid|not\s+valid|incorrect|unknown|does\s+not\s+exist)`,
      ),
      KEY_REFUSED,
      'i',
    ),
    cause: 'api_key.invalid',
    level: 'possible',
    means: 'the key sent is not recognised',
    fixes: ['Copy the key again from the provider (right account and environment).'],
  },
  {
    pattern: new RegExp(
      // "You did not provide an API key." / "You didn't provide an API key." (Stripe, OpenAI); "x-api-key header
      // is required" (Anthropic, https://docs.anthropic.com/en/api/errors); 'The "X-API-Key" header is required.' (Falcon).
      String.raw`(?:missing|no)\s+(?:an?\s+)?(?:${KEY})|(?:${KEY})["']?(?:\s+(?:header|parameter))?\s+(?:is\s+)?(?:missing|required|not\s+provided)|(?:did\s+not|didn['’]?t)\s+(?:provide|send|include|supply)\s+(?:an?\s+|the\s+|your\s+)?(?:${KEY})`,
      'i',
    ),
    cause: 'api_key.missing',
    level: 'possible',
    means: 'no key was found where the API looks for it',
    fixes: ['Send the key in the header or query parameter the API documents.'],
  },
  {
    pattern:
      /(?:token|credentials?|key)\b[^.;]{0,40}(?:length\s+0\b|is\s+empty|was\s+empty)|empty\s+(?:token|credentials?|authorization)/i,
    cause: 'auth.missing',
    level: 'possible',
    means: 'the credential arrived empty',
    fixes: ['Make sure the credential is loaded before the request is built, and not sent empty.'],
  },
  // A token minted for another API: Envoy's "Audiences in Jwt are not allowed" (a 403, from
  // jwt_verify_lib's getStatusString, https://github.com/google/jwt_verify_lib/blob/master/src/status.cc),
  // jsonwebtoken's "jwt audience invalid. expected: …", ASP.NET's "IDX10214: Audience validation failed",
  // Spring's "The aud claim is not valid". The credential was read and refused, whatever the status.
  {
    pattern: anyOf(
      // The token is named, so a marketing API's "audience" (a mailing list) is not read as one.
      /\baudiences?\s+in\s+(?:the\s+)?(?:jwt|token)\s+(?:are|is)\s+not\s+(?:allowed|valid)/,
      /\b(?:jwt|token)\s+audience\s+(?:is\s+)?(?:invalid|not\s+valid|mismatch|not\s+allowed)/,
      /\baudience\s+validation\s+failed\b|\baud\s+claim\s+is\s+(?:not\s+valid|invalid)\b/,
      'i',
    ),
    cause: 'auth.invalid',
    level: 'possible',
    means: 'the token was issued for another audience (its aud claim names another API)',
    fixes: [
      "Request the token for this API's audience (the resource or audience parameter at the token endpoint), and compare the token's aud with the audience the API is configured to accept.",
    ],
  },
  // Before the expiry row, which would read "Invalid or expired token" as an expiry the server did not claim.
  {
    pattern: INVALID_OR_EXPIRED,
    cause: 'auth.invalid',
    level: 'possible',
    means: 'the token was refused, as invalid or as expired (the server does not say which)',
    fixes: [
      'Sign in again (or refresh the token) and retry; if a fresh token is refused too, the token is wrong, not old: check which one the client sends.',
    ],
  },
  {
    pattern: anyOf(
      /\b(?:token|jwt|credentials?|session)\b[^.;]{0,30}\b(?:has\s+)?expired\b/,
      /\bexpired\s+(?:access\s+)?(?:token|jwt|credentials?|session)\b/,
      'i',
    ),
    cause: 'auth.token_expired',
    level: 'possible',
    means: 'the token or session expired',
    fixes: ['Refresh the token (or sign in again) and retry.'],
  },
  {
    pattern: anyOf(
      /not\s+well[\s-]?formed|\bmalformed\b|could\s+not\s+(?:be\s+)?(?:parsed|decoded)/,
      /invalid\s+(?:authorization\s+)?header\s+format|invalid\s+format\s+for\s+authorization/,
      'i',
    ),
    cause: 'auth.malformed',
    level: 'possible',
    means: 'the server could not read the credential',
    fixes: [
      'Send the credential in the exact form the API documents ("Bearer <token>"), without quotes or whitespace.',
    ],
  },
  {
    pattern: anyOf(
      // "The request is missing an authentication token", "missing client token" (Vault).
      /(?:missing|no)\s+(?:an?\s+|the\s+)?(?:auth\w*|access\s+token|bearer\s+token|client\s+token|session\s+token|token|credentials?)\b/,
      /(?:token|credentials?|authori[sz]ation(?:\s+header)?)\s+(?:is\s+|was\s+)?(?:missing|required|not\s+provided|not\s+present)/,
      /authentication\s+(?:is\s+)?required|not\s+(?:logged|signed)\s+in|login\s+required/,
      /must\s+be\s+(?:authenticated|logged\s+in|signed\s+in)|\bnot\s+authenticated\b/,
      // "Requires authentication" (GitHub), "You need to sign in or sign up before continuing." (Devise), "Please log in".
      /\brequires?\s+(?:user\s+)?authentication\b|\b(?:need|have)\s+to\s+(?:log|sign)\s+in\b|\bplease\s+(?:log|sign)\s+in\b/,
      /^\W*unauthenticated\W*$/,
      NO_CREDENTIAL,
      'i',
    ),
    cause: 'auth.unauthenticated',
    level: 'possible',
    means: 'the server did not find credentials it could use',
    fixes: ['Attach the credential the API expects to this call.'],
  },
  {
    pattern: anyOf(
      /invalid\s+(?:access\s+|auth\w*\s+|bearer\s+|api\s+|id\s+)?token/,
      /token\s+(?:is\s+)?(?:invalid|not\s+valid|revoked|unknown)|bad\s+credentials/,
      // "Request had invalid authentication credentials." (Google), "Invalid client credentials".
      /invalid\s+(?:(?:authentication|auth|client|user|login)\s+)?(?:credentials|password|username|user\s+name|login)/,
      // "The security token included in the request is invalid." (AWS STS), "bad auth token".
      /\b(?:security|session|auth\w*|access)\s+token\b[^.;]{0,40}\b(?:is|was)\s+(?:invalid|not\s+valid)\b|\bbad\s+(?:auth\w*\s+|access\s+)?token\b/,
      // "Couldn't authenticate you" (Zendesk, Twitter), "Could not validate credentials" (FastAPI's tutorial).
      /\bcredentials?\s+(?:could\s+not|cannot|can['’]?t)\s+be\s+(?:validated|verified|authenticated)\b/,
      /\bcould\s*n['’]?t\s+authenticate\b|\b(?:could\s+not|couldn['’]?t|unable\s+to)\s+(?:validate|verify)\s+(?:the\s+|your\s+)?(?:credentials|token)\b/,
      /(?:incorrect|wrong)\s+(?:username|user\s+name|password|login|credentials)|(?:username|password)\s+(?:is\s+)?(?:incorrect|wrong)/,
      /authentication\s+(?:failed|error)|(?:could\s+not|unable\s+to)\s+authenticate/,
      /identity\s+of\s+the\s+calling\s+application\s+could\s+not\s+be\s+established/,
      CREDENTIAL_REFUSED,
      TOKEN_REFUSED,
      'i',
    ),
    cause: 'auth.invalid',
    level: 'possible',
    means: 'the credential was not accepted',
    fixes: ['Use a valid credential for this environment and API; re-authenticate.'],
  },
  {
    pattern: anyOf(
      /insufficient\s+scopes?|missing\s+(?:required\s+)?scopes?/,
      /scopes?\s+(?:is\s+|are\s+)?(?:required|insufficient|missing)/,
      /not\s+granted\s+the\s+required\s+scope/,
      'i',
    ),
    cause: 'permission.insufficient_scope',
    level: 'possible',
    means: 'the token lacks a scope this call needs',
    fixes: ['Request the scope when obtaining the token and use the new token.'],
  },
  {
    pattern: /rate[\s-]?limit|too\s+many\s+(?:\w+\s+){0,2}(?:requests|attempts|calls)|throttl/i,
    cause: 'rate_limit.exceeded',
    level: 'possible',
    means: 'too many requests',
    fixes: ['Back off and retry later; honour Retry-After.'],
  },
  {
    pattern: /quota/i,
    cause: 'quota.exceeded',
    level: 'possible',
    means: 'a quota is used up',
    fixes: ['Wait for the quota to reset or raise it.'],
  },
  // A refusal whose subject is the caller's network address: the onError of Hono's ip-restriction docs
  // ("Access denied for ${remote.addr}", https://hono.dev/docs/middleware/builtin/ip-restriction) and
  // express-ipfilter's IpDeniedError ("Access denied to IP address: <ip>", https://github.com/jetersen/express-ipfilter).
  // Before the permission row, whose "access denied" would take it.
  {
    pattern: new RegExp(
      String.raw`\b(?:denied|forbidden|blocked|refused|rejected|not\s+(?:allowed|permitted))\s+(?:for|to|from)\s+(?:(?:the\s+|your\s+)?(?:client\s+|remote\s+)?ip(?:\s+address)?:?\s+)?${IP}|${IP}\s+(?:is\s+)?(?:not\s+(?:allowed|permitted)|blocked|denied|forbidden)\b`,
      'i',
    ),
    cause: 'ip.blocked',
    level: 'possible',
    means: "the caller's network address is not allowed",
    fixes: ['Call from an allowed network, or ask the API owner to allow this address (or range).'],
  },
  // A filtering proxy or firewall naming what it did, often in the status text alone: tinyproxy's
  // `Filter` answers "403 Filtered" with no body (https://tinyproxy.github.io/ , FilterDefaultDeny),
  // Privoxy "Request blocked by Privoxy", appliance pages titled "Web Page Blocked". Before the
  // permission row, whose "denied" would take "denied by the firewall".
  {
    pattern: anyOf(
      /^\W*(?:(?:request|url|web\s*page|website|site|page|content)\s+)?(?:filtered|blocked)\W*$/,
      /\b(?:blocked|filtered|denied|rejected)\s+by\s+(?:the\s+|a\s+|our\s+|your\s+)?(?:content\s+|url\s+|web\s+)?(?:filter(?:ing)?|firewall|waf|security\s+(?:policy|policies|rules?)|proxy\s+polic(?:y|ies)|privoxy)\b/,
      'i',
    ),
    cause: 'waf.blocked',
    level: 'possible',
    means: 'a filter or firewall on the way blocked the request',
    fixes: [
      "Check the filtering proxy's or firewall's rules (its log names the rule); ask its owner for an exception if the request is legitimate.",
    ],
  },
  // An endpoint the server was started without: Prometheus answers POST /-/reload and /-/quit 403 "Lifecycle API is
  // not enabled." unless run with --web.enable-lifecycle (web/web.go). Nothing the caller sends opens it; the operator
  // turns it on. Before the permission row, which reads any 403.
  {
    pattern:
      /\b(?:api|apis|endpoints?|feature)\b[^.;]{0,20}?\b(?:is|are)\s+(?:not\s+enabled|disabled|switched\s+off|turned\s+off)\b/i,
    cause: 'service.disabled',
    level: 'possible',
    means: 'the endpoint is switched off on this server',
    fixes: ['Enable the API on the server (its start-up flag or setting), or call an endpoint it serves.'],
  },
  // A credential whose account the server does not know, said to a refused call (a 401/403): InfluxDB 1.x answers a
  // valid bearer JWT naming an unknown user 401 {"error":"user not found"} (services/httpd/handler.go). The account
  // named by the credential was looked up: the credential was read and not accepted. (Said of a GET /users/5 it is a
  // 404 and no refusal: these rows only explain an entry already flagged.)
  {
    pattern: UNKNOWN_ACCOUNT,
    cause: 'auth.invalid',
    level: 'possible',
    means: 'the user the credential names does not exist on this server',
    fixes: [
      'Use a credential for an account that exists in this environment (create the user, or fix the name in the token).',
    ],
  },
  {
    pattern: anyOf(
      /permission|not\s+(?:authori[sz]ed|allowed|permitted)\s+to|access\s+(?:is\s+)?denied/,
      /forbidden|insufficient\s+privileges|do(?:es)?\s+not\s+have\s+access/,
      // "Resource not accessible by integration" (GitHub), "Must have admin rights to Repository.",
      // "Missing Permissions" / "Missing Access" (Discord), "requested access to the resource is denied"
      // (Docker registry), "This action is unauthorized." (Laravel), "new row violates row-level
      // security policy" (PostgreSQL via PostgREST/Supabase).
      /\bnot\s+accessible\s+(?:by|to|with)\b|\bmust\s+have\s+(?:\w+\s+){0,2}(?:rights|permissions?|privileges|role)\b/,
      /^\W*missing\s+(?:access|permissions?)\W*$|\baccess\s+to\s+(?:the\s+|this\s+)?(?:\w+\s+)?(?:is\s+)?denied\b/,
      /\b(?:action|operation)\b[^.;]{0,60}\bis\s+unauthori[sz]ed\b|\brow[\s-]level\s+security\b/,
      RIGHT_REFUSED,
      'i',
    ),
    cause: 'permission.denied',
    level: 'possible',
    means: 'the caller is not allowed to do this',
    fixes: ["Check the identity's role, ACL or policy for this resource."],
  },
];
