import { API_KEY, BEARER, type SampleTable } from './types';

// https://cloud.google.com/apigee/docs/api-platform/reference/policies/oauth-http-status-code-reference
// https://docs.konghq.com/hub/ (key-auth, jwt, oauth2, hmac-auth, rate-limiting, acl, ip-restriction)
const fault = (faultstring: string, errorcode: string) =>
  JSON.stringify({ fault: { faultstring, detail: { errorcode } } });
const KONG = { server: 'kong/3.4.0', 'x-kong-response-latency': '1' };

export const GATEWAY_SAMPLES: SampleTable = {
  'apigee.access_token_expired': {
    status: 401,
    request: BEARER,
    body: fault('Access Token expired', 'keymanagement.service.access_token_expired'),
  },
  'apigee.invalid_access_token.missing': {
    status: 401,
    body: fault('Invalid access token', 'oauth.v2.InvalidAccessToken'),
  },
  'apigee.invalid_access_token': {
    status: 401,
    request: BEARER,
    body: fault('Invalid access token', 'oauth.v2.InvalidAccessToken'),
  },
  'apigee.insufficient_scope': {
    status: 403,
    request: BEARER,
    body: fault('Required scope(s) : read', 'steps.oauth.v2.InsufficientScope'),
  },
  'apigee.failed_to_resolve_key': {
    status: 401,
    body: fault('Failed to resolve API Key variable request.queryparam.apikey', 'steps.oauth.v2.FailedToResolveAPIKey'),
  },
  'apigee.key_for_resource': {
    status: 401,
    request: API_KEY,
    body: fault('Invalid ApiKey for given resource', 'oauth.v2.InvalidApiKeyForGivenResource'),
  },
  'apigee.app_not_approved': {
    status: 401,
    request: API_KEY,
    body: fault('Approved App is not found', 'keymanagement.service.app_not_approved'),
  },
  'apigee.consumer_key_expired': {
    status: 401,
    request: API_KEY,
    body: fault('Consumer Key is expired', 'keymanagement.service.consumer_key_expired'),
  },
  'apigee.invalid_api_key': {
    status: 401,
    request: API_KEY,
    body: fault('Invalid ApiKey', 'oauth.v2.InvalidApiKey'),
  },
  'apigee.spike_arrest': {
    status: 429,
    body: fault('Spike arrest violation. Allowed rate : 10ps', 'policies.ratelimit.SpikeArrestViolation'),
  },
  'apigee.quota': {
    status: 429,
    body: fault(
      'Rate limit quota violation. Quota limit  exceeded. Identifier : _default',
      'policies.ratelimit.QuotaViolation',
    ),
  },
  'apigee.ip_denied': {
    status: 403,
    body: fault('Access Denied for client ip : 203.0.113.9', 'accesscontrol.IPDeniedAccess'),
  },
  'apigee.jwt_expired': {
    status: 401,
    request: BEARER,
    body: fault('The Token has expired', 'steps.jwt.TokenExpired'),
  },
  'apigee.jwt_not_yet_valid': {
    status: 401,
    request: BEARER,
    body: fault('The Token is not yet valid', 'steps.jwt.TokenNotYetValid'),
  },
  'apigee.jwt_invalid': { status: 401, request: BEARER, body: fault('Invalid token', 'steps.jwt.InvalidToken') },
  'kong.no_api_key': { status: 401, headers: KONG, body: '{"message":"No API key found in request"}' },
  'kong.invalid_key': {
    status: 401,
    headers: KONG,
    request: API_KEY,
    body: '{"message":"Invalid authentication credentials"}',
  },
  'kong.invalid_credentials': {
    status: 401,
    headers: KONG,
    request: { Authorization: 'Basic dXNlcjpwYXNz' },
    body: '{"message":"Invalid authentication credentials"}',
  },
  'kong.token_expired': { status: 401, headers: KONG, request: BEARER, body: '{"exp":"token expired"}' },
  'kong.jwt_invalid': { status: 401, headers: KONG, request: BEARER, body: '{"message":"Invalid signature"}' },
  'kong.oauth_missing': {
    status: 401,
    headers: KONG,
    body: '{"error_description":"The access token is missing","error":"invalid_request"}',
  },
  'kong.oauth_invalid': {
    status: 401,
    headers: KONG,
    request: BEARER,
    body: '{"error_description":"The access token is invalid or has expired","error":"invalid_token"}',
  },
  'kong.hmac_mismatch': {
    status: 401,
    headers: KONG,
    request: { Authorization: 'hmac username="alice", algorithm="hmac-sha256", headers="date", signature="abc="' },
    body: '{"message":"HMAC signature does not match"}',
  },
  'kong.hmac_date': {
    status: 401,
    headers: KONG,
    body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
  },
  'kong.rate_limit': {
    status: 429,
    headers: { ...KONG, 'x-ratelimit-remaining-minute': '0' },
    body: '{"message":"API rate limit exceeded"}',
  },
  'kong.acl': { status: 403, headers: KONG, request: API_KEY, body: '{"message":"You cannot consume this service"}' },
  'kong.ip_restriction': { status: 403, headers: KONG, body: '{"message":"Your IP address is not allowed"}' },
  'kong.unauthorized.key': { status: 401, headers: KONG, request: API_KEY, body: '{"message":"Unauthorized"}' },
  'kong.unauthorized.missing': { status: 401, headers: KONG, body: '{"message":"Unauthorized"}' },
  'kong.unauthorized': { status: 401, headers: KONG, request: BEARER, body: '{"message":"Unauthorized"}' },
};
