import { BEARER, type SampleTable } from './types';

// Documented bodies, as the vendors send them:
// Dropbox: https://www.dropbox.com/developers/documentation/http/documentation#error-handling and the
//   AuthError union of https://github.com/dropbox/dropbox-api-spec/blob/master/auth.stone
// Spotify: https://developer.spotify.com/documentation/web-api/concepts/api-calls (error object
//   {"error":{"status","message"}}); the messages as its clients' test fixtures record them.
// Shopify: https://shopify.dev/docs/api/usage/access-scopes (403 "[API] This action requires merchant approval …").
// X: https://docs.x.com/x-api/fundamentals/response-codes-and-errors; the client-forbidden body verbatim
//   from https://github.com/xdevplatform/twitter-api-java-sdk/issues/64.
// HubSpot: https://developers.hubspot.com/docs/api/error-handling.
const DROPBOX_URL = 'https://api.dropboxapi.com/2/files/list_folder';
const dropbox = (tag: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ error_summary: `${tag}/`, error: { '.tag': tag, ...extra } });
const SPOTIFY_URL = 'https://api.spotify.com/v1/me/playlists';
const spotify = (status: number, message: string) => JSON.stringify({ error: { status, message } });
const X_URL = 'https://api.twitter.com/2/tweets';
const HUBSPOT_URL = 'https://api.hubapi.com/crm/v3/objects/contacts';

export const SAAS_CONSUMER_SAMPLES: SampleTable = {
  'dropbox.expired_access_token': {
    status: 401,
    url: DROPBOX_URL,
    request: BEARER,
    body: dropbox('expired_access_token'),
  },
  'dropbox.invalid_access_token': {
    status: 401,
    url: DROPBOX_URL,
    request: BEARER,
    body: dropbox('invalid_access_token'),
  },
  'dropbox.missing_scope': {
    status: 401,
    url: DROPBOX_URL,
    request: BEARER,
    body: dropbox('missing_scope', { required_scope: 'files.metadata.read' }),
  },
  'spotify.token_expired': {
    status: 401,
    url: SPOTIFY_URL,
    request: BEARER,
    body: spotify(401, 'The access token expired'),
  },
  'spotify.invalid_token': {
    status: 401,
    url: SPOTIFY_URL,
    request: BEARER,
    body: spotify(401, 'Invalid access token'),
  },
  'spotify.no_token': { status: 401, url: SPOTIFY_URL, body: spotify(401, 'No token provided') },
  'spotify.insufficient_scope': {
    status: 403,
    url: SPOTIFY_URL,
    request: BEARER,
    body: spotify(403, 'Insufficient client scope'),
  },
  'shopify.merchant_approval': {
    status: 403,
    url: 'https://acme.myshopify.com/admin/api/2024-01/orders.json',
    request: { 'X-Shopify-Access-Token': 'shpat_0123456789abcdef0123456789abcdef' },
    body: '{"errors":"[API] This action requires merchant approval for read_orders scope."}',
  },
  'x.client_not_enrolled': {
    status: 403,
    url: X_URL,
    request: BEARER,
    body:
      '{"client_id":"27512824","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use ' +
      'keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the ' +
      'developer portal.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":' +
      '"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled",' +
      '"type":"https://api.twitter.com/2/problems/client-forbidden"}',
  },
  'x.usage_capped': {
    status: 429,
    url: 'https://api.twitter.com/2/tweets/search/recent?query=x',
    request: BEARER,
    body:
      '{"account_id":1234567,"product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly",' +
      '"scope":"Product","detail":"Usage cap exceeded: Monthly product cap",' +
      '"type":"https://api.twitter.com/2/problems/usage-capped"}',
  },
  'hubspot.expired_authentication': {
    status: 401,
    url: HUBSPOT_URL,
    request: BEARER,
    body:
      '{"status":"error","message":"The OAuth token used to make this call expired 75 second(s) ago.",' +
      '"correlationId":"0d1f6a0e-5a52-4c37-9f0e-0a6b1c2d3e4f","category":"EXPIRED_AUTHENTICATION",' +
      '"context":{"expire time":["2022-06-21T10:37:52.040Z"]}}',
  },
  'hubspot.missing_scopes': {
    status: 403,
    url: HUBSPOT_URL,
    request: BEARER,
    body:
      '{"status":"error","message":"This app hasn\'t been granted all required scopes to make this call.",' +
      '"correlationId":"f1abc06c-a32c-4e17-bfc6-1739c77b6eac","errors":[{"message":"One or more of the following ' +
      'scopes are required.","context":{"requiredGranularScopes":["crm.objects.companies.write"]}}],' +
      '"category":"MISSING_SCOPES"}',
  },
};
