import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../lib/core/context';
import { LogIndex } from '../../../../lib/core/log-index';
import type { Cause } from '../../../../lib/core/causes';
import { statedReasonRule } from '../../../../lib/diagnose/rules/stated-reason';
import { makeHar, type EntrySpec } from '../../../support/har';

// What the server's stated reason becomes once the request is read beside it: the same code
// means "missing", "invalid" or "expired" depending on what was sent. The stated-reason rule alone,
// before other rules' readings merge with it. Bodies are the documented ones: Apollo Server's
// UNAUTHENTICATED (https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes),
// RFC 6750 §3.1 invalid_token / insufficient_scope with an error_description, Microsoft
// IdentityModel's IDX14100 "JWT is not well formed", Google's UNAUTHENTICATED
// (https://cloud.google.com/apis/design/errors).

const DATE = 'Sat, 21 Nov 2026 12:04:10 GMT';
const GRAPHQL_UNAUTHENTICATED =
  '{"errors":[{"message":"You must be logged in","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}';
const invalidToken = (description: string): string =>
  JSON.stringify({ error: 'invalid_token', error_description: description });

function call(status: number, body: string, requestHeaders: Record<string, string> = {}): EntrySpec {
  return {
    method: 'POST',
    url: 'https://api.example.com/graphql',
    status,
    requestHeaders: { 'Content-Type': 'application/json', ...requestHeaders },
    requestBody: '{"query":"{ me { id } }"}',
    responseHeaders: { Date: DATE, 'Content-Type': 'application/json' },
    body,
    mimeType: 'application/json',
  };
}

/** The rule's reading of the last entry. */
function reading(entries: EntrySpec[]): Cause {
  const log = new LogIndex(makeHar(entries));
  const out = statedReasonRule.run(new RuleContext(log.exchanges.at(-1)!, log));
  expect(out).toHaveLength(1);
  return out[0]!;
}

const ok = (path: string, requestHeaders: Record<string, string> = {}): EntrySpec => ({
  url: `https://api.example.com${path}`,
  status: 200,
  requestHeaders,
  responseHeaders: { Date: DATE },
});

describe('"not authenticated" (UNAUTHENTICATED) and what went with the request', () => {
  it('nothing went: the credential is missing', () => {
    const c = reading([call(401, GRAPHQL_UNAUTHENTICATED)]);
    expect(c.id).toBe('auth.missing');
    expect(c.confidence).toBe(0.85);
    expect(c.title).toBe('The server says UNAUTHENTICATED: the server could not authenticate the caller');
    expect(c.summary).toBe(
      'The response states its reason in a structured body (GraphQL error "UNAUTHENTICATED"): the server could not authenticate the caller.',
    );
    expect(c.evidence.map((e) => e.detail)).toEqual([
      'GraphQL error UNAUTHENTICATED at /errors/0/extensions/code — "You must be logged in"',
      '401',
      'GraphQL codes (https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes)',
    ]);
  });

  it('only cookies went: none carried a session the server knows, so still missing, and the summary says why', () => {
    const c = reading([call(401, GRAPHQL_UNAUTHENTICATED, { Cookie: 'sessionid=abc123' })]);
    expect(c.id).toBe('auth.missing');
    expect(c.summary).toMatch(
      / Only cookies were sent, and the server says the caller is not signed in: none of them carried a session it knows\.$/,
    );
  });

  it('a token went: it was not accepted', () => {
    const c = reading([call(401, GRAPHQL_UNAUTHENTICATED, { Authorization: 'Bearer 0123456789abcdef' })]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).not.toMatch(/Only cookies/);
    // A cookie beside the token: not "only cookies".
    const both = reading([
      call(401, GRAPHQL_UNAUTHENTICATED, { Authorization: 'Bearer 0123456789abcdef', Cookie: 'sessionid=abc123' }),
    ]);
    expect(both.id).toBe('auth.invalid');
  });

  it('a sanitized export (no call in it carries a credential): whether one went cannot be told, 60 %', () => {
    const c = reading([ok('/a'), ok('/b'), call(401, GRAPHQL_UNAUTHENTICATED)]);
    expect(c.id).toBe('auth.invalid');
    expect(c.confidence).toBe(0.6);
    expect(c.summary).toMatch(/ The capture carries no credential headers at all \(a sanitized export drops them\)/);
  });

  it('inside an HTTP 200, the summary says so', () => {
    const c = reading([call(200, GRAPHQL_UNAUTHENTICATED, { Authorization: 'Bearer 0123456789abcdef' })]);
    expect(c.summary).toMatch(/\(GraphQL error "UNAUTHENTICATED", inside an HTTP 200\)/);
  });
});

describe('"invalid_token" refined by its description', () => {
  const bearer = { Authorization: 'Bearer 0123456789abcdef' };

  it('expired, not yet valid, not well formed: the specific cause, certain (95 %)', () => {
    const expired = reading([call(401, invalidToken('The access token expired'), bearer)]);
    expect([expired.id, expired.confidence]).toEqual(['auth.token_expired', 0.95]);
    const early = reading([call(401, invalidToken('Token not yet valid'), bearer)]);
    expect([early.id, early.confidence]).toEqual(['auth.token_not_yet_valid', 0.95]);
    const malformed = reading([call(401, invalidToken('IDX14100: JWT is not well formed'), bearer)]);
    expect([malformed.id, malformed.confidence]).toEqual(['auth.malformed', 0.95]);
    expect(reading([call(401, invalidToken('The token could not be decoded'), bearer)]).id).toBe('auth.malformed');
  });

  it('a description that says none of those leaves "invalid" at its table level', () => {
    const c = reading([call(401, invalidToken('The token was revoked'), bearer)]);
    expect([c.id, c.confidence]).toEqual(['auth.invalid', 0.85]);
  });

  it('nothing sent, in a capture that shows credentials elsewhere: "invalid" is how the server answers none (60 %)', () => {
    const c = reading([
      ok('/me', { Authorization: 'Bearer 0123456789abcdef' }),
      call(401, invalidToken('Invalid token')),
    ]);
    expect(c.id).toBe('auth.invalid');
    expect(c.confidence).toBe(0.6);
    expect(c.summary).toMatch(
      / The request carried no credential at all, so this is more likely how the server answers none\.$/,
    );
    // Alone in its capture, the absence is not shown: the table's level stands.
    expect(reading([call(401, invalidToken('Invalid token'))]).confidence).toBe(0.85);
  });
});

describe('"insufficient_scope" said to a caller without a token', () => {
  const scope = '{"error":"insufficient_scope"}';

  it('only a session cookie: a role the account lacks (permission.denied)', () => {
    const c = reading([call(403, scope, { Cookie: 'sessionid=abc123' })]);
    expect(c.id).toBe('permission.denied');
    expect(c.summary).toMatch(/the "scope" it lacks is a role of its account\.$/);
  });

  it('a Bearer token: the token lacks the scope', () => {
    expect(reading([call(403, scope, { Authorization: 'Bearer 0123456789abcdef' })]).id).toBe(
      'permission.insufficient_scope',
    );
  });
});

describe('statuses the stated reason reads', () => {
  it('not a redirect, not a server error', () => {
    for (const status of [302, 500, 503]) {
      const log = new LogIndex(makeHar([call(status, invalidToken('The access token expired'))]));
      expect(statedReasonRule.run(new RuleContext(log.exchanges[0]!, log)), String(status)).toEqual([]);
    }
    expect(
      reading([call(499, invalidToken('The access token expired'), { Authorization: 'Bearer 0123456789abcdef' })]).id,
    ).toBe('auth.token_expired');
  });
});
