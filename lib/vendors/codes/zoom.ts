import type { CodeTable } from './types';

/**
 * Zoom's REST API: {"code":124,"message":"Access token is expired."}. A token without a scope the
 * endpoint needs is answered 400 (sometimes 401) with code 4711 ("Invalid access token, does not
 * contain scopes:[…]") or 4700, so the code must flag on its own. Bare numbers: Zoom's host only.
 */
export const ZOOM_CODES: CodeTable = {
  name: 'Zoom API',
  families: ['code'],
  source: 'https://developers.zoom.us/docs/api/rest/error-definitions/',
  host: /^api\.zoom\.us$/,
  rows: [
    {
      codes: ['124'],
      message: /expired/i,
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the access token has expired (Zoom tokens last one hour)',
      fixes: [
        'Request a new token (account_credentials grant for Server-to-Server OAuth, or refresh_token) and retry.',
      ],
    },
    {
      codes: ['124'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the access token is invalid',
      fixes: ['Request a new access token for this app and account, and send it as "Authorization: Bearer <token>".'],
    },
    {
      codes: ['4711', '4700'],
      cause: 'permission.insufficient_scope',
      level: 'certain',
      refusal: true,
      means: 'the access token lacks a scope this endpoint needs (the message lists them)',
      fixes: [
        'Add the listed scopes to the app in the Zoom App Marketplace (Scopes), then get a new token; ' +
          'a user-level app needs the user to authorize again.',
      ],
    },
  ],
};
