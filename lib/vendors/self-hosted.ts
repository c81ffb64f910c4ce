import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Software that many teams run themselves in front of their APIs and tools: the Kubernetes API
// server, Jenkins, WordPress, Gitea/Forgejo, Appwrite, and the Tyk and WSO2 gateways. Each one's wording is its own and
// appears wherever it is deployed, so no host is required.
const K8S_ANONYMOUS = 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests';
const JENKINS_CSRF = 'https://www.jenkins.io/doc/book/security/csrf-protection/';
const WP_AUTH = 'https://developer.wordpress.org/rest-api/using-the-rest-api/authentication/';
const GITEA_SCOPES = 'https://github.com/go-gitea/gitea/blob/main/routers/api/v1/api.go';
const TYK_EXPIRY =
  'https://tyk.io/docs/basic-config-and-security/security/authentication-authorization/physical-key-expiry/';
const TYK_ERRORS = 'https://tyk.io/docs/5.0/error-response-codes';
// WSO2 API Manager's gateway faults: {"code":"900910","message":…,"description":…} (or <ams:code> in XML).
const WSO2_ERRORS = 'https://apim.docs.wso2.com/en/latest/troubleshooting/error-handling/';
const APPWRITE_CODES = 'https://appwrite.io/docs/advanced/platform/response-codes';
// Tyk's error template is {"error": "<message>"} (templates/error.json).
const tyk = (message: string): RegExp => new RegExp(`"error"\\s*:\\s*"${message}"`, 'i');

export const SELF_HOSTED: readonly Signature[] = [
  {
    id: 'k8s.anonymous',
    vendor: 'Kubernetes',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    status: [403],
    // The API server's Status message, and the kubelet's plain-text form.
    body: /\bUser\s+"system:anonymous"\s+cannot\s+\w+|\(user=system:anonymous,/,
    title: 'The Kubernetes API server saw no credential (system:anonymous)',
    summary:
      'With anonymous requests enabled, a request no authenticator recognised runs as the user system:anonymous, and ' +
      'RBAC refuses it with 403. The refusal is of an identity the caller never meant to use: the token or client ' +
      'certificate did not reach the API server (no Authorization header, a proxy that dropped it, a client ' +
      'certificate not presented).',
    fixes: [
      'Send the credential from the kubeconfig (Authorization: Bearer <service-account token>, or the client certificate).',
      'Behind a proxy or ingress, make sure it forwards the Authorization header or passes the client certificate through.',
    ],
    source: K8S_ANONYMOUS,
  },
  {
    id: 'jenkins.crumb',
    vendor: 'Jenkins',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    body: /No\s+valid\s+crumb\s+was\s+included\s+in\s+the\s+request/i,
    title: 'Jenkins\' CSRF protection wants a crumb ("No valid crumb was included in the request")',
    summary:
      'Jenkins refuses a POST made with a session or a password unless it carries the crumb (its CSRF token) issued ' +
      'to the same web session. Requests authenticated with an API token need none.',
    fixes: [
      'Authenticate with a user API token (Basic user:token): Jenkins then requires no crumb.',
      'Or GET /crumbIssuer/api/json in the same session (keep its cookie) and send the crumb in the Jenkins-Crumb header.',
    ],
    source: JENKINS_CSRF,
  },
  {
    id: 'wordpress.cookie_nonce',
    vendor: 'WordPress',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    body: /"code"\s*:\s*"rest_cookie_invalid_nonce"/,
    title: 'WordPress refused the REST nonce ("Cookie check failed")',
    summary:
      "A REST request authenticated by the login cookie must carry a wp_rest nonce (X-WP-Nonce or _wpnonce), WordPress' " +
      'CSRF defence. The one sent is stale or made for another user or action.',
    fixes: [
      "Send a fresh nonce from wp_create_nonce( 'wp_rest' ) (wpApiSettings.nonce) in the X-WP-Nonce header; reload the page after logging in or out.",
    ],
    source: WP_AUTH,
  },
  {
    id: 'gitea.token_scope',
    vendor: 'Gitea',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [403],
    body: /token\s+does\s+not\s+have\s+at\s+least\s+one\s+of\s+required\s+scope/i,
    title: 'The Gitea (or Forgejo) token lacks a scope this endpoint requires',
    summary:
      'Access tokens carry scopes per category (repository, issue, user, organization…, read or write); the API ' +
      'refuses a call whose category and level the token was not given, and names what it requires.',
    fixes: ['Create a token with the scope the message names (e.g. read:user, write:repository) and use it instead.'],
    source: GITEA_SCOPES,
  },
  {
    id: 'wso2.scope',
    vendor: 'WSO2 API Manager',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [403],
    body: /(?:"code"\s*:\s*"?|<ams:code>)900910\b/,
    title: 'The access token lacks the scope this API resource requires (WSO2 API Manager, 900910)',
    summary:
      'The gateway validated the token, but the resource is bound to a scope the token was not issued with ' +
      '("The access token does not allow you to access the requested resource").',
    fixes: [
      "Request the token with the resource's scope (scope=… in the token request), as a user or application allowed that scope's role.",
    ],
    source: WSO2_ERRORS,
  },
  {
    id: 'appwrite.guest_scope',
    vendor: 'Appwrite',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    status: [401],
    // "User (role: guests) missing scope (account)"; since 1.6 "missing scopes ([\"account\"])".
    body: /\(role:\s*guests\)\s+missing\s+scopes?\b/i,
    title: 'Appwrite saw no session: the request ran as a guest (general_unauthorized_scope)',
    summary:
      'Appwrite answers a request without a session (or API key) as the guests role, and guests lack the scope this ' +
      'endpoint needs (account for /account). The session cookie or X-Appwrite-Session header did not arrive: not ' +
      'logged in yet, a third-party cookie the browser blocked, or a server-side call without the session.',
    fixes: [
      'Create the session first (account.createEmailPasswordSession) and send its cookie; use a custom domain so the cookie is first-party.',
      'On a server, pass the session (client.setSession) or an API key with the needed scopes.',
    ],
    source: APPWRITE_CODES,
  },
  {
    id: 'tyk.key_expired',
    vendor: 'Tyk',
    group: 'tyk',
    cause: 'api_key.expired',
    confidence: CONFIDENCE.certain,
    status: [401],
    body: tyk('Key has expired, please renew'),
    title: 'The Tyk gateway says the key has expired',
    summary: "The key's session object has passed its expires time; Tyk keeps it but no longer accepts it.",
    fixes: ['Renew the key (or issue a new one) in the Tyk Dashboard or through the Gateway API, then retry.'],
    source: TYK_EXPIRY,
  },
  {
    id: 'tyk.disallowed',
    vendor: 'Tyk',
    group: 'tyk',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likely,
    status: [400, 403],
    flags: true,
    body: tyk('Access to this API has been disallowed'),
    requires: 'credentials',
    title: 'The Tyk gateway does not accept this key for this API',
    summary:
      'Tyk answers so when it knows no key by this value (never issued, or deleted) and when the key has no access ' +
      'rights to this API or version. Tyk reads the raw key from the Authorization header (a "Bearer " prefix is ' +
      'optional).',
    fixes: [
      'Check the key value, and that its access rights (or its policy) include this API and version.',
      'If the key was deleted from the gateway, issue a new one.',
    ],
    source: TYK_ERRORS,
  },
];
