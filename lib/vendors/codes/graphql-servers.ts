import type { CodeTable } from './types';

/**
 * Codes of particular GraphQL servers, each table citing the server's own documentation. They
 * answer refusals with HTTP 200 and state them in errors[] (or, for Saleor's sign-in mutations, in
 * the payload's own error list, read by lib/inspect/graphql-errors.ts). Only refusals are listed:
 * validation and not-found codes (Saleor's INVALID, REQUIRED, NOT_FOUND; Hasura's
 * validation-failed) stay quiet.
 */

/** Saleor: AccountErrorCode (the sign-in and token mutations) and PermissionDenied. */
export const SALEOR_CODES: CodeTable = {
  name: 'Saleor',
  families: ['graphql'],
  source: 'https://docs.saleor.io/api-reference/users/enums/account-error-code',
  rows: [
    {
      codes: ['JWT_MISSING_TOKEN'],
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: 'no token was given to a token mutation ("Missing refreshToken")',
      fixes: ['Pass the refresh token (argument or the refreshToken cookie) the mutation asks for; sign in first.'],
    },
    {
      codes: ['JWT_SIGNATURE_EXPIRED', 'ExpiredSignatureError'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the token expired',
      fixes: ['Refresh the access token (tokenRefresh) or sign in again, then retry.'],
    },
    {
      codes: ['JWT_INVALID_TOKEN', 'JWT_DECODE_ERROR', 'InvalidTokenError', 'DecodeError'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the token could not be verified',
      fixes: ['Send a token issued by this Saleor instance; sign in again if its signing key changed.'],
    },
    {
      codes: ['INVALID_CREDENTIALS'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the e-mail or password was not accepted at sign-in',
      fixes: ['Check the e-mail and password for this Saleor instance (staging and local accounts differ).'],
    },
    {
      codes: ['JWT_INVALID_CSRF_TOKEN'],
      cause: 'csrf.invalid',
      level: 'likely',
      refusal: true,
      means: 'the CSRF token sent to refresh the token did not match',
      fixes: ['Send the csrfToken returned by tokenCreate together with the refresh token.'],
    },
    {
      codes: ['OUT_OF_SCOPE_PERMISSION', 'OUT_OF_SCOPE_USER', 'OUT_OF_SCOPE_GROUP'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the staff user may not manage these permissions, users or groups',
      fixes: ['Use a staff account whose own permissions cover the ones being changed.'],
    },
    {
      codes: ['LOGIN_ATTEMPT_DELAYED'],
      cause: 'rate_limit.exceeded',
      level: 'likely',
      refusal: true,
      means: 'too many failed sign-ins: the next attempt is delayed',
      fixes: ['Wait before the next sign-in attempt; check the credentials before retrying.'],
    },
  ],
};

/** Hasura: the admin secret, JWT and header errors of its auth layer. */
export const HASURA_CODES: CodeTable = {
  name: 'Hasura',
  families: ['graphql'],
  source: 'https://hasura.io/docs/latest/auth/authentication/admin-secret-access',
  rows: [
    {
      // "x-hasura-admin-secret/x-hasura-access-key required, but not found";
      // "Missing 'Authorization' or 'Cookie' header in JWT authentication mode".
      codes: ['access-denied', 'invalid-headers'],
      message: /required,?\s+but\s+not\s+found|\bmissing\b.{0,40}\bheader/i,
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: 'the admin secret or the JWT header was not sent',
      fixes: [
        'Send "Authorization: Bearer <JWT>" (JWT mode) or, from a server only, the x-hasura-admin-secret header.',
      ],
    },
    {
      // "invalid x-hasura-admin-secret/x-hasura-access-key"
      codes: ['access-denied'],
      message: /invalid\s+x-hasura-(?:admin-secret|access-key)/i,
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the admin secret sent is not the configured one',
      fixes: ["Use the value of the server's HASURA_GRAPHQL_ADMIN_SECRET for this environment."],
    },
    {
      // Webhook mode: the auth webhook answered 401, and Hasura passes the refusal on as access-denied,
      // "Authentication hook unauthorized this request" (server/src-lib/Hasura/Server/Auth/WebHook.hs,
      // https://hasura.io/docs/latest/auth/authentication/webhook/): the credential the webhook read was refused.
      codes: ['access-denied'],
      message: /authentication\s+hook\s+unauthori[sz]ed\s+this\s+request/i,
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: "the authentication webhook refused the request's credentials",
      fixes: [
        'Send the token or cookie the auth webhook expects (it sees the request headers); sign in again if the session ended.',
      ],
    },
  ],
};

/** GitHub's GraphQL API: errors[].type. */
export const GITHUB_GRAPHQL_CODES: CodeTable = {
  name: 'GitHub GraphQL',
  families: ['graphql'],
  source: 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible',
  rows: [
    {
      // A GitHub App's installation token reaching beyond the app's permissions.
      codes: ['FORBIDDEN'],
      message: /not\s+accessible\s+by\s+(?:integration|personal\s+access\s+token)/i,
      cause: 'permission.insufficient_scope',
      level: 'likely',
      refusal: true,
      means: "the token's permissions do not include this resource",
      fixes: ['Grant the app or fine-grained token the repository permission this field needs, then use a new token.'],
    },
  ],
};
