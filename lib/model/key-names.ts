// Where API keys travel, by the names gateways document: AWS API Gateway x-api-key, Azure APIM
// Ocp-Apim-Subscription-Key, Google x-goog-api-key / key=, Kong apikey, Apigee, RapidAPI,
// Gravitee, IBM API Connect, Tyk/3scale, plus common conventions. Diagnosis reads them,
// redaction hides them, the replay editor offers them: one list for all three.
export const API_KEY_HEADERS: ReadonlySet<string> = new Set([
  'x-api-key',
  'api-key',
  'apikey',
  'x-apikey',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-functions-key',
  'x-rapidapi-key',
  'x-auth-token',
  'x-access-token',
  'x-app-key',
  'x-application-key',
  'x-client-key',
  'private-token',
  'x-gravitee-api-key',
  'x-ibm-client-id',
  'x-api-token',
  'x-auth-key',
  'x-subscription-key',
  'x-api-secret',
  'x-user-key',
  'x-token',
  // Datadog's API and application keys (https://docs.datadoghq.com/api/latest/authentication/).
  'dd-api-key',
  'dd-application-key',
  // Fastly's API token (https://www.fastly.com/documentation/reference/api/#authentication).
  'fastly-key',
  // MuleSoft's Client ID Enforcement policy reads client_id / client_secret headers by default
  // (https://docs.mulesoft.com/mule-gateway/policies-included-client-id-enforcement).
  'client_id',
  'client_secret',
]);

// In-house names follow the same few shapes: Parse's X-Parse-Session-Token and X-Parse-REST-API-Key
// (https://docs.parseplatform.org/rest/guide/#request-format), LeanCloud's X-LC-Session, an
// X-<App>-Access-Token. A header named so carries a credential even when no list knows the vendor.
// Anti-CSRF tokens prove no identity and are read by the CSRF rules instead.
// A product's own token header, X-<Product>-Token: HashiCorp Vault's X-Vault-Token
// (https://developer.hashicorp.com/vault/api-docs#authentication), Consul's X-Consul-Token, Nomad's
// X-Nomad-Token; Postmark's X-Postmark-Server-Token and X-Postmark-Account-Token
// (https://postmarkapp.com/developer/api/overview#authentication). Paging and idempotency tokens are not credentials.
// Some vendors prefix their key header with a short name of their own instead of X-: ElevenLabs' xi-api-key
// (https://elevenlabs.io/docs/api-reference/authentication), Datadog's DD-API-KEY.
const CREDENTIAL_HEADER =
  /^x-[a-z0-9-]*?(?:api-?key|(?:session|auth|access|bearer|id|server|account)-token|session(?:-id)?|master-key|client-key|app-key|secret-key)$|^x-[a-z0-9]+-token$|^[a-z0-9]{1,12}-api-key$/;
const NOT_CREDENTIAL_HEADER =
  /(?:^|-)(?:csrf|xsrf)-|^x-(?:page|next|continuation|sync|upload|request|idempotency|cache|cancel|resume|challenge)-token$/;

/** Whether a request header (lower-case name) carries an API key or a session credential. */
export function isKeyHeader(name: string): boolean {
  return API_KEY_HEADERS.has(name) || (CREDENTIAL_HEADER.test(name) && !NOT_CREDENTIAL_HEADER.test(name));
}

export const API_KEY_PARAMS: ReadonlySet<string> = new Set([
  'key',
  'api_key',
  'apikey',
  'api-key',
  'x-api-key',
  'subscription-key',
  'access_token',
  'access-token',
  'auth_token',
  'token',
  'jwt',
  'app_key',
  'appid',
  'client_key',
  'user_key',
  'hapikey',
  // Pipedrive's API token (https://pipedrive.readme.io/docs/how-to-find-the-api-token), and others that name it so.
  'api_token',
  // Algolia's browser clients send the key as a query parameter
  // (https://www.algolia.com/doc/rest-api/search/#authentication).
  'x-algolia-api-key',
  // WooCommerce's REST keys as query parameters over HTTPS
  // (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https).
  'consumer_key',
  'consumer_secret',
  // Pusher Channels' HTTP API: the app key beside auth_timestamp and auth_signature
  // (https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication).
  'auth_key',
]);
