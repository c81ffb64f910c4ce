import type { CauseId } from '../../core/causes';
import type { CodeRow } from './types';

/**
 * Refusals GraphQL servers state in words only: the error has no code, or only the generic one
 * the server puts on any exception (Apollo Server's INTERNAL_SERVER_ERROR for a thrown Error,
 * Graphene's exception class name). Each row quotes the server's documented wording and cites it.
 * They are read only on GraphQL errors (never on a page or a REST body), so a message that only
 * restates "not authorized" is a statement here: a GraphQL 200 has no status to restate.
 */
export interface WordingRow extends Omit<CodeRow, 'codes' | 'message' | 'cause'> {
  pattern: RegExp;
  cause: CauseId | 'auth.unauthenticated';
  source: string;
}

/** Codes a server puts on any error: they say nothing, so the words decide. */
export const GENERIC_GRAPHQL_CODES: ReadonlySet<string> = new Set([
  'internalservererror', // Apollo Server 4 for an Error thrown without a code
  'graphqlerror', // Graphene (Saleor) for a plain GraphQLError; Saleor's AccountErrorCode.GRAPHQL_ERROR
  'error',
]);

export const GRAPHQL_WORDING: readonly WordingRow[] = [
  {
    // graphql-shield's default fallbackError.
    pattern: /^\s*not\s+authori[sz]ed!?\s*$/i,
    source: 'https://the-guild.dev/graphql/shield/docs/shield#fallbackerror',
    cause: 'permission.denied',
    level: 'likely',
    refusal: true,
    means: 'a permission rule (graphql-shield) refused the operation',
    fixes: ['Check which shield rule guards this field and whether the caller was authenticated for it.'],
  },
  {
    // django-graphql-jwt's @login_required and @permission_required (PermissionDenied).
    pattern: /you\s+do\s+not\s+have\s+permission\s+to\s+perform\s+this\s+action/i,
    source: 'https://django-graphql-jwt.domake.io/decorators.html',
    cause: 'permission.denied',
    level: 'likely',
    refusal: true,
    means: 'the caller is not logged in or lacks the permission this resolver requires',
    fixes: ['Send the JWT ("Authorization: JWT <token>") of a user who holds the permission the resolver requires.'],
  },
  {
    // Saleor: "You need one of the following permissions: AUTHENTICATED_USER",
    // "To access this path, you need one of the following permissions: MANAGE_STAFF".
    pattern: /you\s+need\s+one\s+of\s+the\s+following\s+permissions/i,
    source: 'https://docs.saleor.io/developer/permissions',
    cause: 'permission.denied',
    level: 'likely',
    refusal: true,
    means: 'the caller lacks the permission the field requires',
    fixes: ['Sign in (or use an app token) holding one of the permissions named in the message.'],
  },
  {
    // django-graphql-jwt: JSONWebTokenExpired, RefreshTokenExpired.
    pattern: /^\s*(?:signature|refresh\s+token)\s+(?:has|is)\s+expired\b/i,
    source: 'https://django-graphql-jwt.domake.io/refresh_token.html',
    cause: 'auth.token_expired',
    level: 'likely',
    refusal: true,
    means: 'the token expired',
    fixes: ['Refresh the token (refreshToken mutation) or sign in again.'],
  },
  {
    // django-graphql-jwt: JSONWebTokenError ("Error decoding signature", "Invalid payload",
    // "Invalid refresh token") and the tokenAuth mutation's "Please enter valid credentials".
    pattern:
      /^\s*(?:error\s+decoding\s+signature|invalid\s+(?:payload|refresh\s+token)|please,?\s+enter\s+valid\s+credentials)\b/i,
    source: 'https://django-graphql-jwt.domake.io/authentication.html',
    cause: 'auth.invalid',
    level: 'likely',
    refusal: true,
    means: 'the token or the sign-in credentials were not accepted',
    fixes: ['Sign in again with valid credentials and send the token the server issued.'],
  },
  {
    // Apollo Server's authentication guide: "User is not authenticated"; the same words from
    // other servers ("You must be logged in", "Authentication required").
    pattern:
      /\b(?:is|are|was)\s+not\s+(?:authenticated|logged\s+in|signed\s+in)\b|\bmust\s+be\s+(?:authenticated|logged\s+in|signed\s+in)\b|^\s*(?:authentication|login)\s+(?:is\s+)?required\b/i,
    source: 'https://www.apollographql.com/docs/apollo-server/security/authentication',
    cause: 'auth.unauthenticated',
    level: 'likely',
    refusal: true,
    means: 'the server could not authenticate the caller',
    fixes: ['Send the credential the GraphQL server expects (usually "Authorization: Bearer <token>").'],
  },
];
