import type { SampleTable } from './types';

// Documented refusals of lib/vendors/self-hosted.ts, each from the page its row cites.
// The key Tyk generates when hashing is on: base64 of {"org":…,"id":…,"h":"sha256"}, as shown in
// https://github.com/TykTechnologies/tyk/issues/5558; Tyk reads it raw from Authorization.
const TYK_KEY = {
  Authorization:
    'eyJvcmciOiIxMjNAZXhhbXBsZS5jb20iLCJpZCI6Ijk5NzhkZDk0MGNkMzQ5YmNhZWY3YmQyMDQxNGY3YmMyIiwiaCI6InNoYTI1NiJ9',
};
const TYK_HEADERS = { 'x-generator': 'tyk.io' };

export const SELF_HOSTED_SAMPLES: SampleTable = {
  'k8s.anonymous': {
    status: 403,
    url: 'https://10.0.0.1:6443/api/v1/namespaces/default/pods',
    body:
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User ' +
      '\\"system:anonymous\\" cannot list resource \\"pods\\" in API group \\"\\" in the namespace \\"default\\"",' +
      '"reason":"Forbidden","details":{"kind":"pods"},"code":403}',
  },
  'jenkins.crumb': {
    status: 403,
    url: 'https://ci.example.com/job/app/build',
    request: { Cookie: 'JSESSIONID.1a2b3c4d=node01x2y3z4.node0' },
    body:
      '<html><head><title>Error 403 No valid crumb was included in the request</title></head><body>' +
      '<h2>HTTP ERROR 403 No valid crumb was included in the request</h2></body></html>',
  },
  'wordpress.cookie_nonce': {
    status: 403,
    url: 'https://blog.example.com/wp-json/wp/v2/posts',
    request: { Cookie: 'wordpress_logged_in_0a1b2c=admin%7C1763000000%7Cabc', 'X-WP-Nonce': 'ab12cd34ef' },
    body: '{"code":"rest_cookie_invalid_nonce","message":"Cookie check failed","data":{"status":403}}',
  },
  'gitea.token_scope': {
    status: 403,
    url: 'https://gitea.example.com/api/v1/user',
    request: { Authorization: 'token 0123456789abcdef0123456789abcdef01234567' },
    body: '{"message":"token does not have at least one of required scope(s): [read:user]","url":"https://gitea.example.com/api/swagger"}',
  },
  'wso2.scope': {
    status: 403,
    url: 'https://gw.example.com:8243/pizzashack/1.0.0/order',
    request: { Authorization: 'Bearer 9f8c2e1a-7b6d-3c4e-9f2a-1b0c9d8e7f6a' },
    body:
      '{"code":"900910","message":"The access token does not allow you to access the requested resource",' +
      '"description":"User is NOT authorized to access the Resource: /order. Scope validation failed."}',
  },
  'appwrite.guest_scope': {
    status: 401,
    url: 'https://cloud.appwrite.io/v1/account',
    request: { 'X-Appwrite-Project': '66fe880a001f23a26817' },
    body: '{"message":"User (role: guests) missing scope (account)","code":401,"type":"general_unauthorized_scope","version":"1.5.7"}',
  },
  'tyk.key_expired': {
    status: 401,
    headers: TYK_HEADERS,
    request: TYK_KEY,
    body: '{\n    "error": "Key has expired, please renew"\n}',
  },
  'tyk.disallowed': {
    status: 403,
    headers: TYK_HEADERS,
    request: TYK_KEY,
    body: '{\n    "error": "Access to this API has been disallowed"\n}',
  },
  // MediaWiki's Action API: HTTP 200, the code in MediaWiki-API-Error and in {"error":{"code","info"}}
  // (https://www.mediawiki.org/wiki/API:Errors_and_warnings).
  'mediawiki.badtoken': mediawiki('badtoken', 'Invalid CSRF token.', { Cookie: 'wiki_session=8c2b1f0e9d7a6c5b' }),
  'mediawiki.not_logged_in': mediawiki('readapidenied', 'You need read permission to use this module.'),
  'mediawiki.oauth_invalid': mediawiki(
    'mwoauth-invalid-authorization',
    'The authorization headers in your request are not valid: Invalid signature',
    { Authorization: 'OAuth oauth_consumer_key="abc", oauth_token="def", oauth_signature="x"' },
  ),
  'mediawiki.ratelimited': mediawiki(
    'ratelimited',
    'As an anti-abuse measure, you are limited from performing this action too many times in a short space of time, ' +
      'and you have exceeded this limit. Please try again in a few minutes.',
    { Cookie: 'wiki_session=8c2b1f0e9d7a6c5b' },
  ),
  'mediawiki.permission': mediawiki(
    'permissiondenied',
    "You don't have permission to delete pages, for the following reason: The action you have requested is limited " +
      'to users in the group: Administrators.',
    { Cookie: 'wiki_session=8c2b1f0e9d7a6c5b' },
  ),
  // Discourse's answer to a wrong Api-Key (the same invalid_access body as a missing right, with its own sentence).
  'discourse.invalid_key': {
    status: 403,
    url: 'https://forum.example.com/posts.json',
    request: {
      'Api-Key': '714552c6148e1617aeab526d0606184b94a80ec048fc09894ff1a72b740c5f19',
      'Api-Username': 'system',
    },
    body:
      '{"errors":["You are not permitted to view the requested resource. The API username or key is invalid."],' +
      '"error_type":"invalid_access"}',
  },
  // Magento's webapi answer to a token without the endpoint's ACL resource.
  'magento.acl_resource': {
    status: 401,
    url: 'https://store.example.com/rest/V1/products?searchCriteria=',
    request: { Authorization: 'Bearer 9f8c2e1a7b6d5c4e3f2a1b0c9d8e7f6a' },
    body: '{"message":"The consumer isn\'t authorized to access %resources.","parameters":{"resources":"Magento_Catalog::products"}}',
  },
};

function mediawiki(code: string, info: string, request?: Readonly<Record<string, string>>) {
  return {
    status: 200,
    url: 'https://wiki.example.org/w/api.php',
    headers: { 'MediaWiki-API-Error': code, 'Content-Type': 'application/json; charset=utf-8' },
    ...(request ? { request } : {}),
    body: JSON.stringify({ error: { code, info, '*': 'See https://wiki.example.org/w/api.php for API usage.' } }),
  };
}
