// The vault (lib/redact/vault.ts, describe.ts): one placeholder per value, names that never
// collide, places listed once each, what a credential implies learned with it, and descriptions
// that never hold the value.
import { describe, expect, it } from 'vitest';
import { describeSecret, Vault } from '../../../lib/redact';
import { makeJwt } from '../inspect/support';

const hint = (base: string, where = 'test') => ({ base, kind: 'body' as const, where });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('placeholder names', () => {
  it('the same value gets the same name; another value under the same base the next free suffix', () => {
    const v = new Vault();
    expect(v.secret('v-1', hint('pw'))).toEqual({ ref: 'WHY403_PW' });
    expect(v.secret('v-2', hint('pw'))).toEqual({ ref: 'WHY403_PW_2' });
    expect(v.secret('v-1', hint('other'))).toEqual({ ref: 'WHY403_PW' });
    expect(v.secret('v-3', hint('pw'))).toEqual({ ref: 'WHY403_PW_3' });
  });

  it('a base that itself ends in _<n> never takes a name already given', () => {
    const v = new Vault();
    v.secret('a', hint('X'));
    v.secret('b', hint('X'));
    expect(v.secret('c', hint('X_2'))).toEqual({ ref: 'WHY403_X_2_2' });
    expect(v.secret('d', hint('X_3'))).toEqual({ ref: 'WHY403_X_3' });
    expect(v.secret('e', hint('X'))).toEqual({ ref: 'WHY403_X_4' });
    expect(v.secret('f', hint('X_2'))).toEqual({ ref: 'WHY403_X_2_3' });
    expect(new Set(v.list().map((s) => s.name)).size).toBe(6);
  });

  it('an empty value is no secret and gets no name', () => {
    const v = new Vault();
    expect(v.secret('', hint('pw'))).toBe('');
    expect(v.list()).toEqual([]);
  });

  it('a revealed name (or every name) shows the value; the others stay placeholders', () => {
    const v = new Vault(new Set(['WHY403_B']));
    expect(v.secret('a-1', hint('A'))).toEqual({ ref: 'WHY403_A' });
    expect(v.secret('b-1', hint('B'))).toBe('b-1');
    expect(v.sealName('b-1', hint('B'))).toBeNull();
    expect(v.sealName('a-1', hint('A'))).toBe('WHY403_A');
    expect(new Vault('all').secret('c-1', hint('C'))).toBe('c-1');
  });

  it('answers by name, and nothing for a name it never gave', () => {
    const v = new Vault();
    v.secret('a-1', hint('A'));
    expect(v.valueOf('WHY403_A')).toBe('a-1');
    expect(v.info('WHY403_A')).toMatchObject({ name: 'WHY403_A', length: 3 });
    expect(v.valueOf('WHY403_B')).toBeUndefined();
    expect(v.info('WHY403_B')).toBeUndefined();
  });
});

describe('places', () => {
  it('each place is listed once, in order, at most twelve', () => {
    const v = new Vault();
    for (let i = 0; i < 20; i++) v.secret('a-1', hint('A', `place ${i % 15}`));
    expect(v.list()[0]!.places).toEqual(Array.from({ length: 12 }, (_, i) => `place ${i}`));
  });

  it('the list is a copy: changing it changes nothing in the vault', () => {
    const v = new Vault();
    v.secret('a-1', hint('A', 'first'));
    v.list()[0]!.places.push('forged');
    expect(v.list()[0]!.places).toEqual(['first']);
  });
});

describe('what a credential implies', () => {
  it("a Basic credential's password is hunted wherever it is echoed, named after the credential", () => {
    const v = new Vault();
    v.secret(`Basic ${b64('bob:pw-Echo-4812')}`, { base: 'AUTHORIZATION', kind: 'basic', where: 'request header' });
    const hits = v.hunt('the server said pw-Echo-4812 back');
    expect(hits.map((h) => h.value)).toEqual(['pw-Echo-4812']);
    expect(v.info('WHY403_AUTHORIZATION_PASSWORD')).toMatchObject({
      kind: 'password',
      places: ['request header (password)'],
    });
    expect(v.info('WHY403_AUTHORIZATION_USER')).toBeUndefined();
  });

  it('a key-shaped Basic user is learned as a secret too', () => {
    const v = new Vault();
    v.secret(b64('sk_live_4eC39HqLyjWDarjtT1zdp7dc:'), { base: 'AUTH', kind: 'basic', where: 'h' });
    expect(v.info('WHY403_AUTH_USER')).toMatchObject({ kind: 'api-key', places: ['h (user, key-shaped)'] });
  });

  it('a value first seen as a plain token and later as Basic learns its password then', () => {
    const v = new Vault();
    const cred = b64('bob:pw-Late-4812');
    v.secret(cred, { base: 'TOKEN', kind: 'token', where: 'prose' });
    expect(v.hunt('pw-Late-4812')).toEqual([]);
    v.secret(cred, { base: 'AUTHORIZATION', kind: 'basic', where: 'header' });
    expect(v.hunt('pw-Late-4812').map((h) => h.value)).toEqual(['pw-Late-4812']);
  });

  it("a JWT's personal claims are hunted, and named only where found", () => {
    const v = new Vault();
    const jwt = makeJwt({ sub: 'user-Q-77812', email: 'alice@corp.example', exp: 1893456000 });
    v.secret(jwt, { base: 'AUTHORIZATION', kind: 'jwt', where: 'header' });
    const hits = v.hunt('mail alice@corp.example now');
    expect(hits.map((h) => [h.value, h.hint])).toEqual([
      ['alice@corp.example', { base: 'JWT_email', kind: 'personal', where: 'JWT claim email' }],
    ]);
    expect(v.list().map((s) => s.name)).toEqual(['WHY403_AUTHORIZATION']);
  });

  it('a hunted known value is reported with its own kind, found as an echo', () => {
    const v = new Vault();
    v.secret('key-Echo-4812', { base: 'K', kind: 'api-key', where: 'h' });
    expect(v.hunt('x key-Echo-4812 y')).toEqual([
      {
        start: 2,
        end: 15,
        text: 'key-Echo-4812',
        value: 'key-Echo-4812',
        hint: { base: 'SECRET', kind: 'api-key', where: 'echo' },
      },
    ]);
  });
});

describe('descriptions', () => {
  it('never hold the value, and say what it is and how long', () => {
    expect(describeSecret('ck-123456', 'cookie')).toEqual({ kind: 'cookie', note: 'cookie value, 9 chars' });
    expect(describeSecret(`Basic ${b64('bob:pw-1')}`, 'basic').note).toBe(
      'Basic credentials for user "bob", password 4 chars (base64 of user:password)',
    );
    expect(describeSecret(b64('sk_live_4eC39HqLyjWDarjtT1zdp7dc:x'), 'basic').note).toBe(
      'Basic credentials whose user name is a key (hidden, 32 chars), password 1 chars (base64 of user:password)',
    );
    expect(describeSecret('Basic %%%', 'basic').note).toBe('Basic credentials (not decodable), 9 chars');
  });

  it('a JWT keeps its diagnostic claims, dates as dates, and names the claims it removed', () => {
    const jwt = makeJwt({ sub: 'u-1', exp: 1893456000, aud: 'api' }, { alg: 'RS256', typ: 'JWT', kid: 'k1' });
    const d = describeSecret(`Bearer ${jwt}`, 'token');
    expect(d.kind).toBe('jwt');
    expect(d.note).toBe(
      `JWT (alg RS256, kid k1): exp=2030-01-01T00:00:00Z, aud=api; signature and claims sub removed, ${jwt.length + 7} chars`,
    );
    expect(d.note).not.toContain('u-1');
  });

  it('a JWT without claims to keep or to remove says so', () => {
    const jwt = makeJwt({ foo: 1 }, { typ: 'JWT' });
    expect(describeSecret(jwt, 'jwt').note).toBe(
      `JWT: no diagnostic claims; signature and claims foo removed, ${jwt.length} chars`,
    );
    const bare = makeJwt({ exp: 1893456000 }, { alg: 'HS256' });
    expect(describeSecret(bare, 'jwt').note).toBe(
      `JWT (alg HS256): exp=2030-01-01T00:00:00Z; signature removed, ${bare.length} chars`,
    );
  });
});
