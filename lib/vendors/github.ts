import { anyOf } from '../core/any-of';
import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// GitHub REST API errors: {"message": …, "documentation_url": "https://docs.github.com/…"}.
// Messages like "Bad credentials" are too common to trust alone: GitHub's headers must be there.
const REST = 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api';
const RATE = 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api';
const SSO =
  'https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api#authenticating-with-a-personal-access-token-and-saml-sso';
const GITHUB: readonly HeaderMatch[] = [
  { name: 'x-github-request-id' },
  { name: 'x-github-media-type' },
  { name: 'x-github-api-version-selected' },
  { name: 'x-ratelimit-resource' },
];
const OAUTH_ERRORS =
  'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';
const V = 'GitHub';
const G = 'github';

export const GITHUB_SIGNATURES: readonly Signature[] = [
  {
    id: 'github.sso_required',
    vendor: V,
    group: G,
    cause: 'auth.sso_required',
    confidence: CONFIDENCE.certain,
    header: { name: 'x-github-sso', value: /required/i },
    title: "The token is not authorized for the organization's SAML SSO",
    summary:
      'The organization enforces SAML single sign-on and this personal access token or OAuth token ' +
      'has not been authorized for it. X-GitHub-SSO carries the URL to authorize it.',
    fixes: [
      'Open the URL in the X-GitHub-SSO header (or Settings > Developer settings > Tokens > Configure ' +
        'SSO) and authorize the token for the organization.',
    ],
    source: SSO,
  },
  {
    id: 'github.saml_enforcement',
    vendor: V,
    group: G,
    cause: 'auth.sso_required',
    confidence: CONFIDENCE.likelyPlus5,
    body: anyOf(
      /organization\s+SAML\s+enforcement/,
      /must\s+grant\s+your\s+(?:Personal\s+Access\s+token|OAuth\s+token|\w+\s+token)\s+access\s+to\s+this\s+organization/,
      'i',
    ),
    title: "The token is not authorized for the organization's SAML SSO",
    summary:
      '"Resource protected by organization SAML enforcement": the token must be authorized for the organization\'s SSO.',
    fixes: ['Authorize the token for the organization (Configure SSO next to the token in Developer settings).'],
    source: SSO,
  },
  {
    id: 'github.ip_allow_list',
    vendor: V,
    group: G,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    body: /has\s+an\s+IP\s+allow\s+list\s+enabled,?\s+and\s+your\s+IP\s+address\s+is\s+not\s+permitted/i,
    title: "The organization's IP allow list excludes the caller",
    summary:
      "The organization (or enterprise) restricts access to listed IP ranges and the caller's address is not among them.",
    fixes: ['Call from an allowed network, or ask an owner to add the IP range to the allow list.'],
    source:
      'https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-secur' +
      'ity-settings-for-your-organization/managing-allowed-ip-addresses-for-your-organization',
  },
  {
    id: 'github.secondary_rate_limit',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: [403, 429],
    body: /secondary\s+rate\s+limit|abuse\s+detection\s+mechanism/i,
    title: 'GitHub secondary rate limit',
    summary:
      'Too many requests in a short time, too many concurrent requests, or too much content creation: ' +
      "GitHub's secondary limits apply regardless of the remaining primary quota.",
    fixes: [
      'Wait for Retry-After (or at least a minute), then make requests serially and slow down content-creating calls.',
    ],
    source: RATE,
  },
  {
    id: 'github.rate_limit',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: [403, 429],
    body: /API\s+rate\s+limit\s+exceeded/i,
    anyHeader: GITHUB,
    title: 'GitHub API rate limit exceeded',
    summary:
      'The primary hourly quota is spent (X-RateLimit-Remaining: 0). Unauthenticated calls get ' +
      '60 per hour per IP; authenticated ones 5,000 or more.',
    fixes: [
      'Wait until X-RateLimit-Reset (epoch seconds), authenticate the calls, or use conditional ' +
        'requests (ETag) which do not count when 304.',
    ],
    source: RATE,
  },
  {
    id: 'github.rate_limit.header',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 429],
    header: [{ name: 'x-ratelimit-remaining', value: /^\s*0\s*$/ }, { name: 'x-ratelimit-resource' }],
    title: 'GitHub API rate limit exceeded',
    summary: 'X-RateLimit-Remaining is 0 for this resource: the quota is spent until X-RateLimit-Reset.',
    fixes: ['Wait until X-RateLimit-Reset, or authenticate the calls for a higher quota.'],
    source: RATE,
  },
  {
    id: 'github.bad_credentials',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    body: /"message"\s*:\s*"Bad\s+credentials"/i,
    anyHeader: GITHUB,
    title: 'GitHub rejected the token ("Bad credentials")',
    summary:
      'The token is wrong, revoked, expired (fine-grained and OAuth tokens expire), or was deleted ' +
      'by GitHub secret scanning after being exposed.',
    fixes: [
      'Create a new token and check it is sent as "Authorization: Bearer <token>" (or "token <token>") without quotes or whitespace.',
    ],
    source: REST,
  },
  {
    id: 'github.requires_authentication',
    vendor: V,
    group: G,
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /"message"\s*:\s*"Requires\s+authentication"/i,
    anyHeader: GITHUB,
    title: 'GitHub wants authentication for this endpoint',
    summary: 'The endpoint needs a token and the request had none (or GitHub could not read it).',
    fixes: ['Send "Authorization: Bearer <token>" with a token that has access to this resource.'],
    source: REST,
  },
  {
    id: 'github.not_accessible',
    vendor: V,
    group: G,
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Resource\s+not\s+accessible\s+by\s+(?:integration|personal\s+access\s+token|app)/i,
    title: "The token's permissions do not cover this resource",
    summary:
      'A GitHub App or fine-grained token lacks the permission (or repository access) this endpoint ' +
      "needs; in Actions, GITHUB_TOKEN's permissions block may be too narrow.",
    fixes: [
      'Grant the permission the endpoint lists (e.g. contents: write, pull_requests: write) to ' +
        'the app, fine-grained token or workflow permissions, and include this repository.',
    ],
    source:
      'https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens',
  },
  {
    id: 'github.oauth_restrictions',
    vendor: V,
    group: G,
    cause: 'api_key.restricted',
    confidence: CONFIDENCE.likely,
    body: /has\s+enabled\s+OAuth\s+App\s+access\s+restrictions/i,
    title: 'The organization has not approved this OAuth App',
    summary: 'The organization restricts third-party OAuth Apps and this one has not been approved.',
    fixes: ['Ask an organization owner to approve the OAuth App, or use a GitHub App installed on the organization.'],
    source:
      'https://docs.github.com/en/organizations/managing-oauth-access-to-your-organizations-data/about-oauth-app-access-restrictions',
  },
  {
    id: 'github.admin_rights',
    vendor: V,
    group: G,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Must\s+have\s+(?:admin|push|write)\s+(?:rights|access)|Must\s+be\s+an\s+organization\s+owner/i,
    anyHeader: GITHUB,
    title: 'The GitHub user lacks the role for this action',
    summary:
      'The token is valid but its user needs admin (or write) rights on the repository or organization for this call.',
    fixes: ['Use an account with the required role, or ask an admin to grant it.'],
    source: REST,
  },
  // The OAuth token endpoint (https://github.com/login/oauth/access_token) answers its errors with 200, as
  // form-encoded text unless the request asked for JSON (Accept: application/json).
  {
    id: 'github.oauth.bad_verification_code',
    vendor: V,
    group: 'github.oauth',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    status: [200, 400],
    flags: true,
    host: /^github\.com$/,
    body: /\berror"?\s*[:=]\s*"?bad_verification_code\b/,
    title: 'GitHub refused the authorization code (bad_verification_code)',
    summary:
      'The code sent to the token endpoint is wrong, already used, or older than ten minutes; GitHub says so in a ' +
      '200 response, so the exchange looks successful until its body is read.',
    fixes: ['Start the authorization again and exchange the new code once, right away.'],
    source: OAUTH_ERRORS,
  },
  {
    id: 'github.oauth.incorrect_client_credentials',
    vendor: V,
    group: 'github.oauth',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [200, 400, 401],
    flags: true,
    host: /^github\.com$/,
    body: /\berror"?\s*[:=]\s*"?incorrect_client_credentials\b/,
    title: "GitHub does not accept the OAuth app's client_id / client_secret (incorrect_client_credentials)",
    summary:
      "The token request's client_id or client_secret is not the app's (a regenerated secret, another app's id, or a " +
      'secret with a stray character); GitHub answers 200 with the error in the body.',
    fixes: ["Copy the client ID and a current client secret from the OAuth app's settings and retry."],
    source: OAUTH_ERRORS,
  },
];
