import { BEARER, type SampleTable } from './types';

// Documented bodies, as the vendors send them (the API references cited on each row in
// lib/vendors/saas-dev.ts; the exact bytes as client libraries' test fixtures record them):
// Twitch Helix {"error":"Unauthorized","status":401,"message":"Missing scope: …"} (nicklaw5/helix tests);
// Postmark {"ErrorCode":10,"Message":"No Account or Server API tokens were supplied in the HTTP headers. …"};
// Algolia {"message":"Invalid Application-ID or API key","status":403} (algoliasearch-client-java tests);
// Figma {"status":403,"err":"Invalid token"}; Vercel {"error":{"code":"forbidden","message":"Not authorized",
// "invalidToken":true}} and {"error":{"code":"forbidden","message":"The request is missing an authentication
// token","missingToken":true}}; Asana {"errors":[{"message":"Not Authorized","help":"…"}]}.
const TWITCH_URL = 'https://api.twitch.tv/helix/channels?broadcaster_id=141981764';
const TWITCH_CLIENT = { 'Client-Id': 'wbmytr93xzw8zbg0p1izqyzzc5mbiz' };
const twitch = (message: string) => JSON.stringify({ error: 'Unauthorized', status: 401, message });
const POSTMARK_URL = 'https://api.postmarkapp.com/email';
const POSTMARK_10 =
  '{"ErrorCode":10,"Message":"No Account or Server API tokens were supplied in the HTTP headers. Please add a ' +
  'header for either X-Postmark-Server-Token or X-Postmark-Account-Token."}';
const ALGOLIA_URL = 'https://latency-dsn.algolia.net/1/indexes/products/query';
const ALGOLIA_KEY = { 'X-Algolia-API-Key': '6be0576ff61c053d5f9a3225e2a90f76', 'X-Algolia-Application-Id': 'LATENCY' };
const FIGMA_URL = 'https://api.figma.com/v1/files/AbC123';
const VERCEL_URL = 'https://api.vercel.com/v9/projects/prj_123/env';
const ASANA_URL = 'https://app.asana.com/api/1.0/users/me';
const ASANA_401 =
  '{"errors":[{"message":"Not Authorized","help":"For more information on API status codes and how to handle ' +
  'them, read the docs on errors: https://developers.asana.com/docs/errors"}]}';

export const SAAS_DEV_SAMPLES: SampleTable = {
  'twitch.missing_scope': {
    status: 401,
    url: TWITCH_URL,
    request: { ...BEARER, ...TWITCH_CLIENT },
    body: twitch('Missing scope: channel:manage:broadcast'),
  },
  'twitch.token_missing': {
    status: 401,
    url: TWITCH_URL,
    request: TWITCH_CLIENT,
    body: twitch('OAuth token is missing'),
  },
  'twitch.invalid_token': {
    status: 401,
    url: TWITCH_URL,
    request: { ...BEARER, ...TWITCH_CLIENT },
    body: twitch('Invalid OAuth token'),
  },
  'postmark.no_token': { status: 401, url: POSTMARK_URL, body: POSTMARK_10 },
  'postmark.wrong_token': {
    status: 401,
    url: POSTMARK_URL,
    request: { 'X-Postmark-Account-Token': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
    body: POSTMARK_10,
  },
  'algolia.no_key': {
    status: 403,
    url: ALGOLIA_URL,
    body: '{"message":"Invalid Application-ID or API key","status":403}',
  },
  'algolia.invalid_key': {
    status: 403,
    url: ALGOLIA_URL,
    request: ALGOLIA_KEY,
    body: '{"message":"Invalid Application-ID or API key","status":403}',
  },
  'algolia.acl': {
    status: 403,
    url: 'https://latency-dsn.algolia.net/1/indexes/products',
    request: ALGOLIA_KEY,
    body: '{"message":"Method not allowed with this API key","status":403}',
  },
  'figma.no_token': { status: 403, url: FIGMA_URL, body: '{"status":403,"err":"Invalid token"}' },
  'figma.invalid_token': {
    status: 403,
    url: FIGMA_URL,
    request: { 'X-Figma-Token': 'figd_this_is_not_a_real_token_0000' },
    body: '{"status":403,"err":"Invalid token"}',
  },
  'vercel.missing_token': {
    status: 403,
    url: VERCEL_URL,
    body: '{"error":{"code":"forbidden","message":"The request is missing an authentication token","missingToken":true}}',
  },
  'vercel.invalid_token': {
    status: 403,
    url: VERCEL_URL,
    request: BEARER,
    body: '{"error":{"code":"forbidden","message":"Not authorized","invalidToken":true}}',
  },
  'asana.no_token': { status: 401, url: ASANA_URL, body: ASANA_401 },
  'asana.invalid_token': { status: 401, url: ASANA_URL, request: BEARER, body: ASANA_401 },
  'pypi.invalid_auth': {
    status: 403,
    url: 'https://upload.pypi.org/legacy/',
    request: { Authorization: 'Basic X190b2tlbl9fOnB5cGktQWdFSWNIbDVjR2t1YjNKbg==' },
    body:
      '<html><head><title>403 Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth ' +
      'for more information.</title></head><body><h1>403 Invalid or non-existent authentication information. See ' +
      'https://pypi.org/help/#invalid-auth for more information.</h1></body></html>',
  },
  'crates.auth_failed': {
    status: 403,
    url: 'https://crates.io/api/v1/crates/new',
    request: { Authorization: 'cioAbCdEfGhIjKlMnOpQrStUvWxYz0123456' },
    body: '{"errors":[{"detail":"authentication failed"}]}',
  },
  'trello.invalid_key': {
    status: 401,
    url: 'https://api.trello.com/1/members/me?key=0123456789abcdef&token=ATTA0123456789abcdef',
    body: 'invalid key',
  },
  // Raygun's documented 403 carries no wording the row relies on; the sample sends the key in X-ApiKey.
  'raygun.invalid_api_key': {
    status: 403,
    url: 'https://api.raygun.com/entries',
    request: { 'X-ApiKey': 'k3y0123456789abcdefEXAMPLE' },
  },
};
