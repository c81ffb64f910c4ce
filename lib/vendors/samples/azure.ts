import { BEARER, type SampleTable } from './types';

// https://learn.microsoft.com/en-us/azure/api-management/api-management-error-handling-policies
// https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes
// https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
const storage = (code: string, message: string) =>
  `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>` +
  `${message}\nRequestId:1b2c\nTime:2026-11-21T12:00:00Z</Message></Error>`;
const SHARED_KEY = { Authorization: 'SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=' };
const STORAGE = 'https://myaccount.blob.core.windows.net/c/b';
const entra = (code: string, text: string) =>
  JSON.stringify({
    error: 'invalid_grant',
    error_description: `${code}: ${text}`,
    error_codes: [Number(code.slice(6))],
  });
const TOKEN = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';
const ARM = 'https://management.azure.com/subscriptions/0/resourcegroups?api-version=2021-04-01';
const odata = (code: string, message: string) => JSON.stringify({ error: { code, message } });

export const AZURE_SAMPLES: SampleTable = {
  'azure.apim.missing_key': {
    status: 401,
    body:
      '{ "statusCode": 401, "message": "Access denied due to missing subscription key. Make sure ' +
      'to include subscription key when making requests to an API." }',
  },
  'azure.apim.invalid_key': {
    status: 401,
    request: { 'Ocp-Apim-Subscription-Key': '0123456789abcdef0123456789abcdef' },
    body:
      '{ "statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure ' +
      'to provide a valid key for an active subscription." }',
  },
  'azure.apim.rate_limit': {
    status: 429,
    body: '{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in 12 seconds." }',
  },
  'azure.apim.quota': {
    status: 403,
    body: '{ "statusCode": 403, "message": "Out of call volume quota. Quota will be replenished in 2.00:00:00." }',
  },
  'azure.apim.jwt_missing': {
    status: 401,
    body: '{ "statusCode": 401, "message": "Unauthorized. Access token is missing or invalid." }',
  },
  'azure.apim.jwt_invalid': {
    status: 401,
    request: BEARER,
    body: '{ "statusCode": 401, "message": "Unauthorized. Access token is missing or invalid." }',
  },
  'azure.storage.sas_expired': {
    status: 403,
    url: `${STORAGE}?sv=2022-11-02&se=2026-01-01T00:00:00Z&sig=abc`,
    body: storage(
      'AuthenticationFailed',
      'Signature not valid in the specified time frame: Start [x] - Expiry [y] - Current [z]',
    ),
  },
  'azure.storage.signature_mismatch': {
    status: 403,
    url: STORAGE,
    request: SHARED_KEY,
    body: storage(
      'AuthenticationFailed',
      'The MAC signature found in the HTTP request is not the same as any computed signature. Signature did not match.',
    ),
  },
  'azure.storage.date_too_old': {
    status: 403,
    url: STORAGE,
    request: SHARED_KEY,
    body: storage('AuthenticationFailed', 'Request date header too old: Thu, 20 Nov 2026 11:00:00 GMT'),
  },
  'azure.storage.ip_mismatch': {
    status: 403,
    url: STORAGE,
    headers: { 'x-ms-error-code': 'AuthorizationSourceIPMismatch' },
  },
  'azure.storage.ip_mismatch.body': {
    status: 403,
    url: STORAGE,
    body: storage(
      'AuthorizationSourceIPMismatch',
      'This request is not authorized to perform this operation using this source IP 203.0.113.9.',
    ),
  },
  'azure.storage.protocol_mismatch': {
    status: 403,
    url: STORAGE,
    body: storage(
      'AuthorizationProtocolMismatch',
      'This request is not authorized to perform this operation using this protocol.',
    ),
  },
  'azure.storage.permission_mismatch': {
    status: 403,
    url: STORAGE,
    request: BEARER,
    body: storage(
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
    ),
  },
  'azure.storage.permission_mismatch.header': {
    status: 403,
    url: STORAGE,
    request: BEARER,
    headers: { 'x-ms-error-code': 'AuthorizationPermissionMismatch' },
  },
  'azure.storage.key_auth_not_permitted': {
    status: 403,
    url: STORAGE,
    request: SHARED_KEY,
    body: storage(
      'KeyBasedAuthenticationNotPermitted',
      'Key based authentication is not permitted on this storage account.',
    ),
  },
  'azure.storage.public_access': {
    status: 409,
    url: STORAGE,
    body: storage('PublicAccessNotPermitted', 'Public access is not permitted on this storage account.'),
  },
  'azure.storage.no_auth_info': {
    status: 401,
    url: STORAGE,
    body: storage(
      'NoAuthenticationInformation',
      'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
    ),
  },
  'azure.storage.account_disabled': {
    status: 403,
    url: STORAGE,
    body: storage('AccountIsDisabled', 'The specified account is disabled.'),
  },
  'azure.storage.authorization_failure': {
    status: 403,
    url: STORAGE,
    body: storage('AuthorizationFailure', 'This request is not authorized to perform this operation.'),
  },
  'azure.storage.authorization_failure.header': {
    status: 403,
    url: STORAGE,
    headers: { 'x-ms-error-code': 'AuthorizationFailure' },
  },
  'azure.storage.invalid_auth': {
    status: 403,
    url: STORAGE,
    request: SHARED_KEY,
    body: storage(
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly.',
    ),
  },
  'azure.entra.token_expired': {
    status: 400,
    url: TOKEN,
    body: entra('AADSTS700082', 'The refresh token has expired due to inactivity.'),
  },
  'azure.entra.client_secret_expired': {
    status: 401,
    url: TOKEN,
    body: entra('AADSTS7000222', 'The provided client secret keys for app are expired.'),
  },
  'azure.entra.invalid_client': {
    status: 401,
    url: TOKEN,
    body: entra('AADSTS7000215', 'Invalid client secret provided.'),
  },
  'azure.entra.consent': {
    status: 400,
    url: TOKEN,
    body: entra('AADSTS65001', 'The user or administrator has not consented to use the application.'),
  },
  'azure.entra.not_assigned': {
    status: 400,
    url: TOKEN,
    body: entra('AADSTS50105', 'The signed in user is not assigned to a role for the application.'),
  },
  'azure.graph.token_expired': {
    status: 401,
    request: BEARER,
    body: odata('InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  },
  'azure.graph.token_missing': { status: 401, body: odata('InvalidAuthenticationToken', 'Access token is empty.') },
  'azure.graph.token_invalid': {
    status: 401,
    request: BEARER,
    body: odata('InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'),
  },
  'azure.graph.insufficient_privileges': {
    status: 403,
    request: BEARER,
    body: odata('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  },
  'azure.arm.authorization_failed': {
    status: 403,
    url: ARM,
    request: BEARER,
    body: odata(
      'AuthorizationFailed',
      "The client 'x' with object id 'y' does not have authorization to perform action 'Microso" +
        "ft.Resources/subscriptions/resourcegroups/read' " +
        "over scope '/subscriptions/0'.",
    ),
  },
  'azure.arm.token_expired': {
    status: 401,
    url: ARM,
    request: BEARER,
    body: odata(
      'ExpiredAuthenticationToken',
      "The access token expiry UTC time '11/21/2026 11:00:00 AM' is earlier than current UTC time.",
    ),
  },
  'azure.arm.token_tenant': {
    status: 401,
    url: ARM,
    request: BEARER,
    body: odata(
      'InvalidAuthenticationTokenTenant',
      "The access token is from the wrong issuer 'https://sts.windows.net/x/'.",
    ),
  },
  'azure.frontdoor.waf': {
    status: 403,
    headers: { 'x-azure-ref': '0abc' },
    body: '<html><body><h2>The request is blocked.</h2><p>0abc</p></body></html>',
  },
  'azure.appservice.ip_restricted': {
    status: 403,
    body: '<h1>Error 403 - Forbidden</h1><p>The web app you have attempted to reach has blocked your access.</p>',
  },
  'azure.appservice.stopped': {
    status: 403,
    body: '<h1>Error 403 - This web app is stopped.</h1><p>The web app you have attempted to reach is currently stopped.</p>',
  },
};
