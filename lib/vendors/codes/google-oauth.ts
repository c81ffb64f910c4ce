import type { CodeTable } from './types';

/**
 * Google's token endpoint refuses a service account's JWT assertion whose iat/exp fall outside its window with
 * invalid_grant and a description naming the timestamps: "Invalid JWT: Token must be a short-lived token (60
 * minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim." Google documents the
 * cause as the local clock ("the local system clock is not correct"), which RFC 6749's invalid_grant does not say.
 */
export const GOOGLE_OAUTH_CODES: CodeTable = {
  name: 'Google OAuth 2.0',
  families: ['oauth'],
  source: 'https://developers.google.com/identity/protocols/oauth2/service-account#error-codes',
  host: /^(?:oauth2|www)\.googleapis\.com$|^accounts\.google\.com$/,
  rows: [
    {
      codes: ['invalid_grant'],
      message: /short-lived token[^.]{0,40}reasonable timeframe|Check your iat and exp values/i,
      cause: 'clock.skew',
      level: 'certain',
      refusal: true,
      means: "the assertion's iat/exp are outside Google's window: the signing machine's clock is off",
      fixes: [
        'Sync the clock of the machine that signs the assertion (NTP) and set iat to now, exp at most one hour later.',
      ],
    },
  ],
};
