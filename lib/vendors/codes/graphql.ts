import type { CodeTable } from './types';

/**
 * GraphQL servers answer HTTP 200 with errors[]: Apollo Server's extensions.code, Spring for
 * GraphQL's extensions.classification, GitHub's errors[].type, AppSync's errorType, Hasura's
 * and Shopify's codes. Only refusal codes are listed; validation errors stay quiet.
 */
export const GRAPHQL_CODES: CodeTable = {
  name: 'GraphQL',
  families: ['graphql'],
  source: 'https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes',
  rows: [
    {
      codes: ['UNAUTHENTICATED', 'UNAUTHORIZED', 'invalid-jwt', 'UnauthorizedException'],
      message: /expired/i,
      cause: 'auth.token_expired',
      level: 'likely',
      refusal: true,
      means: 'the token expired',
      fixes: ['Refresh the access token and retry the operation.'],
    },
    {
      codes: ['UNAUTHENTICATED', 'UNAUTHORIZED', 'UnauthorizedException'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the server could not authenticate the caller',
      fixes: [
        'Send the credential the GraphQL server expects (usually "Authorization: Bearer <token>") with every operation.',
      ],
    },
    {
      codes: ['invalid-jwt', 'invalid-headers'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the token or auth headers were not accepted',
      fixes: ["Check the token's signature key, issuer and claims against the server's JWT configuration."],
    },
    {
      codes: ['INSUFFICIENT_SCOPES'],
      cause: 'permission.insufficient_scope',
      level: 'certain',
      refusal: true,
      means: 'the token lacks a scope this field needs',
      fixes: ['Re-authorise the token with the scope named in the message.'],
    },
    {
      // Shopify: "Access denied for orders field. Required access: `read_orders` access scope."
      codes: ['FORBIDDEN', 'ACCESS_DENIED', 'access-denied'],
      message: /\bscopes?\b/i,
      cause: 'permission.insufficient_scope',
      level: 'likely',
      refusal: true,
      means: 'the token lacks the access scope this field needs',
      fixes: ['Request the scope named in the message for the app or token, then use a new token.'],
    },
    {
      codes: ['FORBIDDEN', 'ACCESS_DENIED', 'access-denied', 'permission-error'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the caller is authenticated but not allowed to read or change this',
      fixes: ["Check the caller's role or permissions for the fields and objects named in the error path."],
    },
    {
      codes: ['RATE_LIMITED', 'THROTTLED', 'RATE_LIMIT_EXCEEDED'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'the rate or query-cost limit was exceeded',
      fixes: ['Back off until the limit resets; lower the query cost (fewer nodes, smaller pages).'],
    },
  ],
};
