import { describe, expect, it } from 'vitest';
import { readJsonError } from '../../../lib/inspect/structured-error';
import { envelopeOf } from '../../../lib/inspect/envelope';
import { signsInWithBody } from '../../../lib/inspect/sign-in';
import { LogIndex } from '../../../lib/core/log-index';
import { makeHar, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';

// Issue 17, the lab's fifth set of Node servers (test/lab/scenarios/node5.ts): classes the engine did not read
// before it saw them, each stated from the behaviour its software documents.

const last = lastDiagnosis;

const exchange = (spec: EntrySpec) => new LogIndex(makeHar([spec])).exchanges[0]!;

// Feathers signs in at its authentication service: POST /authentication {"strategy":"local", email, password}
// (https://feathersjs.com/api/authentication/service.html#create-data-params); Strapi at POST /api/auth/local
// (https://docs.strapi.io/cms/features/users-permissions#login). A refused password there is a 401
// NotAuthenticated "Invalid login" (@feathersjs/authentication-local, strategy.ts).
describe('a sign-in at an authentication service is a credential sent', () => {
  const signIn = (path: string, body: string): EntrySpec => ({
    method: 'POST',
    url: `http://127.0.0.1:19801${path}`,
    status: 401,
    requestBody: body,
    responseHeaders: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      name: 'NotAuthenticated',
      message: 'Invalid login',
      code: 401,
      className: 'not-authenticated',
    }),
  });
  const feathers = '{"strategy":"local","email":"member@lab.example","password":"guess-1234"}';

  it.each(['/authentication', '/api/auth/local', '/v1/authentication/'])('%s with a password: a sign-in', (path) => {
    expect(signsInWithBody(exchange(signIn(path, feathers)))).toBe(true);
  });

  it('a password sent elsewhere (a sign-up, an authentication-settings page) is not a sign-in', () => {
    expect(signsInWithBody(exchange(signIn('/signup', feathers)))).toBe(false);
    expect(signsInWithBody(exchange(signIn('/authentication/settings', feathers)))).toBe(false);
    expect(signsInWithBody(exchange({ ...signIn('/authentication', feathers), method: 'GET' }))).toBe(false);
  });

  it('"Invalid login" to POST /authentication: the sign-in refused, auth.invalid first, never "nothing sent"', () => {
    const d = last([signIn('/authentication', feathers)]);
    expect(d.causes[0]!.id).toBe('auth.invalid');
    expect(d.causes.map((c) => c.id)).not.toContain('auth.missing');
  });

  it('the same service without a password in the body (a JWT re-authentication) is not read as a sign-in', () => {
    expect(signsInWithBody(exchange(signIn('/authentication', '{"strategy":"jwt","accessToken":"x"}')))).toBe(false);
  });
});

// Feathers' authenticate hook throws NotAuthenticated('Not authenticated') only when no strategy parsed a
// credential (hooks/authenticate.ts); its JWT strategy's parse() returns null for a scheme outside `schemes`
// (Bearer, JWT by default; jwt.ts). So that body to a request with an Authorization header means it was not read.
describe('Feathers\' "Not authenticated" to a request that carried Authorization', () => {
  const body = JSON.stringify({
    name: 'NotAuthenticated',
    message: 'Not authenticated',
    code: 401,
    className: 'not-authenticated',
  });
  const call = (headers: Record<string, string>): EntrySpec => ({
    url: 'http://127.0.0.1:19801/messages',
    status: 401,
    requestHeaders: headers,
    responseHeaders: { 'Content-Type': 'application/json; charset=utf-8' },
    body,
  });

  it('Basic credentials: the header was not read, auth.malformed first', () => {
    const d = last([call({ Authorization: 'Basic bWVtYmVyQGxhYi5leGFtcGxlOm1lbWJlci1wYXNz' })]);
    expect(d.causes[0]!.id).toBe('auth.malformed');
    expect(d.causes[0]!.fixes.join(' ')).toMatch(/Bearer/);
  });

  it('a token under an unread scheme ("Token"): auth.malformed first', () => {
    expect(last([call({ Authorization: 'Token 0123456789abcdef0123456789abcdef' })]).causes[0]!.id).toBe(
      'auth.malformed',
    );
  });

  it('nothing sent: the absent credential, auth.missing', () => {
    expect(last([call({})]).causes[0]!.id).toBe('auth.missing');
  });

  it("Feathers' words for a credential it read and refused keep their own reading", () => {
    const d = last([
      {
        ...call({ Authorization: 'Bearer abc.def.ghi' }),
        body: JSON.stringify({ name: 'NotAuthenticated', message: 'invalid signature', code: 401 }),
      },
    ]);
    expect(d.causes[0]!.id).toBe('auth.invalid');
  });
});

// tRPC's error shape: {"error":{"message","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,…}}}
// (https://trpc.io/docs/server/error-formatting). A batch (?batch=1) answers an array, one item per call, and
// 207 Multi-Status when the items' statuses differ (https://trpc.io/docs/rpc); the error codes and their statuses:
// https://trpc.io/docs/server/error-handling#error-codes.
describe('tRPC errors, alone and inside a batch', () => {
  const err = (code: string, httpStatus: number, message: string, rpc: number) => ({
    error: { message, code: rpc, data: { code, httpStatus, path: 'me' } },
  });
  const batch = (status: number, items: unknown[], headers: Record<string, string> = {}): EntrySpec => ({
    url: 'http://127.0.0.1:19802/me,health?batch=1&input=%7B%7D',
    status,
    requestHeaders: headers,
    responseHeaders: { 'Content-Type': 'application/json' },
    body: JSON.stringify(items),
  });
  const ok = { result: { data: 'ok' } };

  it('reads the tRPC code, not the JSON-RPC number, from the first item holding an error', () => {
    const read = readJsonError([ok, err('FORBIDDEN', 403, 'Admins only', -32003)] as never);
    expect(read[0]).toMatchObject({
      family: 'trpc',
      code: 'FORBIDDEN',
      at: '/1/error/data/code',
      message: 'Admins only',
    });
  });

  it('a batch item repeating a refusal status is an envelope; a list of records saying 401 is data', () => {
    expect(envelopeOf([ok, err('UNAUTHORIZED', 401, 'Please sign in', -32001)] as never)).toMatchObject({ http: 401 });
    expect(
      envelopeOf([
        { status: 'failed', code: 401 },
        { status: 'ok', code: 200 },
      ] as never),
    ).toBeNull();
    // an item whose error stands for no refusal status is no envelope either (it is not a failure flag)
    expect(envelopeOf([ok, err('NOT_FOUND', 404, 'No procedure', -32004)] as never)).toBeNull();
  });

  it('207 with UNAUTHORIZED and nothing sent: flagged, auth.missing', () => {
    const d = last([batch(207, [err('UNAUTHORIZED', 401, 'Please sign in', -32001), ok])]);
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('auth.missing');
  });

  it('207 with UNAUTHORIZED to a Bearer caller: the token refused, auth.invalid', () => {
    const d = last([
      batch(207, [err('UNAUTHORIZED', 401, 'Invalid session token', -32001), ok], {
        Authorization: 'Bearer 0123456789abcdef0123456789',
      }),
    ]);
    expect(d.causes[0]!.id).toBe('auth.invalid');
  });

  it('207 with FORBIDDEN or TOO_MANY_REQUESTS in an item: permission.denied, rate_limit.exceeded', () => {
    const bearer = { Authorization: 'Bearer 0123456789abcdef0123456789' };
    expect(last([batch(207, [ok, err('FORBIDDEN', 403, 'Admins only', -32003)], bearer)]).causes[0]!.id).toBe(
      'permission.denied',
    );
    expect(last([batch(207, [ok, err('TOO_MANY_REQUESTS', 429, 'Slow down', -32029)], bearer)]).causes[0]!.id).toBe(
      'rate_limit.exceeded',
    );
  });

  it('207 whose failed item is BAD_REQUEST, NOT_FOUND or INTERNAL_SERVER_ERROR stays quiet', () => {
    for (const [c, s, n] of [
      ['BAD_REQUEST', 400, -32600],
      ['NOT_FOUND', 404, -32004],
      ['INTERNAL_SERVER_ERROR', 500, -32603],
    ] as const)
      expect(last([batch(207, [ok, err(c, s, 'no', n)])]).flagged).toBe(false);
  });
});
