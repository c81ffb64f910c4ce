import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Azure API Management gateway messages and Azure Storage error codes (x-ms-error-code
// header and the <Code> / "code" in the body). Storage's AuthenticationFailed covers several
// causes; its AuthenticationErrorDetail says which, so the detailed rows come first.
const APIM =
  'https://learn.microsoft.com/en-us/troubleshoot/azure/api-management/availability/unauthorized-errors-invoke-apis';
const APIM_LIMITS = 'https://learn.microsoft.com/en-us/azure/api-management/rate-limit-policy';
const APIM_QUOTA = 'https://learn.microsoft.com/en-us/azure/api-management/quota-policy';
const STORAGE = 'https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes';
const SAS =
  'https://learn.microsoft.com/en-us/troubleshoot/azure/azure-storage/blobs/authentication/storage-troubleshoot-403-errors';
const SV = 'Azure Storage';
const SG = 'azure.storage';

/** Storage codes come in x-ms-error-code, and in the XML/JSON body when there is one. */
function code(name: string): { anyHeader: readonly HeaderMatch[] } {
  return { anyHeader: [{ name: 'x-ms-error-code', value: new RegExp(`^\\s*${name}\\b`, 'i') }] };
}

export const AZURE: readonly Signature[] = [
  {
    id: 'azure.apim.missing_key',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.certain,
    body: /Access\s+denied\s+due\s+to\s+missing\s+subscription\s+key/i,
    title: 'Azure API Management wants a subscription key',
    summary:
      'The API or product requires a subscription and the request had no Ocp-Apim-Subscription-Key ' +
      'header (or subscription-key query parameter).',
    fixes: [
      'Send the key in the Ocp-Apim-Subscription-Key header (or the header name the API is configured with).',
      'For browser calls, allow that header in the CORS policy.',
    ],
    source: APIM,
  },
  {
    id: 'azure.apim.invalid_key',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.certain,
    body: /Access\s+denied\s+due\s+to\s+invalid\s+subscription\s+key/i,
    title: 'Azure API Management refused the subscription key',
    summary:
      'The key is unknown, regenerated, belongs to a suspended or cancelled subscription, or to a product that does not include this API.',
    fixes: [
      'Copy the current primary or secondary key of an active subscription whose product (or scope) includes this API.',
    ],
    source: APIM,
  },
  {
    id: 'azure.apim.rate_limit',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    body: /Rate\s+limit\s+is\s+exceeded\.?\s+Try\s+again\s+in\s+\d+\s+seconds?/i,
    title: 'Azure API Management rate limit exceeded',
    summary: 'A rate-limit or rate-limit-by-key policy counted too many calls in its renewal period.',
    fixes: ['Wait the number of seconds the message (and Retry-After) gives, then retry with backoff.'],
    source: APIM_LIMITS,
  },
  {
    id: 'azure.apim.quota',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'quota.exceeded',
    confidence: CONFIDENCE.certain,
    body: /Out\s+of\s+(?:call\s+volume|bandwidth)\s+quota/i,
    title: 'Azure API Management quota used up',
    summary:
      "A quota or quota-by-key policy's call or bandwidth allowance is spent; the message says when it is replenished.",
    fixes: ['Wait for the replenishment time in the message, or raise the quota in the product policy.'],
    source: APIM_QUOTA,
  },
  {
    id: 'azure.apim.jwt_missing',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus20,
    body: /Access\s+token\s+is\s+missing\s+or\s+invalid|JWT\s+not\s+present/i,
    requires: 'no-authorization',
    title: 'Azure API Management wants a token (validate-jwt)',
    summary: 'The validate-jwt policy found no token in the Authorization header.',
    fixes: ['Send "Authorization: Bearer <token>" issued for this API\'s audience.'],
    source: 'https://learn.microsoft.com/en-us/azure/api-management/validate-jwt-policy',
  },
  {
    id: 'azure.apim.jwt_invalid',
    vendor: 'Azure API Management',
    group: 'azure.apim',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus10,
    body: /Access\s+token\s+is\s+missing\s+or\s+invalid|Invalid\s+JWT/i,
    requires: 'authorization',
    title: 'Azure API Management rejected the token (validate-jwt)',
    summary:
      'The validate-jwt policy rejected the token: wrong audience or issuer, bad signature, missing required claim, or expired.',
    fixes: ["Decode the token and compare aud, iss, exp and required claims with the policy's settings."],
    source: 'https://learn.microsoft.com/en-us/azure/api-management/validate-jwt-policy',
  },
  {
    id: 'azure.storage.sas_expired',
    vendor: SV,
    group: SG,
    cause: 'signed_url.expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Signature\s+not\s+valid\s+in\s+the\s+specified\s+time\s+frame/i,
    title: 'The SAS token is outside its validity window',
    summary:
      'Azure Storage checked the SAS start (st) and expiry (se) against its clock: the SAS has ' +
      'expired, or its start time is still in the future (clock skew at generation).',
    fixes: [
      'Issue a new SAS with a later expiry; set the start time a few minutes in the past (or omit it) to absorb clock skew.',
    ],
    source: SAS,
  },
  {
    id: 'azure.storage.signature_mismatch',
    vendor: SV,
    group: SG,
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Signature\s+did\s+not\s+match/i,
    title: 'The Azure Storage signature does not match',
    summary:
      'Storage computed a different signature: wrong account key, a SAS parameter altered or double-encoded, ' +
      'or (Shared Key) headers changed after signing.',
    fixes: [
      'Regenerate the SAS and use it unmodified (no re-encoding of sig); with Shared Key, check ' +
        'the account key and the canonicalized headers.',
    ],
    source: SAS,
  },
  {
    id: 'azure.storage.date_too_old',
    vendor: SV,
    group: SG,
    cause: 'clock.skew',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Request\s+date\s+header\s+too\s+old/i,
    title: "The request date is too far from Azure Storage's clock",
    summary: "Shared Key requests must carry an x-ms-date within 15 minutes of the service's time.",
    fixes: ['Sync the client clock and set x-ms-date at send time.'],
    source: SAS,
  },
  {
    id: 'azure.storage.ip_mismatch',
    vendor: SV,
    group: SG,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    ...code('AuthorizationSourceIPMismatch'),
    title: 'The SAS does not allow this client IP',
    summary: "The SAS was issued with a signed IP range (sip) that does not include the caller's address.",
    fixes: ["Issue the SAS with the caller's public IP range, or without an IP restriction."],
    source: STORAGE,
  },
  {
    id: 'azure.storage.ip_mismatch.body',
    vendor: SV,
    group: SG,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bAuthorizationSourceIPMismatch\b/,
    title: 'The SAS does not allow this client IP',
    summary: "The SAS was issued with a signed IP range (sip) that does not include the caller's address.",
    fixes: ["Issue the SAS with the caller's public IP range, or without an IP restriction."],
    source: STORAGE,
  },
  {
    id: 'azure.storage.protocol_mismatch',
    vendor: SV,
    group: SG,
    cause: 'https.required',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bAuthorizationProtocolMismatch\b|secure\s+transfer\s+required|\bAccountRequiresHttps\b/i,
    title: 'Azure Storage requires HTTPS here',
    summary:
      'The SAS allows https only (spr=https), or the account has "secure transfer required" and the request used http.',
    fixes: ['Call the https:// endpoint.'],
    source: STORAGE,
  },
  {
    id: 'azure.storage.permission_mismatch',
    vendor: SV,
    group: SG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bAuthorizationPermissionMismatch\b|\bAuthorization(?:Resource|Service)TypeMismatch\b/,
    title: 'The SAS or role does not grant this operation',
    summary:
      'The SAS permissions (sp), services (ss) or resource types (srt) do not cover this operation, ' +
      'or the Entra identity lacks a data role (e.g. Storage Blob Data Reader/Contributor).',
    fixes: [
      'Issue a SAS with the needed permission letters, or assign the identity a Storage … Data ' +
        'role on the account or container (roles take minutes to apply).',
    ],
    source: STORAGE,
  },
  {
    id: 'azure.storage.permission_mismatch.header',
    vendor: SV,
    group: SG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    ...code('Authorization(?:Permission|Resource\\w*|Service\\w*)Mismatch'),
    title: 'The SAS or role does not grant this operation',
    summary: "The SAS permissions or the identity's data role do not cover this operation.",
    fixes: ['Issue a SAS with the needed permissions, or assign a Storage … Data role.'],
    source: STORAGE,
  },
  {
    id: 'azure.storage.key_auth_not_permitted',
    vendor: SV,
    group: SG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    body: /\bKeyBasedAuthenticationNotPermitted\b/,
    title: 'The storage account forbids Shared Key / SAS authorization',
    summary: 'Shared Key access is disabled on the account, so account-key SAS and Shared Key requests are refused.',
    fixes: ['Use Microsoft Entra ID (OAuth) or a user delegation SAS.'],
    source: STORAGE,
  },
  {
    id: 'azure.storage.public_access',
    vendor: SV,
    group: SG,
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    // Blob storage answers 409 Conflict here (its sample proved the row could not fire on 403 only).
    status: [409, 403, 401],
    flags: true,
    body: /\bPublicAccessNotPermitted\b|Public\s+access\s+is\s+not\s+permitted\s+on\s+this\s+storage\s+account/i,
    title: 'Anonymous access is disabled on the storage account',
    summary: 'The request had no credentials and the account does not allow anonymous (public) blob access.',
    fixes: [
      'Send a SAS or an Entra token, or (if really intended) allow blob anonymous access on the account and container.',
    ],
    source: STORAGE,
  },
  {
    id: 'azure.storage.no_auth_info',
    vendor: SV,
    group: SG,
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bNoAuthenticationInformation\b/,
    title: 'Azure Storage got no authentication information',
    summary: 'The request carried no Authorization header and no SAS, and the resource is not public.',
    fixes: ['Append a SAS token to the URL or send an Entra bearer token with x-ms-version.'],
    source: STORAGE,
  },
  {
    id: 'azure.storage.account_disabled',
    vendor: SV,
    group: SG,
    cause: 'billing.disabled',
    confidence: CONFIDENCE.possiblePlus20,
    body: /\bAccountIsDisabled\b|specified\s+account\s+is\s+disabled/i,
    title: 'The storage account is disabled',
    summary: 'Azure disabled the storage account (often a subscription that is disabled or not paid).',
    fixes: ['Check the Azure subscription state and billing.'],
    source: STORAGE,
  },
  {
    id: 'azure.storage.authorization_failure',
    vendor: SV,
    group: SG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.possiblePlus15,
    body: /\bAuthorizationFailure\b/,
    title: 'Azure Storage refused the request (AuthorizationFailure)',
    summary:
      '"This request is not authorized to perform this operation": most often the storage firewall ' +
      '(selected networks / private endpoint) does not allow the caller, otherwise missing permissions.',
    fixes: [
      'Check Networking on the storage account: add the client IP or VNet, or call through the private endpoint.',
      "Then check the identity's data roles or the SAS.",
    ],
    source: STORAGE,
  },
  {
    id: 'azure.storage.authorization_failure.header',
    vendor: SV,
    group: SG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.possiblePlus15,
    ...code('AuthorizationFailure'),
    title: 'Azure Storage refused the request (AuthorizationFailure)',
    summary: 'Most often the storage firewall does not allow the caller, otherwise missing permissions.',
    fixes: ["Check the storage account's network rules, then the identity's roles or the SAS."],
    source: STORAGE,
  },
  {
    id: 'azure.storage.invalid_auth',
    vendor: SV,
    group: SG,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus10,
    body: /\bInvalidAuthenticationInfo\b|<Code>\s*AuthenticationFailed\s*<\/Code>|"code"\s*:\s*"AuthenticationFailed"/i,
    title: 'Azure Storage could not authenticate the request',
    summary:
      'AuthenticationFailed: the SAS, Shared Key or token was not accepted. The AuthenticationErrorDetail element says why.',
    fixes: ['Read AuthenticationErrorDetail; regenerate the SAS or token and send it unmodified.'],
    source: STORAGE,
  },
];
