import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Self-hosted applications whose refusal wording reads as another cause without them: Discourse states a wrong API
// key inside its generic "not permitted" message, and Magento (Adobe Commerce) refuses a token without the ACL
// resource with 401, the status of a missing credential.
const DISCOURSE = 'https://meta.discourse.org/t/discourse-rest-api-documentation/22706';
const MAGENTO = 'https://developer.adobe.com/commerce/webapi/get-started/authentication/';

export const SELF_HOSTED_APPS: readonly Signature[] = [
  {
    // 403 {"errors":["You are not permitted to view the requested resource. The API username or key is invalid."],
    // "error_type":"invalid_access"}: the key (or the Api-Username it is paired with) is wrong, not the user's rights.
    id: 'discourse.invalid_key',
    vendor: 'Discourse',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 401],
    body: /The\s+API\s+username\s+or\s+key\s+is\s+invalid/i,
    requires: 'credentials',
    title: 'Discourse did not accept the API key or the username sent with it',
    summary:
      'Discourse checks the Api-Key header together with Api-Username: the key is unknown or revoked, or it is a ' +
      'single-user key sent with another username.',
    fixes: [
      'Send a key from Admin → API (Api-Key header) with an Api-Username the key may act as (any user for an "All users" key).',
    ],
    source: DISCOURSE,
  },
  {
    // 401 {"message":"The consumer isn't authorized to access %resources.","parameters":{"resources":"Magento_Catalog::products"}}
    id: 'magento.acl_resource',
    vendor: 'Magento',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 403],
    body: /consumer\s+is(?:n't|\s+not)\s+authorized\s+to\s+access/i,
    requires: 'credentials',
    title: "Magento's token does not include this API resource",
    summary:
      'The integration, admin or customer token was read, but its role or integration does not grant the ACL ' +
      'resource the endpoint needs (the body names it, e.g. Magento_Catalog::products).',
    fixes: [
      "Grant the named resource to the integration (System → Integrations → API) or to the admin user's role, then reissue the token.",
    ],
    source: MAGENTO,
  },
];
