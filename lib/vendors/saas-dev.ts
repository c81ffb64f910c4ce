import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Developer-platform APIs that word one refusal for several causes, so the request decides: Figma
// and Asana answer a missing and a wrong token with the same body, Postmark names its tokens in the
// message whichever was wrong, Algolia says "Invalid Application-ID or API key" for both. Vercel
// marks the case in a flag (invalidToken / missingToken) under a 403 "forbidden" that the shared
// codes would read as a permission. Twitch states each cause in the message of a 401. Raygun's
// ingestion API gives a 403 one documented meaning (the API key), which the row reads with no body at
// all. Every row is limited to the vendor's API host.
const TWITCH = 'https://dev.twitch.tv/docs/api/reference/';
const TWITCH_HOST = /^api\.twitch\.tv$/;
const POSTMARK = 'https://postmarkapp.com/developer/api/overview#error-codes';
const POSTMARK_HOST = /^api\.postmarkapp\.com$/;
const POSTMARK_BODY = [/"ErrorCode"\s*:\s*10\b/, /No\s+Account\s+or\s+Server\s+API\s+tokens\s+were\s+supplied/];
const ALGOLIA = 'https://www.algolia.com/doc/guides/security/api-keys/';
const ALGOLIA_HOST = /(?:^|\.)algolia(?:net)?\.(?:net|com|io)$/;
const ALGOLIA_INVALID = /"message"\s*:\s*"Invalid Application-ID or API key"/;
const FIGMA = 'https://www.figma.com/developers/api#errors';
const FIGMA_HOST = /^api\.figma\.com$/;
const FIGMA_INVALID = /"err"\s*:\s*"Invalid token"/;
const VERCEL = 'https://vercel.com/docs/rest-api#authentication';
const VERCEL_HOST = /^api\.vercel\.com$/;
const ASANA = 'https://developers.asana.com/docs/errors';
const ASANA_HOST = /^app\.asana\.com$/;
const ASANA_401 = /"message"\s*:\s*"Not Authorized"/;

export const SAAS_DEV: readonly Signature[] = [
  {
    id: 'twitch.missing_scope',
    vendor: 'Twitch',
    group: 'twitch',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: TWITCH_HOST,
    body: /"message"\s*:\s*"Missing scope:/,
    title: 'The Twitch token lacks the scope this endpoint needs',
    summary: 'Helix answers 401 "Missing scope: …" and names the scope(s) the user access token must carry.',
    fixes: ['Add the named scope to the authorize request, have the user authorize again, and use the new token.'],
    source: TWITCH,
  },
  {
    id: 'twitch.token_missing',
    vendor: 'Twitch',
    group: 'twitch',
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: TWITCH_HOST,
    body: /"message"\s*:\s*"OAuth token is missing"/,
    requires: 'no-authorization',
    title: 'Twitch wants an OAuth token',
    summary: 'The Helix call carried a Client-Id but no Authorization header.',
    fixes: ['Send "Authorization: Bearer <app or user access token>" beside the Client-Id header.'],
    source: TWITCH,
  },
  {
    id: 'twitch.invalid_token',
    vendor: 'Twitch',
    group: 'twitch',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: TWITCH_HOST,
    body: /"message"\s*:\s*"(?:Invalid OAuth token|Client ID and OAuth token do not match)"/,
    title: 'Twitch does not accept the OAuth token',
    summary: 'The token expired or was revoked, or it was issued to another Client-Id than the one sent.',
    fixes: [
      'Validate it at https://id.twitch.tv/oauth2/validate; refresh it (or get a new one) for the same client ID you send.',
    ],
    source: TWITCH,
  },
  {
    id: 'postmark.no_token',
    vendor: 'Postmark',
    group: 'postmark',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.certain,
    status: [401, 422],
    flags: true,
    host: POSTMARK_HOST,
    body: POSTMARK_BODY,
    requires: 'no-api-key',
    title: 'Postmark wants a server or account token (ErrorCode 10)',
    summary: 'The request carried neither X-Postmark-Server-Token nor X-Postmark-Account-Token.',
    fixes: [
      'Send X-Postmark-Server-Token (sending, templates, bounces) or X-Postmark-Account-Token (servers, domains).',
    ],
    source: POSTMARK,
  },
  {
    id: 'postmark.wrong_token',
    vendor: 'Postmark',
    group: 'postmark',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 422],
    flags: true,
    host: POSTMARK_HOST,
    body: POSTMARK_BODY,
    requires: 'api-key',
    title: 'Postmark did not accept the token sent (ErrorCode 10)',
    summary:
      'The token is wrong, or of the other kind: an account token where a server token is needed (sending) or the reverse.',
    fixes: ["Copy the server's API token from Servers > API Tokens and send it as X-Postmark-Server-Token."],
    source: POSTMARK,
  },
  {
    id: 'algolia.no_key',
    vendor: 'Algolia',
    group: 'algolia',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403],
    host: ALGOLIA_HOST,
    body: ALGOLIA_INVALID,
    requires: 'no-api-key',
    title: 'Algolia got no API key',
    summary: 'Algolia answers a missing key with the same "Invalid Application-ID or API key" as a wrong one.',
    fixes: ['Send X-Algolia-API-Key and X-Algolia-Application-Id (headers or query parameters) with the request.'],
    source: ALGOLIA,
  },
  {
    id: 'algolia.invalid_key',
    vendor: 'Algolia',
    group: 'algolia',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: ALGOLIA_HOST,
    body: ALGOLIA_INVALID,
    requires: 'api-key',
    title: 'Algolia does not accept the API key for this application',
    summary:
      "The key is wrong, deleted or expired (validUntil), or belongs to another application than the host's app ID.",
    fixes: [
      'Copy the key and Application ID from Settings > API Keys of the same application; a secured key must be generated from a parent key that still exists.',
    ],
    source: ALGOLIA,
  },
  {
    id: 'algolia.acl',
    vendor: 'Algolia',
    group: 'algolia',
    cause: 'api_key.restricted',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: ALGOLIA_HOST,
    body: /"message"\s*:\s*"(?:Method|Index|Operation)\s+not\s+allowed\s+with\s+this\s+API\s+key"/,
    title: 'This Algolia key may not do this (ACL or index restriction)',
    summary:
      'The key is valid but its ACL lacks the operation (e.g. a search-only key writing) or its indexes exclude this one.',
    fixes: ['Use a key whose ACL allows the operation on this index (the admin key only on a server).'],
    source: ALGOLIA,
  },
  {
    id: 'figma.no_token',
    vendor: 'Figma',
    group: 'figma',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403],
    host: FIGMA_HOST,
    body: FIGMA_INVALID,
    requires: 'no-token',
    title: 'Figma got no token',
    summary: 'Figma answers a call without a token with the same 403 "Invalid token" as a wrong one.',
    fixes: ['Send a personal access token as X-Figma-Token, or an OAuth token as "Authorization: Bearer <token>".'],
    source: FIGMA,
  },
  {
    id: 'figma.invalid_token',
    vendor: 'Figma',
    group: 'figma',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: FIGMA_HOST,
    body: FIGMA_INVALID,
    title: 'Figma does not accept the token',
    summary: 'The personal access token expired or was revoked, or the OAuth token is expired (Figma answers 403).',
    fixes: ['Create a new personal access token (they expire) or refresh the OAuth token, and retry.'],
    source: FIGMA,
  },
  {
    id: 'vercel.missing_token',
    vendor: 'Vercel',
    group: 'vercel',
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: VERCEL_HOST,
    body: /"missingToken"\s*:\s*true/,
    title: 'The Vercel API wants a token',
    summary: 'The REST API call carried no bearer token (Vercel answers 403 with missingToken).',
    fixes: ['Create a token under Account Settings > Tokens and send "Authorization: Bearer <token>".'],
    source: VERCEL,
  },
  {
    id: 'vercel.invalid_token',
    vendor: 'Vercel',
    group: 'vercel',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: VERCEL_HOST,
    body: /"invalidToken"\s*:\s*true/,
    title: 'Vercel does not accept the token (invalidToken)',
    summary: 'The token expired, was revoked or deleted; Vercel answers 403, not 401.',
    fixes: ['Create a new token (check its expiry and scope to the team) and update the secret that holds it.'],
    source: VERCEL,
  },
  {
    id: 'asana.no_token',
    vendor: 'Asana',
    group: 'asana',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401],
    host: ASANA_HOST,
    body: ASANA_401,
    requires: 'no-token',
    title: 'Asana wants a token',
    summary: 'The request carried no personal access token or OAuth token (Asana answers 401 "Not Authorized").',
    fixes: ['Send "Authorization: Bearer <personal access token or OAuth token>".'],
    source: ASANA,
  },
  {
    id: 'asana.invalid_token',
    vendor: 'Asana',
    group: 'asana',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401],
    host: ASANA_HOST,
    body: ASANA_401,
    title: 'Asana does not accept the token',
    summary: 'A 401 "Not Authorized" with a token sent: the token is wrong, revoked, or an expired OAuth token.',
    fixes: ['Refresh the OAuth token (they last an hour) or create a new personal access token.'],
    source: ASANA,
  },
  // Package registries and Trello: plain wordings their own hosts use for a credential they refuse.
  {
    id: 'pypi.invalid_auth',
    vendor: 'PyPI',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 403],
    host: /(?:^|\.)pypi\.org$/,
    body: /Invalid\s+or\s+non-existent\s+authentication\s+information/i,
    title: 'PyPI refused the upload credentials ("Invalid or non-existent authentication information")',
    summary:
      'The upload authenticated with a user name and password PyPI does not accept: an API token must be sent as ' +
      'the password with the user name __token__, and the token must be for this index (pypi.org or test.pypi.org).',
    fixes: [
      'Upload with username "__token__" and the pypi-… API token as the password (TWINE_USERNAME / TWINE_PASSWORD).',
    ],
    source: 'https://pypi.org/help/#invalid-auth',
  },
  {
    id: 'crates.auth_failed',
    vendor: 'crates.io',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    status: [401, 403],
    host: /^crates\.io$/,
    body: /"detail"\s*:\s*"authentication\s+failed"/i,
    title: 'crates.io did not accept the API token ("authentication failed")',
    summary:
      'Cargo sends the registry token as the raw Authorization value, as crates.io expects; the token is wrong, ' +
      'revoked, expired, or lacks the scope for this crate or endpoint.',
    fixes: [
      'Create a token with the publish scopes this crate needs (crates.io > Account Settings > API Tokens) and run cargo login.',
    ],
    source: 'https://doc.rust-lang.org/cargo/reference/registry-web-api.html',
  },
  {
    id: 'trello.invalid_key',
    vendor: 'Trello',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likely,
    status: [401],
    host: /^api\.trello\.com$/,
    body: /^\s*invalid\s+key\s*$/i,
    title: 'Trello does not know the API key ("invalid key")',
    summary:
      "Trello's REST API takes the Power-Up's API key in key= and the user's token in token=; the key is not one " +
      'Trello issued (a token or a secret pasted in its place, or a key since regenerated).',
    fixes: [
      "Send the Power-Up's API key (trello.com/power-ups/admin > API key) as key=, and the user's token as token=.",
    ],
    source: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
  },
  {
    // No wording to match: Raygun documents one meaning for a 403 on its ingestion host, and crash
    // reporters in a page (raygun4js) are recorded by writers that keep no response body (WebPagetest).
    id: 'raygun.invalid_api_key',
    vendor: 'Raygun',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likely,
    status: [403],
    host: /^api\.raygun\.(?:io|com)$/,
    requires: 'api-key',
    title: 'Raygun did not accept the API key',
    summary:
      "Raygun's ingestion API (POST /entries, raygun4js's /events) answers 403 to an API key it does not accept: " +
      'the key is mistyped, belongs to another application, or was regenerated since the client was configured.',
    fixes: [
      "Copy the application's API key again (Raygun > Application settings) into the client (X-ApiKey header or apikey=), " +
        'and check the client reports to the application you expect.',
    ],
    source: 'https://raygun.com/documentation/product-guides/crash-reporting/api/',
  },
];
