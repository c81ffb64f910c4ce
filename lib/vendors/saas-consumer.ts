import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Consumer and commerce APIs whose refusals the generic wording reads as the wrong cause: Dropbox
// (its AuthError union in a ".tag"), Spotify (one sentence per cause in error.message), Shopify
// (a scope refusal worded as "merchant approval"), X (problem types for an unenrolled app and a
// spent monthly cap) and HubSpot (a category beside a free-text message). Each row is limited to
// the vendor's API host, because the codes are generic words elsewhere.
const DROPBOX = 'https://www.dropbox.com/developers/documentation/http/documentation#error-handling';
const DROPBOX_HOST = /(?:^|\.)dropboxapi\.com$/;
const SPOTIFY = 'https://developer.spotify.com/documentation/web-api/concepts/api-calls#response-status-codes';
const SPOTIFY_HOST = /^api\.spotify\.com$/;
const SHOPIFY = 'https://shopify.dev/docs/api/usage/access-scopes';
const X_ERRORS = 'https://docs.x.com/x-api/fundamentals/response-codes-and-errors';
const X_HOST = /^api\.(?:twitter|x)\.com$/;
const HUBSPOT = 'https://developers.hubspot.com/docs/api/error-handling';
const HUBSPOT_HOST = /^api\.hubapi\.com$|^api\.hubspot\.com$/;

export const SAAS_CONSUMER: readonly Signature[] = [
  {
    id: 'dropbox.expired_access_token',
    vendor: 'Dropbox',
    group: 'dropbox',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: DROPBOX_HOST,
    body: /"\.tag"\s*:\s*"expired_access_token"/,
    title: 'The Dropbox access token has expired (expired_access_token)',
    summary: 'Dropbox short-lived access tokens (sl.…) last about four hours; this one is past its lifetime.',
    fixes: [
      'Get a new access token with the refresh token (grant_type=refresh_token at /oauth2/token), ' +
        'or let the SDK do it by giving it the refresh token, app key and secret.',
    ],
    source: DROPBOX,
  },
  {
    id: 'dropbox.invalid_access_token',
    vendor: 'Dropbox',
    group: 'dropbox',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: DROPBOX_HOST,
    body: /"\.tag"\s*:\s*"invalid_access_token"/,
    title: 'Dropbox does not accept the access token (invalid_access_token)',
    summary: 'The token is mistyped, was revoked (app unlinked, token_revoke) or belongs to another app.',
    fixes: ['Send the user through the OAuth flow again and store the new token.'],
    source: DROPBOX,
  },
  {
    id: 'dropbox.missing_scope',
    vendor: 'Dropbox',
    group: 'dropbox',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: DROPBOX_HOST,
    body: /"\.tag"\s*:\s*"missing_scope"/,
    title: 'The Dropbox token lacks the scope this route needs (missing_scope)',
    summary: 'The token was granted without the scope named in required_scope (Dropbox answers it with 401).',
    fixes: [
      "Enable the scope on the app's Permissions tab, then authorize again (scopes are fixed when a token is issued).",
    ],
    source: DROPBOX,
  },
  {
    id: 'spotify.token_expired',
    vendor: 'Spotify',
    group: 'spotify',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: SPOTIFY_HOST,
    body: /"message"\s*:\s*"The access token expired"/,
    title: 'The Spotify access token has expired',
    summary: 'Spotify access tokens last one hour.',
    fixes: ['Refresh it at https://accounts.spotify.com/api/token with grant_type=refresh_token and retry.'],
    source: SPOTIFY,
  },
  {
    id: 'spotify.invalid_token',
    vendor: 'Spotify',
    group: 'spotify',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: SPOTIFY_HOST,
    body: /"message"\s*:\s*"Invalid access token"/,
    title: 'Spotify does not accept the access token',
    summary: 'The bearer token is not one Spotify issued (truncated, from another service, or revoked).',
    fixes: ['Obtain a new token through the authorization flow and send it as "Authorization: Bearer <token>".'],
    source: SPOTIFY,
  },
  {
    id: 'spotify.no_token',
    vendor: 'Spotify',
    group: 'spotify',
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: SPOTIFY_HOST,
    body: /"message"\s*:\s*"No token provided"/,
    requires: 'no-authorization',
    title: 'Spotify wants an access token',
    summary: 'The Web API call carried no Authorization header.',
    fixes: ['Send "Authorization: Bearer <access token>"; even catalogue calls need a client-credentials token.'],
    source: SPOTIFY,
  },
  {
    id: 'spotify.insufficient_scope',
    vendor: 'Spotify',
    group: 'spotify',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: SPOTIFY_HOST,
    body: /"message"\s*:\s*"Insufficient client scope"/,
    title: 'The Spotify token lacks the scope this endpoint needs',
    summary: 'The user authorized the app without the scope this call requires (e.g. playlist-modify-private).',
    fixes: [
      'Add the scope to the authorize request and have the user authorize again (show_dialog=true); ' +
        'a refreshed token keeps the old scopes.',
    ],
    source: 'https://developer.spotify.com/documentation/web-api/concepts/scopes',
  },
  {
    id: 'shopify.merchant_approval',
    vendor: 'Shopify',
    group: 'shopify',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: /\.myshopify\.com$/,
    body: /requires\s+merchant\s+approval\s+for\s+[\w\s:]{0,60}?scope/i,
    title: 'The Shopify app was not granted the scope this call needs',
    summary: "The merchant installed the app without this access scope (e.g. read_orders), so the token can't use it.",
    fixes: [
      "Add the scope to the app's configuration (shopify.app.toml or the OAuth scope list) and have the merchant " +
        'approve the update; protected customer data also needs approval in the Partner Dashboard.',
    ],
    source: SHOPIFY,
  },
  {
    id: 'x.client_not_enrolled',
    vendor: 'X (Twitter)',
    group: 'x',
    cause: 'api_key.restricted',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403],
    host: X_HOST,
    body: /"reason"\s*:\s*"client-not-enrolled"/,
    title: "The X app's keys may not call this v2 endpoint (client-not-enrolled)",
    summary:
      'The keys belong to an app that is not attached to a Project, or whose access level does not include this endpoint.',
    fixes: [
      'Attach the app to a Project in the developer portal (or move to a plan that includes the endpoint), then regenerate its keys and tokens.',
    ],
    source: X_ERRORS,
  },
  {
    id: 'x.usage_capped',
    vendor: 'X (Twitter)',
    group: 'x',
    cause: 'quota.exceeded',
    confidence: CONFIDENCE.certain,
    status: [429, 403],
    host: X_HOST,
    body: /"type"\s*:\s*"https:\/\/api\.(?:twitter|x)\.com\/2\/problems\/usage-capped"/,
    title: "The X project's monthly usage cap is spent (UsageCapExceeded)",
    summary: "Not a rate limit: the plan's monthly post or request cap is used up until the period resets.",
    fixes: ['Wait for the monthly reset shown in the developer portal, or move the project to a higher plan.'],
    source: X_ERRORS,
  },
  {
    id: 'hubspot.expired_authentication',
    vendor: 'HubSpot',
    group: 'hubspot',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: HUBSPOT_HOST,
    body: /"category"\s*:\s*"EXPIRED_AUTHENTICATION"/,
    title: 'The HubSpot OAuth token has expired (EXPIRED_AUTHENTICATION)',
    summary: 'HubSpot OAuth access tokens last 30 minutes; the message says how long ago this one expired.',
    fixes: ['Exchange the refresh token at /oauth/v1/token (grant_type=refresh_token) before it expires, and retry.'],
    source: HUBSPOT,
  },
  {
    id: 'hubspot.missing_scopes',
    vendor: 'HubSpot',
    group: 'hubspot',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: HUBSPOT_HOST,
    body: /"category"\s*:\s*"MISSING_SCOPES"/,
    title: 'The HubSpot token lacks a required scope (MISSING_SCOPES)',
    summary: "The app or private-app token wasn't granted the scope this endpoint needs (errors[].context names it).",
    fixes: [
      "Add the scope to the app (or the private app's Scopes tab) and reinstall or re-authorize to get a token that has it.",
    ],
    source: HUBSPOT,
  },
];
