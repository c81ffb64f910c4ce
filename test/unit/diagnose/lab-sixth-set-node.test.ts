import { describe, expect, it } from 'vitest';
import { readStatedErrors } from '../../../lib/inspect/structured-error';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';

// Issue 17, the lab's sixth Node set (test/lab/servers6node.ts, scenarios/node6.ts): classes the engine did not read
// before it saw json-server-auth, routing-controllers, express-openapi-validator and Egg.js, each stated from the
// behaviour the program documents or its source shows.

const last = lastDiagnosis;
const top = (entries: EntrySpec[]) => {
  const d = last(entries);
  return d.flagged ? d.causes[0]!.id : 'not flagged';
};

const API = 'http://api.example.test';
const JSON_MIME = 'application/json; charset=utf-8';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW9mLXRoZS1sYWItdG9rZW4';
const json = (body: unknown): Pick<EntrySpec, 'body' | 'mimeType' | 'responseHeaders'> => ({
  body: JSON.stringify(body),
  mimeType: JSON_MIME,
  responseHeaders: { 'Content-Type': JSON_MIME },
});
const signIn = (path: string, status: number, answer: unknown): EntrySpec => ({
  method: 'POST',
  url: `${API}${path}`,
  status,
  requestHeaders: { 'Content-Type': 'application/json' },
  requestBody: '{"email":"ada@lab.test","password":"wrong-pass"}',
  requestMimeType: 'application/json',
  ...json(answer),
});
const call = (
  method: string,
  path: string,
  status: number,
  answer: unknown,
  headers: Record<string, string> = {},
): EntrySpec => ({
  method,
  url: `${API}${path}`,
  status,
  requestHeaders: headers,
  ...json(answer),
});

describe('a JSON body that is one string is the server speaking (Express res.json / json-server-auth)', () => {
  it('reads the string as the message, under the limits of a plain-text line', () => {
    const stated = (spec: EntrySpec) => readStatedErrors(toExchange(makeEntry(spec), 0));
    const errors = stated(call('POST', '/login', 400, 'Incorrect password'));
    expect(errors.map((e) => [e.at, e.message])).toContainEqual(['body (JSON string)', 'Incorrect password']);
    // Only the status phrase, or a success: nothing stated.
    expect(stated(call('GET', '/x', 401, 'Unauthorized')).some((e) => e.at === 'body (JSON string)')).toBe(false);
    expect(stated(call('GET', '/x', 200, 'Incorrect password')).some((e) => e.at === 'body (JSON string)')).toBe(false);
    // A string longer than a line is a page or a dump, not a sentence to the caller.
    expect(stated(call('GET', '/x', 400, 'x'.repeat(400))).some((e) => e.at === 'body (JSON string)')).toBe(false);
  });

  it("holds a plain-text line's limits: 4 to 300 characters, at most 3 lines, more than a status phrase", () => {
    const read = (value: string, raw = JSON.stringify(value)) =>
      readStatedErrors(toExchange(makeEntry({ ...call('GET', '/x', 400, ''), body: raw }), 0)).find(
        (e) => e.at === 'body (JSON string)',
      );
    expect(read('Nope')).toEqual({ family: 'message', code: '', at: 'body (JSON string)', message: 'Nope' });
    expect(read('abc')).toBeUndefined();
    expect(read('1234')).toBeUndefined(); // no word at all
    expect(read('Too Many Requests')).toBeUndefined();
    expect(read('x'.repeat(300))?.message).toHaveLength(300);
    expect(read('x'.repeat(301))).toBeUndefined();
    expect(read('one\ntwo\nthree')?.message).toBe('one\ntwo\nthree');
    expect(read('one\ntwo\nthree\nfour')).toBeUndefined();
    // The JSON text may be padded (a newline after it, as many servers end a body); its string is trimmed.
    expect(read('', '  "Incorrect password"\n')?.message).toBe('Incorrect password');
    expect(read('', '"  Incorrect password  "')?.message).toBe('Incorrect password');
    // Not a JSON string: an unterminated one, or a number.
    expect(read('', '"Incorrect password')).toBeUndefined();
    expect(read('', '401')).toBeUndefined();
  });

  it('json-server-auth: POST /login answered 400 "Incorrect password" is the sign-in refused', () => {
    expect(top([signIn('/login', 400, 'Incorrect password')])).toBe('auth.invalid');
  });

  it('a sign-up\'s 400 "Password is too short" stays an ordinary validation error', () => {
    expect(top([signIn('/register', 400, 'Password is too short')])).toBe('not flagged');
  });
});

describe('an unknown account, said in answer to a sign-in', () => {
  it('json-server-auth: POST /login for an unregistered e-mail, 400 "Cannot find user", is auth.invalid', () => {
    expect(top([signIn('/login', 400, 'Cannot find user')])).toBe('auth.invalid');
    expect(top([signIn('/api/auth/login', 400, { message: 'User not found' })])).toBe('auth.invalid');
  });

  it('is read only in a message of at most 400 characters (longer is a page or a dump)', () => {
    expect(top([signIn('/login', 400, { message: `Cannot find user ${'x'.repeat(384)}` })])).toBe('not flagged');
    expect(top([signIn('/login', 400, { message: `Cannot find user ${'x'.repeat(383)}` })])).toBe('auth.invalid');
  });

  it('the same words anywhere but a sign-in carrying its password are an ordinary 4xx', () => {
    expect(top([call('GET', '/users/5', 404, { message: 'User not found' })])).toBe('not flagged');
    expect(top([signIn('/register', 400, 'Cannot find user')])).toBe('not flagged');
    const noPassword: EntrySpec = { ...signIn('/login', 400, 'Cannot find user'), requestBody: '{"email":"a@b.c"}' };
    expect(top([noPassword])).toBe('not flagged');
  });
});

describe("the server's words name the scheme it reads, or call the sent one wrong", () => {
  it('json-server-auth: a JWT under `JWT` answered 401 "Incorrect authorization scheme" is auth.malformed', () => {
    expect(top([call('POST', '/posts', 401, 'Incorrect authorization scheme', { Authorization: `JWT ${JWT}` })])).toBe(
      'auth.malformed',
    );
  });

  it('express-openapi-validator: Basic credentials answered "Authorization header with scheme \'Bearer\' required"', () => {
    const words = "Authorization header with scheme 'Bearer' required";
    const basic = { Authorization: 'Basic YWRhOnB3' };
    expect(
      top([
        call('GET', '/v1/orders', 401, { message: words, errors: [{ path: '/v1/orders', message: words }] }, basic),
      ]),
    ).toBe('auth.malformed');
    // A Basic credential the server read and refused says nothing of a scheme: it stays a refused credential.
    expect(top([call('GET', '/v1/orders', 401, { message: 'unauthorized' }, basic)])).not.toBe('auth.malformed');
    // Naming the scheme that was sent is no mismatch.
    const same = "Authorization header with scheme 'Basic' required";
    expect(top([call('GET', '/v1/orders', 401, { message: same }, basic)])).not.toBe('auth.malformed');
  });
});

describe('a missing credential the server names as an API key', () => {
  it("express-openapi-validator's apiKey check, nothing sent: \"'X-API-Key' header required\" is api_key.missing", () => {
    const words = "'X-API-Key' header required";
    expect(
      top([call('GET', '/v1/pets', 401, { message: words, errors: [{ path: '/v1/pets', message: words }] })]),
    ).toBe('api_key.missing');
    expect(top([call('GET', '/v1/feed', 401, { message: "query parameter 'api_key' required" })])).toBe(
      'api_key.missing',
    );
  });

  it("says so in its title and evidence, and keeps the key row's fix", () => {
    const d = last([call('GET', '/v1/pets', 401, { message: "'X-API-Key' header required" })]);
    const c = d.causes[0]!;
    expect(c.title).toBe('The server wants an API key and the request carried none');
    expect(c.summary).toContain("The server's message names the key it looks for.");
    expect(JSON.stringify(c.evidence)).toContain("'X-API-Key' header required");
    expect(c.fixes[0]).toBe('Send the key in the header or query parameter the API documents.');
  });

  it('a challenge names the scheme the server reads: then the credential in general is missing', () => {
    const challenged = {
      ...call('GET', '/v1/pets', 401, { message: "'X-API-Key' header required" }),
      responseHeaders: { 'Content-Type': JSON_MIME, 'WWW-Authenticate': 'Bearer realm="api"' },
    };
    expect(top([challenged])).toBe('auth.missing');
    expect(top([call('GET', '/v1/pets', 401, { status: 401 })])).toBe('auth.missing');
  });

  it('words naming no key ("Authorization header required") stay auth.missing', () => {
    expect(top([call('GET', '/v1/orders', 401, { message: 'Authorization header required' })])).toBe('auth.missing');
  });
});

describe("routing-controllers' AccessDeniedError (@Authorized(roles) and a checker that returned false)", () => {
  const denied = {
    name: 'AccessDeniedError',
    message: 'Access is denied for request on DELETE /api/users/7',
  };
  it('to a caller holding a token is permission.denied', () => {
    expect(top([call('DELETE', '/api/users/7', 403, denied, { Authorization: 'Bearer lab-rc-member' })])).toBe(
      'permission.denied',
    );
  });

  it('to a caller that sent nothing, in a capture that keeps headers, is auth.missing', () => {
    expect(top([call('DELETE', '/api/users/7', 403, denied)])).toBe('auth.missing');
  });
});
