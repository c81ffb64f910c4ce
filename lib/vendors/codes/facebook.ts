import type { CodeTable } from './types';

const NEW_TOKEN = 'Get a new access token (log the user in again, or exchange for a long-lived token) and retry.';

/**
 * Meta's Graph API (Facebook, Instagram, WhatsApp Cloud): {"error":{"message","type":"OAuthException",
 * "code":190,"error_subcode":463,…}}, usually with HTTP 400, so the code must flag on its own. The
 * codes are bare numbers, read only on Meta's Graph hosts.
 */
export const FACEBOOK_CODES: CodeTable = {
  name: 'Meta Graph API',
  families: ['odata'],
  source: 'https://developers.facebook.com/docs/graph-api/guides/error-handling',
  host: /^graph(?:-video)?\.(?:facebook|instagram)\.com$|^graph\.fb\.gg$/,
  rows: [
    {
      // Subcode 463 ("Session has expired on …") and 467 ("… because the user logged out") say so in
      // the message; the reader keeps the message, not the subcode.
      codes: ['190', '102'],
      message: /\bhas\s+expired\b|\bexpired\s+on\b/i,
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the access token has expired (subcode 463)',
      fixes: [NEW_TOKEN, 'User tokens from the login dialog last about an hour; long-lived ones about 60 days.'],
    },
    {
      codes: ['190', '102'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the access token is invalid, revoked (password changed, app removed) or malformed',
      fixes: [NEW_TOKEN],
    },
    {
      // 104 "An access token is required to request this resource.", 2500 "An active access token must be used …".
      codes: ['104', '2500'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the call needs an access token',
      fixes: ['Send access_token (query parameter or "Authorization: Bearer <token>") with the call.'],
    },
    {
      // 4 app, 17 user, 32 page, 613 per-API and 80001–80014 Business Use Case rate limits.
      codes: ['4', '17', '32', '613', '80001', '80002', '80004', '80005', '80006', '80008', '80014'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'a Graph API rate limit was reached (app, user, page or business use case)',
      fixes: [
        'Back off until the usage in the X-App-Usage / X-Business-Use-Case-Usage headers falls; spread calls out.',
      ],
    },
    {
      // 10 "Permission is either not granted or has been removed"; 200–299 one code per permission.
      codes: ['10', '200', '210', '220', '230', '240', '250', '270', '294', '299'],
      cause: 'permission.insufficient_scope',
      level: 'likely',
      refusal: true,
      means: 'the token lacks a permission this call needs (not granted by the user, or not approved for the app)',
      fixes: [
        'Request the permission in the login dialog (re-ask if declined) and get it approved in App Review for live apps.',
      ],
    },
  ],
};
