import type { CodeTable } from './types';

/**
 * App Store Connect API: JSON:API errors whose code NOT_AUTHORIZED answers a 401 for a bearer token that is missing,
 * unsigned, expired or for another key ("Authentication credentials are missing or invalid."). The shared tables read
 * not_authorized as a permission; on Apple's host it is authentication. FORBIDDEN_ERROR, the role refusal, stays a
 * permission there.
 */
export const APPLE_CODES: CodeTable = {
  name: 'App Store Connect',
  families: ['jsonapi'],
  source: 'https://developer.apple.com/documentation/appstoreconnectapi/interpreting-and-handling-errors',
  host: /(?:^|\.)api\.appstoreconnect\.apple\.com$/,
  rows: [
    {
      codes: ['NOT_AUTHORIZED'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the bearer token is missing, expired or not signed by an active API key',
      fixes: [
        'Sign a new JWT (ES256, kid of an active key, iss = issuer id, aud appstoreconnect-v1, exp at most 20 minutes ahead).',
      ],
    },
  ],
};
