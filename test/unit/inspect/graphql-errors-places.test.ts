// Where GraphQL servers put the code of a refusal (lib/inspect/graphql-errors.ts), read through
// readJsonError as a 200 body is: the most specific place first. Shapes: Apollo Server
// extensions.code (https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes),
// Graphene/Saleor extensions.exception.code, Spring for GraphQL extensions.classification
// (https://docs.spring.io/spring-graphql/reference/request-execution.html#execution.exceptions),
// GitHub's type, AppSync's extensions.errorType (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-util-reference-js.html),
// Shopify's customerUserErrors[] inside data (https://shopify.dev/docs/api/storefront/latest/mutations/customerAccessTokenCreate).
import { describe, expect, it } from 'vitest';
import { readJsonError } from '../../../lib/inspect/structured-error';

const at = (body: unknown) => readJsonError(body as never).map((e) => `${e.code}@${e.at}`);
const one = (error: Record<string, unknown>) => at({ errors: [{ message: 'Not allowed', ...error }] });

describe('a top-level error', () => {
  it('reads each documented place, the most specific first', () => {
    const all = {
      extensions: {
        code: 'FORBIDDEN',
        exception: { code: 'PermissionDenied' },
        classification: 'UNAUTHORIZED',
        errorType: 'Unauthorized',
      },
      type: 'NOT_FOUND',
      code: 403,
    };
    expect(one(all)).toEqual(['FORBIDDEN@/errors/0/extensions/code']);
    expect(one({ ...all, extensions: { ...all.extensions, code: undefined } })).toEqual([
      'PermissionDenied@/errors/0/extensions/exception/code',
    ]);
    expect(one({ ...all, extensions: { classification: 'UNAUTHORIZED', errorType: 'Unauthorized' } })).toEqual([
      'UNAUTHORIZED@/errors/0/extensions/classification',
    ]);
    expect(one({ type: 'NOT_FOUND', extensions: { errorType: 'Unauthorized' }, code: 403 })).toEqual([
      'NOT_FOUND@/errors/0/type',
    ]);
    expect(one({ extensions: { errorType: 'Unauthorized' }, code: 403 })).toEqual([
      'Unauthorized@/errors/0/extensions/errorType',
    ]);
    // Twitter v1.1's {"errors":[{"code":89,"message":"Invalid or expired token."}]}: read as these errors.
    expect(one({ code: 89 })).toEqual(['89@/errors/0/code']);
    expect(readJsonError({ errors: [{ code: 89, message: 'Invalid or expired token.' }] })).toEqual([
      { family: 'graphql', code: '89', at: '/errors/0/code', message: 'Invalid or expired token.' },
    ]);
    expect(one({})).toEqual(['@/errors/0/message']);
  });

  it('skips a place whose value is no code, and extensions that are no object', () => {
    expect(one({ extensions: { code: '', exception: { code: 'PermissionDenied' } } })).toEqual([
      'PermissionDenied@/errors/0/extensions/exception/code',
    ]);
    expect(one({ extensions: 'FORBIDDEN', type: 'FORBIDDEN' })).toEqual(['FORBIDDEN@/errors/0/type']);
    expect(one({ extensions: { exception: 'PermissionDenied' }, type: 'X' })).toEqual(['X@/errors/0/type']);
  });

  it('keeps each error in order, skipping what is no object', () => {
    expect(
      at({ errors: [{ message: 'a', extensions: { code: 'A' } }, 'x', { message: 'b', extensions: { code: 'B' } }] }),
    ).toEqual(['A@/errors/0/extensions/code', 'B@/errors/2/extensions/code']);
  });
});

describe("a mutation's own error list inside data", () => {
  it('reads coded items of any *errors list of a payload', () => {
    expect(
      at({
        data: {
          customerAccessTokenCreate: {
            customerAccessToken: null,
            customerUserErrors: [{ code: 'UNIDENTIFIED_CUSTOMER', field: ['input'], message: 'Unidentified customer' }],
          },
        },
      }),
    ).toEqual(['UNIDENTIFIED_CUSTOMER@/data/customerAccessTokenCreate/customerUserErrors/0/code']);
    expect(
      at({ data: { tokenCreate: { errors: [{ field: 'email', message: 'Invalid', code: 'INVALID_CREDENTIALS' }] } } }),
    ).toEqual(['INVALID_CREDENTIALS@/data/tokenCreate/errors/0/code']);
  });

  it('not uncoded items, other lists, or values that are no payload', () => {
    expect(at({ data: { tokenCreate: { errors: [{ field: 'email', message: 'Enter a valid email' }] } } })).toEqual([]);
    expect(at({ data: { tokenCreate: { warnings: [{ code: 'X' }], errorsSeen: [{ code: 'Y' }] } } })).toEqual([]);
    expect(at({ data: { me: null, count: 3, tokenCreate: { errors: [null, { code: 'Z' }] } } })).toEqual([
      'Z@/data/tokenCreate/errors/1/code',
    ]);
  });

  it('reads the first 20 fields of data, and the first 20 keys of a payload', () => {
    const fields = (n: number) => {
      const data: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) data[`f${i}`] = { ok: true };
      data.last = { errors: [{ code: 'LAST' }] };
      return { data };
    };
    expect(at(fields(19))).toEqual(['LAST@/data/last/errors/0/code']);
    expect(at(fields(20))).toEqual([]);
    const keys = (n: number) => {
      const payload: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) payload[`k${i}`] = 1;
      payload.userErrors = [{ code: 'LAST' }];
      return { data: { m: payload } };
    };
    expect(at(keys(19))).toEqual(['LAST@/data/m/userErrors/0/code']);
    expect(at(keys(20))).toEqual([]);
  });
});
