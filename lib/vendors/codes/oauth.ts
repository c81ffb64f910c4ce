import { TOKEN_REFUSED } from './refusal-wording';
import type { CodeRow, CodeTable } from './types';

const RE_AUTH =
  'Obtain a new authorization (sign in again) and exchange it promptly; codes are single-use and short-lived.';

/** unauthorized_client, and the invalid_request some servers send for the same refusal. */
const GRANT_NOT_ALLOWED = {
  cause: 'permission.denied',
  level: 'likely',
  refusal: true,
  means: 'this client is not allowed to use this grant type',
  fixes: [
    'Enable the grant type (e.g. client_credentials, refresh_token) for this client in the authorization server.',
  ],
} as const satisfies Omit<CodeRow, 'codes'>;

/**
 * OAuth 2.0 token-endpoint errors (RFC 6749 §5.2), resource-server errors in a JSON body
 * (RFC 6750 §3.1), the device grant's expired_token (RFC 8628 §3.5) and OpenID Connect's
 * authentication errors (OIDC Core §3.1.2.6).
 */
export const OAUTH_CODES: CodeTable = {
  name: 'OAuth 2.0',
  families: ['oauth'],
  source: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  rows: [
    {
      codes: ['invalid_client'],
      message: /secret[^.]{0,80}expired|expired[^.]{0,80}(?:secret|certificate|credential)/i,
      cause: 'api_key.expired',
      level: 'likely',
      refusal: true,
      means: "the client's secret (or certificate) expired",
      fixes: ['Create a new client secret in the app registration and update the app configuration with it.'],
    },
    {
      codes: ['invalid_client'],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: "the client's own credentials (client_id / client_secret / assertion) failed authentication",
      fixes: [
        'Check the client_id and client_secret (or the signed client assertion) registered for this environment; ' +
          'secrets expire and are rotated.',
        "Send the client credentials the way the server expects (HTTP Basic or in the body, per the client's " +
          'token_endpoint_auth_method), not both.',
      ],
    },
    {
      codes: ['invalid_grant'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means:
        'the grant (authorization code, refresh token, password or assertion) is invalid, revoked, used or expired',
      fixes: [
        'For a refresh token: it was revoked, rotated (already used once) or expired; sign the user in again and store the new one.',
        RE_AUTH,
        'Check that redirect_uri and the PKCE code_verifier match the authorization request.',
      ],
    },
    {
      codes: ['unauthorized_client'],
      ...GRANT_NOT_ALLOWED,
    },
    {
      codes: ['invalid_scope'],
      cause: 'permission.insufficient_scope',
      level: 'likely',
      refusal: true,
      means: 'the requested scope is unknown, malformed, or more than this client may be granted',
      fixes: [
        'Request only scopes defined for this API and allowed for this client (check spelling and the resource prefix).',
      ],
    },
    {
      codes: ['unsupported_grant_type'],
      cause: 'auth.malformed',
      level: 'possible',
      refusal: false,
      means: 'the authorization server does not support this grant_type',
      fixes: ['Send a grant_type the server supports, as application/x-www-form-urlencoded (not JSON).'],
    },
    // RFC 6749 §5.2 lets a server answer a client that did not authenticate, or one not allowed a
    // grant, with invalid_request; its description then says which (node-oidc-provider:
    // "no client authentication mechanism provided", "requested grant type is not allowed for
    // this client", https://github.com/panva/node-oidc-provider/blob/main/lib/shared/token_auth.js
    // and lib/actions/token.js). Those are refusals; any other invalid_request stays a malformed request.
    {
      codes: ['invalid_request'],
      message:
        /no\s+client\s+authentication|client\s+authentication\s+(?:is\s+)?(?:required|missing)|(?:missing|no)\s+client\s+credentials/i,
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: 'the client sent no credentials of its own to the token endpoint',
      fixes: [
        'Authenticate the client as registered (token_endpoint_auth_method): HTTP Basic with client_id:client_secret, the secret in the body, or a signed assertion.',
      ],
    },
    {
      codes: ['invalid_request'],
      message:
        /grant[\s_]type[^.]{0,40}not\s+(?:allowed|permitted|authori[sz]ed)|not\s+(?:allowed|permitted)\s+(?:for|to\s+use)[^.]{0,40}grant/i,
      ...GRANT_NOT_ALLOWED,
    },
    {
      codes: ['invalid_request'],
      cause: 'auth.malformed',
      level: 'possible',
      refusal: false,
      means: 'a required parameter is missing, repeated or malformed, or the credential was sent more than one way',
      fixes: [
        'Send the parameters the endpoint documents, form-encoded, and the token or client credentials one way only.',
      ],
    },
    {
      codes: ['invalid_token'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the access token is expired, revoked, malformed or not for this resource (RFC 6750 §3.1)',
      fixes: ['Refresh or re-obtain the access token for this API (check its audience and issuer).'],
    },
    {
      codes: ['insufficient_scope'],
      cause: 'permission.insufficient_scope',
      level: 'certain',
      refusal: true,
      means: 'the access token lacks the scope this resource requires (RFC 6750 §3.1)',
      fixes: ['Request the scope the resource requires when obtaining the token, then use the new token.'],
    },
    {
      codes: ['expired_token'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the device code expired before the user approved it (RFC 8628 §3.5)',
      fixes: ['Start a new device authorization and have the user approve it before it expires.'],
    },
    // access_denied is the authorization endpoint's "the owner or the server said no" (RFC 6749
    // §4.1.2.1), but some servers also send it where a bearer token is checked, and the description
    // then names the token: ForgeRock AM's dynamic client registration answers a request without an
    // initial access token with 400 {"error":"access_denied","error_description":"Access Token not
    // valid"}. That is the token refused (RFC 6750's invalid_token), not a right the caller lacks.
    {
      codes: ['access_denied'],
      message: TOKEN_REFUSED,
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the access token was not accepted',
      fixes: ['Send a valid access token for this endpoint (for client registration, the initial access token).'],
    },
    {
      codes: ['access_denied'],
      cause: 'permission.denied',
      // Auth0 answers a wrong client secret at /oauth/token with access_denied "Unauthorized".
      atTokenEndpoint: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the resource owner or the authorization server denied the request',
      fixes: ['Check that the user consented and is allowed to use this application.'],
    },
    {
      codes: ['login_required', 'interaction_required'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the user must sign in (OpenID Connect §3.1.2.6)',
      fixes: ['Send the user through an interactive sign-in instead of a silent one.'],
    },
    {
      codes: ['consent_required'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the user has not consented to this application (OpenID Connect §3.1.2.6)',
      fixes: ['Ask for consent interactively (prompt=consent), or have an administrator grant it.'],
    },
  ],
};

/**
 * Any other OAuth-shaped error from a token endpoint ({"error":"invalid_client_id"} from
 * Salesforce): the endpoint refused the client's credentials or the grant (RFC 6749 §5.2).
 */
export const TOKEN_ENDPOINT_REFUSAL = {
  codes: [],
  cause: 'auth.invalid',
  level: 'likely',
  refusal: true,
  means: "the token endpoint refused the client's credentials or the grant",
  fixes: [
    'Check client_id, client_secret and redirect_uri against the app registration for this environment; a refresh ' +
      'token may have been revoked or rotated: sign in again.',
  ],
} as const satisfies CodeRow;
