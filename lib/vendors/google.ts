import { anyOf } from '../core/any-of';
import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Google APIs answer {"error":{"code","message","status","details":[{"reason":…}]}} (AIP-193)
// or the older {"error":{"errors":[{"reason":…}]}}. Reasons are exact upper-case (or camelCase)
// codes, matched case-sensitively so Apigee's "access_token_expired" is not read as Google's.
// The message tells apart what one reason covers (API_KEY_INVALID: bad or expired key).
const AIP193 = 'https://cloud.google.com/apis/design/errors';
const API_KEYS = 'https://cloud.google.com/docs/authentication/api-keys';
const QUOTA = 'https://cloud.google.com/docs/quotas/troubleshoot';
const V = 'Google APIs';
const KEY_STATUSES = [400, 401, 403];
// Wording alone counts only inside a Google-shaped error ("status": "PERMISSION_DENIED", "domain").
const GOOGLE_ERROR = /"status"\s*:\s*"[A-Z_]{5,}"|"domain"\s*:\s*"[\w.]+"|googleapis\.com/;

type Base = Omit<Signature, 'vendor' | 'body'>;

/** One row for the exact code, one for the documented wording; code first. */
function rows(base: Base, code: RegExp | null, text: RegExp | null): Signature[] {
  const out: Signature[] = [];
  if (code) out.push({ ...base, vendor: V, group: 'google', body: code });
  if (text) out.push({ ...base, id: `${base.id}.text`, vendor: V, group: 'google', body: [text, GOOGLE_ERROR] });
  return out;
}

export const GOOGLE: readonly Signature[] = [
  ...rows(
    {
      id: 'google.api_key_expired',
      cause: 'api_key.expired',
      confidence: CONFIDENCE.certain,
      status: KEY_STATUSES,
      flags: true,
      title: 'The Google API key has expired',
      summary:
        'Google answers 400 API_KEY_INVALID with "API key expired. Please renew the API key." (the ' +
        'status says "bad request", but the key is the problem).',
      fixes: [
        "Create a new key in APIs & Services > Credentials (or renew the key's expiry) and replace it where the client reads it.",
      ],
      source: API_KEYS,
    },
    /\bAPI_KEY_EXPIRED\b/,
    /API\s+key\s+expired\.?\s+Please\s+renew\s+the\s+API\s+key/i,
  ),
  ...rows(
    {
      id: 'google.api_key_invalid',
      cause: 'api_key.invalid',
      confidence: CONFIDENCE.certain,
      status: KEY_STATUSES,
      flags: true,
      title: 'Google does not recognise the API key (API_KEY_INVALID)',
      summary:
        'Google answers 400 INVALID_ARGUMENT with reason API_KEY_INVALID: the key is mistyped, deleted, ' +
        'or from another project. The 400 status hides an authentication failure.',
      fixes: [
        'Copy the key again from APIs & Services > Credentials of the right project; check it is not truncated or quoted in the request.',
      ],
      source: AIP193,
    },
    /\bAPI_KEY_INVALID\b|"reason"\s*:\s*"keyInvalid"/,
    /API\s+key\s+not\s+(?:valid|found)/i,
  ),
  ...rows(
    {
      id: 'google.api_key_restricted',
      cause: 'api_key.restricted',
      confidence: CONFIDENCE.certain,
      title: "The Google API key's restrictions refuse this caller",
      summary:
        'The key is valid but its application restrictions (HTTP referrer, IP address, Android or ' +
        'iOS app) or API restrictions do not allow this request.',
      fixes: [
        "In APIs & Services > Credentials, edit the key: add this page's origin (e.g. https://example.com/*) " +
          "to the referrers, or this server's IP, or allow this API.",
        'Referrer-restricted keys only work from browsers that send a Referer; a strict Referrer-Policy can strip it.',
      ],
      source: 'https://cloud.google.com/api-keys/docs/add-restrictions-api-keys',
    },
    /\bAPI_KEY_(?:HTTP_REFERRER|IP_ADDRESS|ANDROID_APP|IOS_APP|SERVICE)_BLOCKED\b|"reason"\s*:\s*"ipRefererBlocked"/,
    anyOf(
      /Requests\s+from\s+(?:referer|this\s+(?:Android|iOS)\s+client\s+application)\s+\S*\s*are\s+blocked/,
      /API\s+key\s+has\s+an?\s+(?:IP\s+address|referer)\s+restriction/,
      /Requests\s+to\s+this\s+API\s+\S+\s+method\s+\S+\s+are\s+blocked/,
      'i',
    ),
  ),
  ...rows(
    {
      id: 'google.api_key_missing',
      cause: 'api_key.missing',
      confidence: CONFIDENCE.likelyPlus5,
      status: KEY_STATUSES,
      title: 'Google wants an API key (unregistered caller)',
      summary:
        'The call carried neither an API key nor OAuth credentials, so Google cannot tell which project is calling.',
      fixes: ['Pass the key as ?key=… or the X-Goog-Api-Key header, or authenticate with OAuth.'],
      source: API_KEYS,
    },
    /"reason"\s*:\s*"dailyLimitExceededUnreg"/,
    /Method\s+doesn't\s+allow\s+unregistered\s+callers|request\s+is\s+missing\s+a\s+valid\s+API\s+key/i,
  ),
  ...rows(
    {
      id: 'google.billing_disabled',
      cause: 'billing.disabled',
      confidence: CONFIDENCE.certain,
      title: 'Billing is not enabled on the Google Cloud project',
      summary: 'The API requires an active billing account on the calling project (reason BILLING_DISABLED).',
      fixes: ['Link an active billing account to the project named in the error (Billing > Account management).'],
      source: 'https://cloud.google.com/billing/docs/how-to/modify-project',
    },
    /\bBILLING_DISABLED\b|"reason"\s*:\s*"(?:accountDisabled|billingNotEnabled)"/,
    /requires\s+billing\s+to\s+be\s+enabled|billing\s+(?:account\s+)?(?:is\s+)?(?:not\s+enabled|disabled)/i,
  ),
  ...rows(
    {
      id: 'google.service_disabled',
      cause: 'service.disabled',
      confidence: CONFIDENCE.certain,
      title: 'The API is not enabled on the calling Google Cloud project',
      summary:
        'The project that owns the key or OAuth client has not enabled this API (reason SERVICE_DISABLED ' +
        '/ accessNotConfigured). Enabling takes a few minutes to propagate.',
      fixes: [
        'Enable the API named in the error for that project (the message links to it), wait a few minutes, and retry.',
        'Check the key or client belongs to the project you think.',
      ],
      source: 'https://cloud.google.com/service-usage/docs/enable-disable',
    },
    /\bSERVICE_DISABLED\b|"reason"\s*:\s*"accessNotConfigured"/,
    /has\s+not\s+been\s+used\s+in\s+project\s+\S+\s+before\s+or\s+it\s+is\s+disabled|\bAccess\s+Not\s+Configured\b/i,
  ),
  ...rows(
    {
      id: 'google.insufficient_scope',
      cause: 'permission.insufficient_scope',
      confidence: CONFIDENCE.certain,
      title: 'The Google access token lacks the required OAuth scope',
      summary: 'The token was valid but was not granted the scope this method needs (ACCESS_TOKEN_SCOPE_INSUFFICIENT).',
      fixes: [
        'Request the scope the method documents when obtaining consent, then get a new token (existing tokens keep their old scopes).',
      ],
      source: 'https://developers.google.com/identity/protocols/oauth2/scopes',
    },
    /\bACCESS_TOKEN_SCOPE_INSUFFICIENT\b|"reason"\s*:\s*"insufficientPermissions"/,
    /insufficient\s+authentication\s+scopes/i,
  ),
  ...rows(
    {
      id: 'google.access_token_expired',
      cause: 'auth.token_expired',
      confidence: CONFIDENCE.certain,
      title: 'The Google access token has expired',
      summary: 'Google access tokens live about an hour; this one is past its expiry (reason ACCESS_TOKEN_EXPIRED).',
      fixes: ['Refresh the token with the refresh token (client libraries do this automatically) and retry.'],
      source: AIP193,
    },
    /\bACCESS_TOKEN_EXPIRED\b/,
    null,
  ),
  ...rows(
    {
      id: 'google.credentials_missing',
      cause: 'auth.missing',
      confidence: CONFIDENCE.likelyPlus5,
      title: 'Google wants OAuth credentials and none were sent',
      summary: 'The method requires an OAuth 2 access token (or another credential) and the request carried none.',
      fixes: ['Send "Authorization: Bearer <access token>" obtained with the scope the method documents.'],
      source: AIP193,
    },
    /\bCREDENTIALS_MISSING\b/,
    /Request\s+is\s+missing\s+required\s+authentication\s+credential|"message"\s*:\s*"Login\s+Required\.?"/i,
  ),
  ...rows(
    {
      id: 'google.unauthenticated',
      cause: 'auth.invalid',
      confidence: CONFIDENCE.likely,
      title: 'Google rejected the credentials (UNAUTHENTICATED)',
      summary:
        'The Authorization header was present but Google could not validate it: a wrong token type ' +
        '(an ID token or a key instead of an access token), a revoked token, or one that has expired.',
      fixes: [
        'Send an OAuth 2 access token ("ya29…") as Bearer, not an ID token or API key.',
        'If the token is over an hour old, refresh it.',
      ],
      source: AIP193,
    },
    /\bACCESS_TOKEN_TYPE_UNSUPPORTED\b|"status"\s*:\s*"UNAUTHENTICATED"/,
    /Request\s+had\s+invalid\s+authentication\s+credentials|"message"\s*:\s*"Invalid\s+Credentials"/i,
  ),
  ...rows(
    {
      id: 'google.daily_quota',
      cause: 'quota.exceeded',
      confidence: CONFIDENCE.likelyPlus5,
      status: [403, 429],
      title: 'The Google API daily quota is used up',
      summary:
        'The project has spent a per-day quota (dailyLimitExceeded / quotaExceeded). It resets at midnight Pacific Time.',
      fixes: [
        'Wait for the daily reset or request a higher quota in IAM & Admin > Quotas.',
        'Check that the key or project is the one you think: a shared key burns a shared quota.',
      ],
      source: QUOTA,
    },
    /"reason"\s*:\s*"(?:dailyLimitExceeded|quotaExceeded)"/,
    /Quota\s+exceeded\s+for\s+quota\s+metric[^"]{0,300}?per\s+day|\bper\s*day\b[^"]{0,100}?quota|exceeded\s+your\s+(?:daily\s+)?quota/i,
  ),
  ...rows(
    {
      id: 'google.rate_limit',
      cause: 'rate_limit.exceeded',
      confidence: CONFIDENCE.likelyPlus5,
      status: [403, 429],
      title: 'Google is rate-limiting the calls (per-minute quota)',
      summary: 'A per-minute or per-user rate quota was exceeded (RATE_LIMIT_EXCEEDED / userRateLimitExceeded).',
      fixes: [
        'Retry with exponential backoff; spread calls out or batch them.',
        'Raise the per-minute quota in IAM & Admin > Quotas if the load is expected.',
      ],
      source: QUOTA,
    },
    /\bRATE_LIMIT_EXCEEDED\b|"reason"\s*:\s*"(?:userRateLimitExceeded|rateLimitExceeded)"/,
    /Quota\s+exceeded\s+for\s+quota\s+metric[^"]{0,300}?per\s+(?:minute|100\s+seconds|second)/i,
  ),
  {
    id: 'google.resource_exhausted_quota',
    vendor: V,
    group: 'google',
    cause: 'quota.exceeded',
    confidence: CONFIDENCE.possiblePlus15,
    status: [429, 403],
    body: [/\bRESOURCE_EXHAUSTED\b/, /quota/i],
    title: 'A Google API quota is used up (RESOURCE_EXHAUSTED)',
    summary:
      'Google reports RESOURCE_EXHAUSTED with a quota message; the quota named in the message is ' +
      'spent (per-minute quotas reset quickly, daily ones at midnight PT).',
    fixes: ['Read the quota metric in the message; back off, or raise it in IAM & Admin > Quotas.'],
    source: QUOTA,
  },
  {
    id: 'google.resource_exhausted',
    vendor: V,
    group: 'google',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.possiblePlus15,
    status: [429],
    body: /\bRESOURCE_EXHAUSTED\b/,
    title: 'Google is limiting the calls (RESOURCE_EXHAUSTED)',
    summary: 'The API reports RESOURCE_EXHAUSTED: a rate limit or capacity limit was hit.',
    fixes: ['Retry with exponential backoff and jitter.'],
    source: AIP193,
  },
  // Cloud Storage names the caller it refused; "Anonymous caller" is a request that carried no credential it read
  // (JSON API 401 with reason "required" at the Authorization header; XML API 403 AccessDenied with the words in
  // <Details>), which the IAM wording below would otherwise read as a missing role.
  {
    id: 'google.storage.anonymous',
    vendor: V,
    group: 'google',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus8,
    status: [401, 403],
    body: /Anonymous\s+caller\s+does\s+not\s+have\s+[\w.]+\s+access/i,
    title: 'Google Cloud Storage saw no credential ("Anonymous caller does not have … access")',
    summary:
      'The request reached Cloud Storage without a credential it could use, so it ran as an anonymous caller, and ' +
      'the bucket or object is not public. No Authorization header (or signed URL) arrived: the client found no ' +
      'credentials (GOOGLE_APPLICATION_CREDENTIALS unset or unreadable), or a link meant for a signed-in browser ' +
      'was fetched by a script.',
    fixes: [
      'Send an OAuth access token (Authorization: Bearer …) for an identity with access, or use a signed URL.',
      'Check that the client library found its credentials (Application Default Credentials) instead of falling back to anonymous.',
    ],
    source: 'https://cloud.google.com/storage/docs/troubleshooting',
  },
  ...rows(
    {
      id: 'google.iam_permission_denied',
      cause: 'permission.denied',
      confidence: CONFIDENCE.likelyPlus5,
      title: 'The Google identity lacks the IAM permission',
      summary:
        'The caller authenticated but its IAM roles on the resource do not include the permission the method needs.',
      fixes: [
        'Grant the identity (user or service account) a role with the permission named in the error, on the project or resource.',
      ],
      source: 'https://cloud.google.com/iam/docs/troubleshooting-access',
    },
    /\bIAM_PERMISSION_DENIED\b/,
    /Permission\s+'?[\w.]+'?\s+denied\s+on\s+resource|caller\s+does\s+not\s+have\s+permission|does\s+not\s+have\s+[\w.]+\s+access\s+to/i,
  ),
  {
    id: 'google.permission_denied',
    vendor: V,
    group: 'google',
    cause: 'permission.denied',
    confidence: CONFIDENCE.possiblePlus20,
    body: /"status"\s*:\s*"PERMISSION_DENIED"/,
    title: 'Google refused the call (PERMISSION_DENIED)',
    summary:
      'Google answered PERMISSION_DENIED without a more specific reason: the identity or project ' +
      'is not allowed to call this method on this resource.',
    fixes: [
      'Read error.details for a reason and metadata; check IAM roles, the API being enabled, and key restrictions.',
    ],
    source: AIP193,
  },
];
