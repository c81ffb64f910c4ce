// A REST API answers with the same {"errors":[{"message":…}]} shape as GraphQL servers (Asana:
// https://developers.asana.com/docs/errors). GraphQL servers' wordings (graphql-shield's "Not
// Authorised!") speak only for a GraphQL operation: read on a REST 401, "Not Authorized" became a
// permission rule instead of a refused credential.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { makeEntry, makeHar } from '../../support/har';

const REST_401 =
  '{"errors":[{"message":"Not Authorized","help":"For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors"}]}';
// graphql-shield's fallbackError, as a GraphQL server answers an operation it refused.
const SHIELD_200 =
  '{"errors":[{"message":"Not Authorised!","locations":[{"line":2,"column":3}],"path":["me"]}],"data":{"me":null}}';

function top(url: string, status: number, body: string, method = 'GET', headers: [string, string][] = []) {
  const e = makeEntry({ method, url, status, mimeType: 'application/json' }, 0);
  for (const [name, value] of headers) e.request.headers.push({ name, value });
  if (method === 'POST') e.request.postData = { mimeType: 'application/json', text: '{"query":"{ me { id } }"}' };
  e.response.content = { size: body.length, mimeType: 'application/json', text: body };
  return diagnose({ log: { ...makeHar([]).log, entries: [e] } })[0]?.causes[0]?.id;
}

describe('an errors list from a REST API', () => {
  it('refusing a call with no credential is auth.missing, not a permission rule', () => {
    expect(top('https://api.example.com/1.0/users/me', 401, REST_401)).toBe('auth.missing');
  });

  it('refusing a token is auth.invalid, not a permission rule', () => {
    expect(
      top('https://api.example.com/1.0/users/me', 401, REST_401, 'GET', [
        ['Authorization', 'Bearer 2/1204/5678:abcdef0123456789'],
      ]),
    ).toBe('auth.invalid');
  });
});

describe('the same words from a GraphQL server', () => {
  it('beside "data", with the path of the refused field, stay a permission rule', () => {
    expect(
      top('https://api.example.com/graphql', 200, SHIELD_200, 'POST', [
        ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'],
      ]),
    ).toBe('permission.denied');
  });
});
