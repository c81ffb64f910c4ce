// The vault's memory (lib/redact/vault.ts) beside vault-names.test.ts: the decodings each value was
// found through (what another vault learns from it), texts withheld whole, and what a JWT or a
// Basic credential implies when it arrives by another road.
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../lib/redact';
import { makeJwt } from '../inspect/support';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const body = (base: string) => ({ base, kind: 'body' as const, where: 'request body' });

describe('the decodings a value was found through', () => {
  it('are kept per value, each path once, and none for a value found in the text itself', () => {
    const v = new Vault();
    v.secret('pw-Root-4812', body('A'));
    v.within(['percent', 'base64'], () => v.secret('pw-Deep-4812', body('B')));
    v.within(['percent', 'base64'], () => v.secret('pw-Deep-4812', body('B')));
    v.within(['html'], () => v.secret('pw-Deep-4812', body('B')));
    expect(v.learned().map((s) => [s.value, s.paths])).toEqual([
      ['pw-Root-4812', []],
      ['pw-Deep-4812', [['percent', 'base64'], ['html']]],
    ]);
  });

  it('the path ends with the call, even one that throws; calls nest', () => {
    const v = new Vault();
    expect(() =>
      v.within(['hex'], () => {
        throw new Error('reader failed');
      }),
    ).toThrow('reader failed');
    v.within(['js'], () => v.within(['plus'], () => v.secret('pw-Inner-4812', body('I'))));
    v.within(['js'], () => 0);
    v.secret('pw-After-4812', body('A'));
    expect(v.learned().map((s) => [s.value, s.paths])).toEqual([
      ['pw-Inner-4812', [['plus']]],
      ['pw-After-4812', []],
    ]);
    expect(v.within(['js'], () => 42)).toBe(42);
  });

  it("a found form is hunted by the value's first kind: a plain phrase as a password is, as a cookie is not", () => {
    // `sun sky` is no distinctive token (under 8 characters): only the kinds named by a field (a password) hunt it.
    // Found in a form value (`+` read as a space), it is hunted as that form percent-encoded again.
    const v = new Vault();
    v.secret('sun sky', { base: 'PW', kind: 'password', where: 'form' });
    v.within(['plus'], () => v.secret('sun sky', { base: 'C', kind: 'cookie', where: 'cookie' }));
    expect(v.hunt('x sun%2Bsky y').map((h) => h.value)).toEqual(['sun sky']);
    const w = new Vault();
    w.within(['plus'], () => w.secret('dry day', { base: 'PW', kind: 'password', where: 'form' }));
    expect(w.hunt('x dry%2Bday y').map((h) => h.value)).toEqual(['dry day']);
    const c = new Vault();
    c.within(['plus'], () => c.secret('red sky', { base: 'C', kind: 'cookie', where: 'cookie' }));
    expect(c.hunt('x red sky red%2Bsky y')).toEqual([]);
  });

  it('a vault that learns from another hunts the value in the forms it was found in', () => {
    const first = new Vault(new Set(), true);
    first.within(['base64'], () => first.secret('pw-Form-4812', body('P')));
    const second = new Vault();
    for (const { value, hint, paths } of first.learned()) {
      second.secret(value, hint);
      for (const p of paths) second.within(p, () => second.secret(value, hint));
    }
    // The learn-only vault hunts nothing; the one that renders finds the value and its base64.
    expect(first.hunt('x pw-Form-4812 y')).toEqual([]);
    expect(second.hunt('x pw-Form-4812 y').map((h) => h.text)).toEqual(['pw-Form-4812']);
    expect(second.hunt(`x ${b64('pw-Form-4812')} y`).map((h) => h.value)).toEqual(['pw-Form-4812']);
  });
});

describe('a text withheld whole', () => {
  it('is answered by unread() wherever it is met again, and nothing else is', () => {
    const v = new Vault();
    expect(v.unread('some text', 'request header X')).toBeNull();
    v.secret('some text', { base: 'UNREAD', kind: 'unread', where: 'request body, not read whole' });
    expect(v.unread('some text', 'request header X')).toEqual({ ref: 'WHY403_UNREAD' });
    expect(v.unread('other text', 'request header X')).toBeNull();
    expect(v.info('WHY403_UNREAD')!.places).toEqual(['request body, not read whole', 'request header X']);
  });

  it('first learned under another name, it is passed on as withheld: the next vault withholds it too', () => {
    const v = new Vault();
    v.secret('tk-First-4812-text', { base: 'TOKEN', kind: 'token', where: 'header' });
    v.secret('tk-First-4812-text', { base: 'UNREAD', kind: 'unread', where: 'body, not read whole' });
    v.secret('tk-First-4812-text', { base: 'UNREAD', kind: 'unread', where: 'later, not read whole' });
    const [only] = v.learned();
    expect(only!.hint).toEqual({ base: 'UNREAD', kind: 'unread', where: 'body, not read whole' });
    const next = new Vault();
    next.secret(only!.value, only!.hint);
    expect(next.unread('tk-First-4812-text', 'URL')).toEqual({ ref: 'WHY403_UNREAD' });
  });
});

describe('what arrives by another road', () => {
  it('a `Basic …` value learned as a plain token still teaches its password', () => {
    const v = new Vault();
    v.secret(`basic ${b64('bob:pw-Road-4812')}`, { base: 'AUTH', kind: 'token', where: 'h' });
    expect(v.valueOf('WHY403_AUTH_PASSWORD')).toBe('pw-Road-4812');
    // Not Basic, not decodable: nothing implied.
    v.secret('basic %%%', { base: 'B', kind: 'basic', where: 'h' });
    v.secret('tok-Plain-4812', { base: 'T', kind: 'token', where: 'h' });
    expect(v.list().map((s) => s.name)).toEqual(['WHY403_AUTH', 'WHY403_AUTH_PASSWORD', 'WHY403_B', 'WHY403_T']);
  });

  it('a JWT after `Bearer` and any run of white space still has its personal claims hunted', () => {
    const v = new Vault();
    const jwt = makeJwt({ sub: 'u-1', email: 'bea@corp.example', exp: 1893456000 });
    v.secret(`Bearer \t ${jwt}`, { base: 'AUTHORIZATION', kind: 'jwt', where: 'header' });
    expect(v.hunt('to bea@corp.example').map((h) => h.value)).toEqual(['bea@corp.example']);
  });

  it("a JWT's claims: strings only, and a value already known keeps its own name and kind", () => {
    const v = new Vault();
    v.secret('user-Known-4812', { base: 'USER', kind: 'api-key', where: 'h' });
    const jwt = makeJwt({ sub: 'user-Known-4812', uid: 12345678, email: 'ann@corp.example', exp: 1893456000 });
    v.secret(`Bearer ${jwt}`, { base: 'AUTHORIZATION', kind: 'jwt', where: 'header' });
    expect(v.hunt('id user-Known-4812')[0]!.hint).toEqual({ base: 'SECRET', kind: 'api-key', where: 'echo' });
    expect(v.hunt('uid 12345678')).toEqual([]);
    expect(v.hunt('to ann@corp.example')[0]!.hint).toEqual({
      base: 'JWT_email',
      kind: 'personal',
      where: 'JWT claim email',
    });
  });
});
