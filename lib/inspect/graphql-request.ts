import type { Exchange } from '../model/exchange';

// What makes a call a GraphQL operation, per GraphQL over HTTP
// (https://graphql.github.io/graphql-over-http/draft/#sec-Request): a POST whose JSON body
// carries "query" (or a persisted query's "extensions"), a GET with ?query=, the
// application/graphql body type, or the conventional /graphql endpoint.
const GRAPHQL_PATH = /graphql|\/gql\b/i;
const GRAPHQL_BODY = /^\s*[[{][\s\S]{0,2000}?"(?:query|operationName)"\s*:|"persistedQuery"\s*:/;
const GRAPHQL_DOCUMENT = /^\s*(?:query|mutation|subscription)\b|^\s*\{/;

/** The request was a GraphQL operation. */
export function isGraphqlRequest(x: Exchange): boolean {
  if (x.url && GRAPHQL_PATH.test(x.url.pathname)) return true;
  const query = x.url?.searchParams.get('query');
  if (query && GRAPHQL_DOCUMENT.test(query)) return true;
  if (/application\/graphql/i.test(x.req.get('content-type') ?? '')) return true;
  return x.requestBody !== null && GRAPHQL_BODY.test(x.requestBody);
}
