import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { isFlagged } from '../../../../lib/diagnose/flag';
import { readJsonError } from '../../../../lib/inspect/structured-error';
import { toExchange } from '../../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec } from '../../../support/har';

// Refusals GraphQL servers state inside an HTTP 200 (GraphQL over HTTP lets them), mapped by what
// was sent. Every body is a documented one:
// - Apollo Server: built-in codes and the authentication guide's "User is not authenticated"
//   (https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes,
//   https://www.apollographql.com/docs/apollo-server/security/authentication);
// - graphql-shield's default fallbackError "Not Authorised!", which Apollo Server 4 codes
//   INTERNAL_SERVER_ERROR (https://the-guild.dev/graphql/shield/docs/shield#fallbackerror);
// - Hasura's invalid-jwt "Could not verify JWT: JWTExpired" and access-denied for a missing admin
//   secret (https://hasura.io/docs/latest/auth/authentication/jwt/,
//   https://hasura.io/docs/latest/auth/authentication/admin-secret-access);
// - Saleor's AccountError payloads and PermissionDenied
//   (https://docs.saleor.io/api-reference/users/enums/account-error-code,
//   https://docs.saleor.io/developer/permissions);
// - GitHub's GraphQL INSUFFICIENT_SCOPES and FORBIDDEN
//   (https://docs.github.com/en/graphql/guides/forming-calls-with-graphql,
//   https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible);
// - Shopify's THROTTLED and ACCESS_DENIED (https://shopify.dev/docs/api/usage/rate-limits,
//   https://shopify.dev/docs/api/usage/access-scopes);
// - django-graphql-jwt's PermissionDenied and JSONWebTokenExpired
//   (https://django-graphql-jwt.domake.io/decorators.html).

const BEARER = { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU' };
const QUERY = '{"query":"query { me { id email } }"}';

function gql(body: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  return { url: 'https://api.example.com/graphql', method: 'POST', requestBody: QUERY, status: 200, body, ...extra };
}

/** A capture whose writer records every header as sent (Playwright): no header means none sent. */
function run(entries: EntrySpec[], creator = 'Playwright') {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1.50.0' };
  return diagnose(har, { all: true });
}
const top = (entries: EntrySpec[], creator?: string) => run(entries, creator).at(-1)!.causes[0]?.id;
const flagged = (spec: EntrySpec) => isFlagged(toExchange(makeEntry(spec), 0));

const APOLLO_UNAUTHENTICATED =
  '{"errors":[{"message":"User is not authenticated","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}';
const APOLLO_FORBIDDEN =
  '{"errors":[{"message":"You are not authorized to perform this action.","extensions":{"code":"FORBIDDEN"}}],"data":{"me":null}}';

describe('Apollo Server codes, read by what was sent', () => {
  it('UNAUTHENTICATED: no credential sent is auth.missing; a token sent and refused is auth.invalid', () => {
    expect(top([gql(APOLLO_UNAUTHENTICATED)])).toBe('auth.missing');
    expect(top([gql(APOLLO_UNAUTHENTICATED, { requestHeaders: BEARER })])).toBe('auth.invalid');
  });

  it('FORBIDDEN: an authenticated caller lacks permission; an anonymous one lacks a credential', () => {
    expect(top([gql(APOLLO_FORBIDDEN, { requestHeaders: BEARER })])).toBe('permission.denied');
    expect(top([gql(APOLLO_FORBIDDEN)])).toBe('auth.missing');
  });

  it('the same words without a code, thrown as a plain Error (INTERNAL_SERVER_ERROR), still speak', () => {
    const body =
      '{"errors":[{"message":"User is not authenticated","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}';
    expect(top([gql(body, { requestHeaders: BEARER })])).toBe('auth.invalid');
  });
});

describe('graphql-shield, Hasura, Saleor, GitHub, Shopify, django-graphql-jwt', () => {
  it('graphql-shield\'s "Not Authorised!" is a permission refusal', () => {
    const body =
      '{"errors":[{"message":"Not Authorised!","locations":[{"line":1,"column":9}],"path":["me"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"me":null}}';
    expect(top([gql(body, { requestHeaders: BEARER })])).toBe('permission.denied');
    expect(top([gql(body)])).toBe('auth.missing');
  });

  it('Hasura: an expired JWT, and an admin secret that was not sent', () => {
    const expired =
      '{"errors":[{"extensions":{"path":"$","code":"invalid-jwt"},"message":"Could not verify JWT: JWTExpired"}]}';
    expect(top([gql(expired, { requestHeaders: BEARER })])).toBe('auth.token_expired');
    const noSecret =
      '{"errors":[{"extensions":{"path":"$","code":"access-denied"},"message":"x-hasura-admin-secret/x-hasura-access-key required, but not found"}]}';
    expect(top([gql(noSecret, { url: 'https://hasura.example.com/v1/graphql' })])).toBe('auth.missing');
  });

  it('Saleor: a refused sign-in in the mutation payload, an expired refresh token, a missing permission', () => {
    const signIn = gql(
      '{"data":{"tokenCreate":{"token":null,"errors":[{"code":"INVALID_CREDENTIALS","field":"email","message":"Please, enter valid credentials"}]}}}',
      {
        requestBody:
          '{"query":"mutation { tokenCreate(email: \\"a@b.c\\", password: \\"x\\") { token errors { code } } }"}',
      },
    );
    expect(top([signIn])).toBe('auth.invalid');
    const refresh = gql(
      '{"data":{"tokenRefresh":{"token":null,"errors":[{"code":"JWT_SIGNATURE_EXPIRED","field":"refreshToken","message":"Signature has expired"}]}}}',
    );
    expect(top([refresh])).toBe('auth.token_expired');
    const staffOnly =
      '{"errors":[{"message":"To access this path, you need one of the following permissions: MANAGE_ORDERS","path":["orders"],"extensions":{"exception":{"code":"PermissionDenied"}}}],"data":{"orders":null}}';
    expect(top([gql(staffOnly, { requestHeaders: BEARER })])).toBe('permission.denied');
  });

  it('Saleor: after a refused sign-in, a call without a token is auth.missing even where a recorder scrubs headers', () => {
    const signIn = gql(
      '{"data":{"tokenCreate":{"token":null,"errors":[{"code":"INVALID_CREDENTIALS","field":"email","message":"Please, enter valid credentials"}]}}}',
    );
    const update = gql(
      '{"errors":[{"message":"You need one of the following permissions: AUTHENTICATED_USER","path":["accountUpdate"],"extensions":{"exception":{"code":"PermissionDenied"}}}],"data":{"accountUpdate":null}}',
    );
    const d = run([signIn, update], 'Polly.JS').at(-1)!;
    expect(d.causes[0]!.id).toBe('auth.missing');
    expect(d.causes[0]!.evidence.some((e) => e.name === 'sign-in refused')).toBe(true);
    // Without the failed sign-in, a scrubbing recorder cannot show that no token was sent.
    expect(top([update], 'Polly.JS')).toBe('permission.denied');
  });

  it('GitHub: INSUFFICIENT_SCOPES and "Resource not accessible by integration" are scope refusals', () => {
    const scopes =
      '{"errors":[{"type":"INSUFFICIENT_SCOPES","locations":[{"line":1,"column":9}],"message":"Your token has not been granted the required scopes to execute this query. The \'email\' field requires one of the following scopes: [\'user:email\'], but your token has only been granted the: [\'repo\'] scopes."}]}';
    const integration =
      '{"data":{"repository":null},"errors":[{"type":"FORBIDDEN","path":["repository"],"message":"Resource not accessible by integration"}]}';
    const github = { url: 'https://api.github.com/graphql', requestHeaders: BEARER };
    expect(top([gql(scopes, github)])).toBe('permission.insufficient_scope');
    expect(top([gql(integration, github)])).toBe('permission.insufficient_scope');
  });

  it('Shopify: THROTTLED is a rate limit, ACCESS_DENIED naming an access scope is a scope refusal', () => {
    const shop = {
      url: 'https://shop.myshopify.com/admin/api/2024-01/graphql.json',
      requestHeaders: { 'X-Shopify-Access-Token': 'shpat_0123456789abcdef0123456789abcdef' },
    };
    const throttled =
      '{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}]}';
    const denied =
      '{"errors":[{"message":"Access denied for orders field. Required access: `read_orders` access scope.","extensions":{"code":"ACCESS_DENIED","documentation":"https://shopify.dev/api/usage/access-scopes"}}]}';
    expect(top([gql(throttled, shop)])).toBe('rate_limit.exceeded');
    expect(top([gql(denied, shop)])).toBe('permission.insufficient_scope');
  });

  it('django-graphql-jwt: "You do not have permission…" by what was sent; an expired signature', () => {
    const denied =
      '{"errors":[{"message":"You do not have permission to perform this action","locations":[{"line":1,"column":9}],"path":["viewer"]}],"data":{"viewer":null}}';
    const jwt = { Authorization: 'JWT eyJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6ImEifQ.c2lnbmF0dXJlLXZhbHVl' };
    expect(top([gql(denied, { requestHeaders: jwt })])).toBe('permission.denied');
    expect(top([gql(denied)])).toBe('auth.missing');
    const expired = '{"errors":[{"message":"Signature has expired","path":["viewer"]}],"data":{"viewer":null}}';
    expect(top([gql(expired, { requestHeaders: jwt })])).toBe('auth.token_expired');
  });
});

describe('look-alikes that stay quiet', () => {
  it('validation errors, bad input, not found and server errors in a GraphQL 200', () => {
    const quiet = [
      '{"errors":[{"message":"Cannot query field \\"nope\\" on type \\"Query\\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}',
      '{"errors":[{"message":"Invalid argument value","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}',
      '{"errors":[{"message":"Cannot read properties of undefined (reading \'id\')","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
      '{"errors":[{"extensions":{"path":"$.selectionSet.users","code":"validation-failed"},"message":"field \'users\' not found in type: \'query_root\'"}]}',
      '{"errors":[{"message":"Couldn\'t resolve id: 123.","path":["product"],"extensions":{"exception":{"code":"GraphQLError"}}}],"data":{"product":null}}',
      '{"data":{"accountRegister":{"errors":[{"code":"REQUIRED","field":"password","message":"This field is required."}]}}}',
      '{"data":{"tokenCreate":{"token":"t","errors":[]}}}',
    ];
    for (const body of quiet) expect(flagged(gql(body)), body).toBe(false);
  });

  it('refusal wording or a payload error list outside a GraphQL call', () => {
    const rest = { url: 'https://api.example.com/v1/items', method: 'GET', status: 200 };
    expect(flagged({ ...rest, body: '{"errors":[{"message":"Not Authorised!"}]}' })).toBe(false);
    expect(
      flagged({ ...rest, body: '{"data":{"login":{"errors":[{"code":"INVALID_CREDENTIALS","message":"x"}]}}}' }),
    ).toBe(false);
  });
});

describe('where the reader finds the codes', () => {
  const codes = (body: unknown) => readJsonError(body as never).map((e) => `${e.at}=${e.code}`);

  it("extensions.exception.code (Graphene), and a mutation payload's coded errors", () => {
    expect(codes({ errors: [{ message: 'm', extensions: { exception: { code: 'PermissionDenied' } } }] })).toEqual([
      '/errors/0/extensions/exception/code=PermissionDenied',
    ]);
    expect(
      codes({
        data: {
          tokenCreate: { accountErrors: [{ code: 'INVALID_CREDENTIALS', message: 'm' }, { message: 'no code' }] },
        },
      }),
    ).toEqual(['/data/tokenCreate/accountErrors/0/code=INVALID_CREDENTIALS']);
  });
});
