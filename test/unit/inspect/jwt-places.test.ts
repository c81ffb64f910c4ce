import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { findJwts } from '../../../lib/inspect/tokens';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type HeaderSpec } from '../../support/har';
import { makeJwt } from './support';

// Where a request carries a JWT besides Authorization: the header a gateway reads, a cookie an
// SPA stores it in, the access_token query parameter of RFC 6750 §2.3. Each is found once.

const a = makeJwt({ sub: 'a' });
const b = makeJwt({ sub: 'b' });
const req = (requestHeaders: HeaderSpec, url = 'https://api.example.com/v1/me') =>
  toExchange(makeEntry({ url, status: 401, requestHeaders }), 0);
const found = (x: ReturnType<typeof req>) =>
  findJwts(x, x.req.get('authorization') ? parseAuthorization(x.req.get('authorization')!) : null).map((f) => [
    f.where,
    f.name,
    f.jwt.sub,
    f.primary,
  ]);

describe('findJwts', () => {
  it('reads the Authorization JWT as the primary one, quoted or not, and does not count it again', () => {
    for (const v of [`Bearer ${a}`, `Bearer "${a}"`, `bearer '${a}'`]) {
      const x = req({ Authorization: v, 'X-Id-Token': a, Cookie: `jwt=${a}` });
      expect(found(x)).toEqual([['request.header', 'authorization', 'a', true]]);
    }
    const x = req({ Authorization: `Bearer ${a}` });
    expect(findJwts(x, parseAuthorization(`Bearer ${a}`))[0]!.length).toBe(a.length);
  });

  it('finds a JWT in a gateway header, in a header that repeats the scheme, and names the header in lower case', () => {
    expect(found(req({ 'X-Amzn-Oidc-Data': a, 'X-Forwarded-Authorization': `Bearer ${b}` }))).toEqual([
      ['request.header', 'x-amzn-oidc-data', 'a', false],
      ['request.header', 'x-forwarded-authorization', 'b', false],
    ]);
  });

  it('does not read the Referer or the User-Agent as a credential the server checked', () => {
    expect(found(req({ Referer: `https://app.example.com/cb?id_token=${a}`, 'User-Agent': a, Accept: a }))).toEqual([]);
  });

  it('finds a cookie JWT stored percent-encoded with its scheme, and survives a broken escape', () => {
    expect(found(req({ Cookie: `auth=Bearer%20${b}; bad=%E0%A4%A` }))).toEqual([
      ['request.cookie', 'auth', 'b', false],
    ]);
  });

  it('finds the RFC 6750 §2.3 access_token query parameter', () => {
    expect(found(req({}, `https://api.example.com/v1/me?access_token=${a}`))).toEqual([
      ['request.query', 'access_token', 'a', false],
    ]);
  });

  it('skips what is not a decodable JWT', () => {
    expect(found(req({ 'X-Token': 'eyJub3QiOiJhIGp3dCJ9', Cookie: 'sid=eyJhbGciOiJIUzI1NiJ9.bm9wZQ.x' }))).toEqual([]);
  });

  it('reads 64 query parameters, not more, on a hostile URL', () => {
    const pad = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=1`).join('&');
    expect(found(req({}, `https://api.example.com/x?${pad(63)}&t=${a}`))).toHaveLength(1);
    expect(found(req({}, `https://api.example.com/x?${pad(64)}&t=${a}`))).toEqual([]);
  });

  it('reads 64 header names and 64 cookies, not more', () => {
    const headers: HeaderSpec = {};
    for (let i = 0; i < 64; i++) headers[`x-h${i}`] = '1';
    expect(found(req({ ...headers, 'x-late': a }))).toEqual([]);
    const cookies = Array.from({ length: 64 }, (_, i) => `c${i}=1`).join('; ');
    expect(found(req({ Cookie: `${cookies}; late=${a}` }))).toEqual([]);
    expect(
      found(req({ Cookie: `${Array.from({ length: 63 }, (_, i) => `c${i}=1`).join('; ')}; last=${a}` })),
    ).toHaveLength(1);
  });
});
