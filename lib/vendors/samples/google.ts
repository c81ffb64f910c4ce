import { BEARER, type SampleTable } from './types';

// https://cloud.google.com/apis/design/errors, https://developers.google.com/maps/documentation/geocoding/requests-geocoding#StatusCodes
const g = (code: number, status: string, message: string, reason?: string) =>
  JSON.stringify({
    error: {
      code,
      message,
      status,
      ...(reason
        ? { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] }
        : {}),
    },
  });
const legacy = (code: number, message: string, reason: string) =>
  JSON.stringify({ error: { code, message, errors: [{ message, domain: 'usageLimits', reason }] } });
const KEY_URL = 'https://translation.googleapis.com/language/translate/v2?key=AIzaSyEXAMPLEEXAMPLEEXAMPLEEXAMPLE123';
const MAPS = 'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyEXAMPLEEXAMPLEEXAMPLEEXAMPLE123';
const maps = (status: string, message: string) => JSON.stringify({ error_message: message, results: [], status });

export const GOOGLE_SAMPLES: SampleTable = {
  'google.api_key_expired': {
    status: 400,
    url: KEY_URL,
    body: g(400, 'INVALID_ARGUMENT', 'API key expired. Please renew the API key.', 'API_KEY_EXPIRED'),
  },
  'google.api_key_expired.text': {
    status: 400,
    url: KEY_URL,
    body: g(400, 'INVALID_ARGUMENT', 'API key expired. Please renew the API key.'),
  },
  'google.api_key_invalid': {
    status: 400,
    url: KEY_URL,
    body: g(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID'),
  },
  'google.api_key_invalid.text': {
    status: 400,
    url: KEY_URL,
    body: g(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.'),
  },
  'google.api_key_restricted': {
    status: 403,
    url: KEY_URL,
    body: g(403, 'PERMISSION_DENIED', 'Requests from referer <empty> are blocked.', 'API_KEY_HTTP_REFERRER_BLOCKED'),
  },
  'google.api_key_restricted.text': {
    status: 403,
    url: KEY_URL,
    body: g(403, 'PERMISSION_DENIED', 'Requests from referer https://evil.example/ are blocked.'),
  },
  'google.api_key_missing': {
    status: 403,
    body: legacy(
      403,
      'Daily Limit for Unauthenticated Use Exceeded. Continued use requires signup.',
      'dailyLimitExceededUnreg',
    ),
  },
  'google.api_key_missing.text': {
    status: 403,
    body: g(
      403,
      'PERMISSION_DENIED',
      "Method doesn't allow unregistered callers (callers without established identity).",
    ),
  },
  'google.billing_disabled': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'Billing is disabled for project 123.', 'BILLING_DISABLED'),
  },
  'google.billing_disabled.text': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'This API method requires billing to be enabled.'),
  },
  'google.service_disabled': {
    status: 403,
    request: BEARER,
    body: g(
      403,
      'PERMISSION_DENIED',
      'Cloud Vision API has not been used in project 1 before or it is disabled.',
      'SERVICE_DISABLED',
    ),
  },
  'google.service_disabled.text': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'Cloud Vision API has not been used in project 1 before or it is disabled.'),
  },
  'google.insufficient_scope': {
    status: 403,
    request: BEARER,
    body: g(
      403,
      'PERMISSION_DENIED',
      'Request had insufficient authentication scopes.',
      'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    ),
  },
  'google.insufficient_scope.text': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.'),
  },
  'google.access_token_expired': {
    status: 401,
    request: BEARER,
    body: g(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.', 'ACCESS_TOKEN_EXPIRED'),
  },
  'google.credentials_missing': {
    status: 401,
    body: g(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.', 'CREDENTIALS_MISSING'),
  },
  'google.credentials_missing.text': {
    status: 401,
    body: g(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.'),
  },
  'google.unauthenticated': {
    status: 401,
    request: BEARER,
    body: g(401, 'UNAUTHENTICATED', 'Invalid token.'),
  },
  'google.unauthenticated.text': {
    status: 401,
    request: BEARER,
    body: legacy(401, 'Invalid Credentials', 'authError'),
  },
  'google.daily_quota': {
    status: 403,
    body: legacy(403, 'The request cannot be completed because you have exceeded your quota.', 'quotaExceeded'),
  },
  'google.daily_quota.text': {
    status: 429,
    body: g(429, 'UNKNOWN', "Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service 'x'"),
  },
  'google.rate_limit': {
    status: 429,
    body: g(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.', 'RATE_LIMIT_EXCEEDED'),
  },
  'google.rate_limit.text': {
    status: 429,
    body: g(
      429,
      'UNKNOWN',
      "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'x'",
    ),
  },
  'google.resource_exhausted_quota': {
    status: 429,
    body: g(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
  },
  'google.resource_exhausted': {
    status: 429,
    body: g(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted.'),
  },
  // The JSON API's answer to a request without credentials, as quoted in googleapis/google-cloud-java#7184 and
  // firebaseextended/experimental-extensions#54.
  'google.storage.anonymous': {
    status: 401,
    url: 'https://storage.googleapis.com/storage/v1/b/my-bucket/o/a.png?alt=media',
    body:
      '{"error":{"code":401,"message":"Anonymous caller does not have storage.objects.get access to the Google Cloud ' +
      'Storage object.","errors":[{"message":"Anonymous caller does not have storage.objects.get access to the Google ' +
      'Cloud Storage object.","domain":"global","reason":"required","locationType":"header","location":"Authorization"}]}}',
  },
  'google.iam_permission_denied': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', "Permission 'storage.objects.get' denied on resource.", 'IAM_PERMISSION_DENIED'),
  },
  'google.iam_permission_denied.text': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'The caller does not have permission'),
  },
  'google.permission_denied': {
    status: 403,
    request: BEARER,
    body: g(403, 'PERMISSION_DENIED', 'Forbidden.'),
  },
  'google.maps.key_missing': {
    status: 200,
    url: MAPS,
    body: maps('REQUEST_DENIED', 'You must use an API key to authenticate each request to Google Maps Platform APIs.'),
  },
  'google.maps.key_expired': {
    status: 200,
    url: MAPS,
    body: maps('REQUEST_DENIED', 'The provided API key is expired.'),
  },
  'google.maps.key_invalid': {
    status: 200,
    url: MAPS,
    body: maps('REQUEST_DENIED', 'The provided API key is invalid.'),
  },
  'google.maps.key_restricted': {
    status: 200,
    url: MAPS,
    body: maps('REQUEST_DENIED', 'This IP, site or mobile application is not authorized to use this API key.'),
  },
  'google.maps.billing': {
    status: 200,
    url: MAPS,
    body: maps(
      'REQUEST_DENIED',
      'You must enable Billing on the Google Cloud Project at https://console.cloud.google.com/',
    ),
  },
  'google.maps.api_not_enabled': {
    status: 200,
    url: MAPS,
    body: maps('REQUEST_DENIED', 'This API project is not authorized to use this API.'),
  },
  'google.maps.over_query_limit': {
    status: 200,
    url: MAPS,
    body: maps('OVER_QUERY_LIMIT', 'You have exceeded your rate-limit for this API.'),
  },
};
