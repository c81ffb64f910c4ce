// A JWT's safe description (lib/redact/describe.ts) beside vault-names.test.ts: which claims are
// read as dates (exp, nbf, iat, in seconds), what is written as it is, and how many removed claims
// are named.
import { describe, expect, it } from 'vitest';
import { describeSecret } from '../../../lib/redact';
import { makeJwt } from '../inspect/support';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
/** A JWT whose claims are the raw JSON text given (for numbers JSON.stringify cannot write). */
const rawJwt = (claims: string) => `${b64url('{"alg":"HS256"}')}.${b64url(claims)}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
const note = (jwt: string) => describeSecret(jwt, 'jwt').note;

describe('claims read as dates', () => {
  it('exp, nbf and iat in seconds are written as UTC times', () => {
    const jwt = makeJwt({ exp: 1893456000, nbf: 1700000000, iat: 0 }, { alg: 'HS256' });
    expect(note(jwt)).toBe(
      `JWT (alg HS256): exp=2030-01-01T00:00:00Z, nbf=2023-11-14T22:13:20Z, iat=1970-01-01T00:00:00Z; signature removed, ${jwt.length} chars`,
    );
  });

  it('a date claim that is text, or 1e11 and more (milliseconds), or not finite, is written as it is', () => {
    expect(note(makeJwt({ exp: '1893456000' }, { alg: 'HS256' }))).toContain('exp=1893456000;');
    expect(note(makeJwt({ exp: 1e11 }, { alg: 'HS256' }))).toContain('exp=100000000000;');
    expect(note(makeJwt({ nbf: -1e11 }, { alg: 'HS256' }))).toContain('nbf=-100000000000;');
    expect(note(makeJwt({ exp: 99999999999 }, { alg: 'HS256' }))).toContain('exp=5138-11-16T09:46:39Z;');
    expect(note(rawJwt('{"exp":1e400}'))).toContain('exp=null;');
  });

  it('a number under another claim is no date; lists and objects are written as JSON', () => {
    expect(note(makeJwt({ azp: 1893456000, aud: ['a', 'b'], roles: { r: 1 } }, { alg: 'HS256' }))).toContain(
      'aud=["a","b"], azp=1893456000, roles={"r":1};',
    );
  });
});

describe('removed claims', () => {
  const claims = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, 'x']));

  it('are named up to eight; more are marked with an ellipsis', () => {
    expect(note(makeJwt(claims(8), { alg: 'HS256' }))).toContain('claims c0, c1, c2, c3, c4, c5, c6, c7 removed');
    expect(note(makeJwt(claims(9), { alg: 'HS256' }))).toContain('claims c0, c1, c2, c3, c4, c5, c6, c7… removed');
  });
});

describe('every other secret', () => {
  // A value of kind jwt that does not decode as one is described by its kind alone.
  it.each([
    ['authorization', 'credentials'],
    ['jwt', 'JWT'],
    ['cookie', 'cookie value'],
    ['api-key', 'API key'],
    ['query', 'query parameter value, as it appears in the URL'],
    ['body', 'body field value, as it appears in the body'],
    ['url', 'credential in the URL'],
    ['signature', 'signature'],
    ['token', 'token'],
    ['personal', 'personal claim of a JWT, removed'],
    ['password', 'password'],
    ['unread', 'text withheld whole: its nested encodings cost more than redaction reads'],
  ] as const)('%s: what it is and its length, never the value', (kind, what) => {
    expect(describeSecret('v-Secret-4812', kind)).toEqual({ kind, note: `${what}, 13 chars` });
  });

  it('a JWT after `Bearer` and any run of white space is still described as a JWT', () => {
    const jwt = makeJwt({ exp: 1893456000 }, { alg: 'HS256' });
    expect(describeSecret(`Bearer \t ${jwt}`, 'token')).toMatchObject({ kind: 'jwt' });
  });
});
