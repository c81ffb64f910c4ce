// Edges of one header value's redaction (lib/redact/header.ts) beside header-values.test.ts: a value
// the decoding closure could not read whole, and the cuts of a scheme and of a cookie pair where
// white space or nothing at all stands.
import { describe, expect, it } from 'vitest';
import { displayText, redactHeader, Vault } from '../../../lib/redact';
import { redactWith } from './refill';

describe('a value the closure could not read whole', () => {
  it('leaves as its one placeholder, whatever header carries it, the header named among its places', () => {
    const v = new Vault();
    const text = 'Bearer tk-Unread-4812 and more';
    v.secret(text, { base: 'UNREAD', kind: 'unread', where: 'request body, not read whole' });
    for (const name of ['Authorization', 'X-Note', 'Cookie'])
      expect(displayText(redactHeader(name, text, v))).toBe('${WHY403_UNREAD}');
    expect(v.list()).toEqual([
      expect.objectContaining({
        name: 'WHY403_UNREAD',
        places: [
          'request body, not read whole',
          'request header Authorization',
          'request header X-Note',
          'request header Cookie',
        ],
      }),
    ]);
  });
});

describe('Authorization without a scheme', () => {
  it('is one token, described as a token', () => {
    const v = new Vault();
    expect(displayText(redactHeader('Authorization', 'tok-Bare-4812', v))).toBe('${WHY403_AUTHORIZATION}');
    expect(v.list()).toEqual([
      {
        name: 'WHY403_AUTHORIZATION',
        kind: 'token',
        places: ['request header Authorization'],
        length: 13,
        note: 'token, 13 chars',
      },
    ]);
  });
});

describe('a Cookie pair cut at its `=`', () => {
  const cookie = (value: string) => {
    const { text, vault } = redactWith(value, 'Cookie', (v) => redactHeader('Cookie', value, v));
    return { text, places: vault.list().flatMap((s) => s.places) };
  };

  it('white space before the `=` is not part of the name', () => {
    expect(cookie('sid =abc')).toEqual({ text: 'sid =${WHY403_COOKIE_SID}', places: ['request cookie sid'] });
    expect(cookie('sid\t \t=abc')).toEqual({ text: 'sid\t \t=${WHY403_COOKIE_SID}', places: ['request cookie sid'] });
  });

  it('a pair with no name keeps its white space once, its value hidden', () => {
    expect(cookie('  =v1').text).toBe('  =${WHY403_COOKIE}');
    expect(cookie(' \t= v1 ').text).toBe(' \t= ${WHY403_COOKIE} ');
  });
});
