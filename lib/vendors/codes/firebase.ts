import type { CodeTable } from './types';

const SIGN_IN = ['Ask the user to sign in again (a fresh ID token and refresh token).'];

/**
 * Firebase Auth REST API (Identity Toolkit, securetoken.googleapis.com): Google-shaped errors whose
 * code is the message, "INVALID_ID_TOKEN", mostly answered with HTTP 400.
 */
export const FIREBASE_CODES: CodeTable = {
  name: 'Firebase Auth',
  families: ['google'],
  source: 'https://firebase.google.com/docs/reference/rest/auth',
  rows: [
    {
      codes: ['TOKEN_EXPIRED', 'CREDENTIAL_TOO_OLD_LOGIN_AGAIN'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: "the user's credential is no longer valid (expired, or too old for this sensitive operation)",
      fixes: SIGN_IN,
    },
    {
      codes: [
        'INVALID_ID_TOKEN',
        'INVALID_REFRESH_TOKEN',
        'INVALID_CUSTOM_TOKEN',
        'CREDENTIAL_MISMATCH',
        'INVALID_PASSWORD',
        'INVALID_LOGIN_CREDENTIALS',
        'EMAIL_NOT_FOUND',
        'USER_NOT_FOUND',
        'USER_DISABLED',
        'INVALID_GRANT_TYPE',
      ],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the credential (password, ID token, refresh or custom token) was not accepted, or the user is disabled',
      fixes: [...SIGN_IN, 'Check the token comes from this Firebase project (the API key and the token must match).'],
    },
    {
      codes: ['MISSING_ID_TOKEN', 'MISSING_REFRESH_TOKEN', 'MISSING_PASSWORD'],
      cause: 'auth.missing',
      level: 'certain',
      // A form field left empty: it explains a refusal but is not one on its own.
      refusal: false,
      means: 'the request lacks the credential the method needs',
      fixes: ['Send the idToken / refresh_token / password the method documents.'],
    },
    {
      codes: ['TOO_MANY_ATTEMPTS_TRY_LATER'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'too many attempts: the account or device is temporarily blocked',
      fixes: ['Wait before retrying; reset the password to unblock the account at once.'],
    },
    {
      codes: ['OPERATION_NOT_ALLOWED', 'ADMIN_ONLY_OPERATION'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'this sign-in method or operation is disabled for the project',
      fixes: ['Enable the sign-in provider in the Firebase console (Authentication > Sign-in method).'],
    },
  ],
};
