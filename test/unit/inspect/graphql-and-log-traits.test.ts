// Two small readers stated at their edges. isGraphqlRequest (lib/inspect/graphql-request.ts): what
// makes a call a GraphQL operation per GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/#sec-Request).
// The log traits (lib/inspect/log-traits.ts): when a capture can show that a credential was not
// sent, given that Chrome's default export drops Cookie, Set-Cookie and Authorization.
import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { isGraphqlRequest } from '../../../lib/inspect/graphql-request';
import { mayBeSanitized, scrubbedByRecorder, showsAbsence } from '../../../lib/inspect/log-traits';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';

describe('isGraphqlRequest', () => {
  const gql = (spec: Partial<EntrySpec>) =>
    isGraphqlRequest(
      toExchange(makeEntry({ url: 'https://api.example.com/v1/rpc', method: 'POST', status: 200, ...spec }), 0),
    );

  it('a POST whose JSON body carries a query, an operation name or a persisted query', () => {
    expect(gql({ requestBody: '{"query":"query { me { id } }"}' })).toBe(true);
    expect(gql({ requestBody: ' [{"operationName":"Me","variables":{}}]' })).toBe(true);
    expect(gql({ requestBody: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4"}}}' })).toBe(true);
    expect(gql({ requestBody: '{"search":"query"}' })).toBe(false);
    expect(gql({ requestBody: 'query=1' })).toBe(false);
    expect(gql({})).toBe(false);
  });

  it('a GET with a query document, the application/graphql type, or a /graphql endpoint', () => {
    expect(gql({ method: 'GET', url: 'https://api.example.com/v1/rpc?query=%7B%20me%20%7B%20id%20%7D%20%7D' })).toBe(
      true,
    );
    expect(gql({ method: 'GET', url: 'https://api.example.com/v1/rpc?query=mutation%20X%20%7B%20a%20%7D' })).toBe(true);
    expect(gql({ method: 'GET', url: 'https://api.example.com/search?query=shoes' })).toBe(false);
    expect(
      gql({ requestHeaders: { 'Content-Type': 'application/graphql; charset=utf-8' }, requestBody: '{ me { id } }' }),
    ).toBe(true);
    expect(gql({ url: 'https://api.example.com/graphql' })).toBe(true);
    expect(gql({ url: 'https://api.example.com/api/gql' })).toBe(true);
    expect(gql({ url: 'https://api.example.com/api/gqlx' })).toBe(false);
  });
});

describe('log traits', () => {
  const plain = (i: number, headers: Record<string, string> = {}): EntrySpec => ({
    url: `https://api.example.com/v1/x${i}`,
    status: 200,
    requestHeaders: headers,
  });
  const log = (creator: string, specs: EntrySpec[]) => {
    const har = makeHar(specs);
    har.log.creator = { name: creator, version: '1' };
    return new LogIndex(har);
  };

  it('three entries or more, none with a credential header, may be a sanitized export', () => {
    expect(mayBeSanitized(log('WebInspector', [plain(1), plain(2), plain(3)]))).toBe(true);
    expect(mayBeSanitized(log('WebInspector', [plain(1), plain(2)]))).toBe(false);
    expect(mayBeSanitized(log('WebInspector', [plain(1), plain(2), plain(3, { Cookie: 'a=1' })]))).toBe(false);
  });

  it("a test recorder's log without any credential header was scrubbed", () => {
    for (const name of ['Polly.JS', 'vcr', 'nock-har', 'talkback', 'betamax', 'WireMock'])
      expect(scrubbedByRecorder(log(name, [plain(1)])), name).toBe(true);
    expect(scrubbedByRecorder(log('vcrx', [plain(1)]))).toBe(false);
    expect(scrubbedByRecorder(log('Polly.JS', [plain(1, { Authorization: 'Bearer x' })]))).toBe(false);
    expect(mayBeSanitized(log('Polly.JS', [plain(1)]))).toBe(true);
  });

  it('shows absence when other entries kept credentials, or its writer records every header', () => {
    expect(showsAbsence(log('WebInspector', [plain(1, { Authorization: 'Bearer x' }), plain(2), plain(3)]))).toBe(true);
    expect(showsAbsence(log(' Playwright ', [plain(1)]))).toBe(true);
    expect(showsAbsence(log('mitmproxy', [plain(1)]))).toBe(true);
    expect(showsAbsence(log('WebInspector', [plain(1)]))).toBe(false);
    // Not when the log may be sanitized, whoever wrote it.
    expect(showsAbsence(log('Playwright', [plain(1), plain(2), plain(3)]))).toBe(false);
  });
});
