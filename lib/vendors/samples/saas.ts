import { API_KEY, BEARER, type SampleTable } from './types';

// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
// https://docs.stripe.com/error-codes, https://www.twilio.com/docs/api/errors, https://auth0.com/docs,
// https://developer.okta.com/docs/reference/error-codes/, https://platform.openai.com/docs/guides/error-codes,
// https://docs.anthropic.com/en/api/errors, https://developer.atlassian.com/server/jira/platform/basic-authentication/
const GH = { 'x-github-media-type': 'github.v3; format=json', 'x-github-request-id': 'C0DE:1234:5678' };
const GH_TOKEN = { Authorization: 'token ghp_EXAMPLEexampleEXAMPLEexample0123456' };
const gh = (message: string) => JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest' });
const STRIPE = { Authorization: 'Bearer sk_test_EXAMPLEexampleEXAMPLE0123' };
const stripe = (message: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ error: { message, type: 'invalid_request_error', ...extra } });
const TWILIO_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json';
const twilio = (code: number, message: string, status: number) =>
  JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const okta = (errorCode: string, errorSummary: string) =>
  JSON.stringify({ errorCode, errorSummary, errorLink: errorCode, errorId: 'oae1', errorCauses: [] });
const OPENAI = { Authorization: 'Bearer sk-proj-EXAMPLEexampleEXAMPLEexample' };
const openai = (message: string, code: string | null, type = 'invalid_request_error') =>
  JSON.stringify({ error: { message, type, param: null, code } });
const anthropic = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message } });

export const SAAS_SAMPLES: SampleTable = {
  'github.sso_required': {
    status: 403,
    headers: { ...GH, 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=x' },
    request: GH_TOKEN,
    body: gh('Resource protected by organization SAML enforcement.'),
  },
  'github.saml_enforcement': {
    status: 403,
    request: GH_TOKEN,
    body: gh(
      'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
    ),
  },
  'github.ip_allow_list': {
    status: 403,
    request: GH_TOKEN,
    body: gh(
      'Although you appear to have the correct authorization credentials, the `acme` organization ' +
        'has an IP allow list enabled, and your IP address is not permitted to access this resource.',
    ),
  },
  'github.secondary_rate_limit': {
    status: 403,
    headers: { ...GH, 'retry-after': '60' },
    request: GH_TOKEN,
    body: gh('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'),
  },
  'github.rate_limit': {
    status: 403,
    headers: GH,
    body: gh(
      "API rate limit exceeded for 203.0.113.9. (But here's the good news: Authenticated requests get a higher rate limit.)",
    ),
  },
  'github.rate_limit.header': {
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-resource': 'core', 'x-ratelimit-limit': '60' },
  },
  'github.bad_credentials': { status: 401, headers: GH, request: GH_TOKEN, body: gh('Bad credentials') },
  'github.requires_authentication': { status: 401, headers: GH, body: gh('Requires authentication') },
  'github.not_accessible': {
    status: 403,
    headers: GH,
    request: GH_TOKEN,
    body: gh('Resource not accessible by integration'),
  },
  'github.oauth_restrictions': {
    status: 403,
    request: GH_TOKEN,
    body: gh(
      'Although you appear to have the correct authorization credentials, the `acme` organization ' +
        'has enabled OAuth App access restrictions.',
    ),
  },
  'github.admin_rights': {
    status: 403,
    headers: GH,
    request: GH_TOKEN,
    body: gh('Must have admin rights to Repository.'),
  },
  // The token endpoint's documented error bodies (troubleshooting-oauth-app-access-token-request-errors), asked for
  // as JSON and as GitHub's default form encoding.
  'github.oauth.bad_verification_code': {
    status: 200,
    url: 'https://github.com/login/oauth/access_token',
    body:
      '{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.",' +
      '"error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}',
  },
  'github.oauth.incorrect_client_credentials': {
    status: 200,
    url: 'https://github.com/login/oauth/access_token',
    body:
      'error=incorrect_client_credentials&error_description=The+client_id+and%2For+client_secret+passed+are+incorrect.' +
      '&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23incorrect-client-credentials',
  },
  'atlassian.seraph.authentication_denied': {
    status: 403,
    headers: { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED' },
    request: { Authorization: 'Basic dXNlcjpwYXNz' },
  },
  'atlassian.seraph.authenticated_failed': {
    status: 401,
    headers: {
      'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
      'www-authenticate': 'OAuth realm="https%3A%2F%2Fjira.example.com"',
    },
    request: { Authorization: 'Basic dXNlcjpwYXNz' },
  },
  'stripe.no_key': {
    status: 401,
    body: stripe(
      'You did not provide an API key. You need to provide your API key in the Authorization header, ' +
        "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    ),
  },
  'stripe.expired_key': {
    status: 401,
    request: STRIPE,
    body: stripe('Expired API Key provided: sk_test_****0123', { code: 'api_key_expired' }),
  },
  'stripe.invalid_key': { status: 401, request: STRIPE, body: stripe('Invalid API Key provided: sk_test_****0123') },
  'stripe.restricted_key': {
    status: 403,
    request: STRIPE,
    body: stripe(
      "The provided key 'rk_test_****0123' does not have the required permissions for this endpoint on account 'acct_1'.",
    ),
  },
  'stripe.rate_limit': {
    status: 429,
    request: STRIPE,
    body: stripe('Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.', {
      code: 'rate_limit',
    }),
  },
  'twilio.account_inactive': {
    status: 401,
    url: TWILIO_URL,
    request: { Authorization: 'Basic QUMxMjM6c2VjcmV0' },
    body: twilio(20005, 'Account not active', 401),
  },
  'twilio.too_many': { status: 429, url: TWILIO_URL, body: twilio(20429, 'Too Many Requests', 429) },
  'twilio.authenticate.missing': { status: 401, url: TWILIO_URL, body: twilio(20003, 'Authenticate', 401) },
  'twilio.authenticate': {
    status: 401,
    url: TWILIO_URL,
    request: { Authorization: 'Basic QUMxMjM6c2VjcmV0' },
    body: twilio(20003, 'Authenticate', 401),
  },
  'auth0.expired': {
    status: 401,
    request: BEARER,
    body:
      '{"statusCode":401,"error":"Unauthorized","message":"Expired token received for JSON Web ' +
      'Token validation","attributes":{"error":"Expired token received for JSON Web Token validation"}}',
  },
  'auth0.insufficient_scope': {
    status: 403,
    request: BEARER,
    body:
      '{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: re' +
      'ad:users","errorCode":"insufficient_scope"}',
  },
  'auth0.missing': {
    status: 401,
    body: '{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}',
  },
  'auth0.invalid_grant': {
    status: 403,
    url: 'https://tenant.auth0.com/oauth/token',
    body: '{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}',
  },
  'okta.invalid_token': {
    status: 401,
    request: { Authorization: 'SSWS 00abcEXAMPLE' },
    body: okta('E0000011', 'Invalid token provided'),
  },
  'okta.permission': {
    status: 403,
    request: { Authorization: 'SSWS 00abcEXAMPLE' },
    body: okta('E0000006', 'You do not have permission to perform the requested action'),
  },
  'okta.rate_limit': { status: 429, body: okta('E0000047', 'API call exceeded rate limit due to too many requests.') },
  'openai.insufficient_quota': {
    status: 429,
    request: OPENAI,
    body: openai(
      'You exceeded your current quota, please check your plan and billing details.',
      'insufficient_quota',
      'insufficient_quota',
    ),
  },
  'openai.invalid_key': {
    status: 401,
    request: OPENAI,
    body: openai(
      'Incorrect API key provided: sk-proj-****. You can find your API key at https://platform.openai.com/account/api-keys.',
      'invalid_api_key',
    ),
  },
  'openai.no_key': {
    status: 401,
    body: openai(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
      null,
    ),
  },
  'openai.rate_limit': {
    status: 429,
    request: OPENAI,
    body: openai(
      'Rate limit reached for gpt-4o in organization org-1 on requests per min (RPM): Limit 3, Used 3.',
      'rate_limit_exceeded',
      'requests',
    ),
  },
  'anthropic.auth': { status: 401, request: API_KEY, body: anthropic('authentication_error', 'invalid x-api-key') },
  'anthropic.permission': {
    status: 403,
    request: API_KEY,
    body: anthropic('permission_error', 'Your API key does not have permission to use the specified resource.'),
  },
  'anthropic.rate_limit': {
    status: 429,
    request: API_KEY,
    body: anthropic('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'),
  },
};
