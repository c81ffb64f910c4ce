import { beforeEach, describe, expect, it } from 'vitest';
import { base64ToBytes, decodeBasicPair, utf8OrLatin1 } from '../../../lib/model/base64';
import { HeaderList, parseHttpDate } from '../../../lib/model/headers';
import { isKeyHeader } from '../../../lib/model/key-names';
import { trimChar, trimEndChar } from '../../../lib/model/trim';

const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('latin1') : null);

describe('base64ToBytes: one decoder for bodies, Basic, JWT parts', () => {
  it('decodes standard base64 (RFC 4648 §4) with and without padding', () => {
    // RFC 4648 §10 test vectors.
    expect(text(base64ToBytes('Zm9vYmFy'))).toBe('foobar');
    expect(text(base64ToBytes('Zm9vYg=='))).toBe('foob');
    expect(text(base64ToBytes('Zm9vYg'))).toBe('foob');
    expect(text(base64ToBytes('Zm9vYmE='))).toBe('fooba');
    expect(text(base64ToBytes('Zm9vYmE'))).toBe('fooba');
    expect(text(base64ToBytes('Zg'))).toBe('f');
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it('decodes base64url (RFC 4648 §5), the alphabet of JWT parts', () => {
    // 0xfb 0xff 0xbf: "+/+/" in base64, "-_-_" in base64url.
    expect([...base64ToBytes('-_-_')!]).toEqual([0xfb, 0xff, 0xbf]);
    expect([...base64ToBytes('+/+/')!]).toEqual([0xfb, 0xff, 0xbf]);
  });

  it('ignores the line breaks MIME and PEM wrap base64 with (RFC 2045 §6.8)', () => {
    expect(text(base64ToBytes('Zm9v\r\nYmFy'))).toBe('foobar');
    expect(text(base64ToBytes(' Zm9v YmFy\t'))).toBe('foobar');
  });

  it('returns bytes, not text: a byte above 0x7f keeps its value', () => {
    expect([...base64ToBytes('/w==')!]).toEqual([255]);
    expect([...base64ToBytes('AAEC')!]).toEqual([0, 1, 2]);
  });

  it('takes over-padding and a missing pad alike', () => {
    expect(text(base64ToBytes('Zm9vYg==='))).toBe('foob');
    expect(text(base64ToBytes('Zm9vYg='))).toBe('foob');
  });

  it('says null for what is not base64', () => {
    expect(base64ToBytes('not base64!')).toBeNull();
    expect(base64ToBytes('Z')).toBeNull(); // one char cannot hold a byte
  });
});

describe('utf8OrLatin1 (RFC 7617 leaves the charset to the server)', () => {
  it('reads UTF-8 when it is valid, Latin-1 otherwise', () => {
    expect(utf8OrLatin1(new Uint8Array(Buffer.from('pä', 'utf8')))).toBe('pä');
    // "pä" in ISO-8859-1 is 70 e4: not valid UTF-8, so every byte is its Latin-1 character.
    expect(utf8OrLatin1(new Uint8Array([0x70, 0xe4, 0x21]))).toBe('pä!');
  });
});

describe('decodeBasicPair', () => {
  it('splits at the first colon: the password may hold colons (RFC 7617 §2)', () => {
    expect(decodeBasicPair(Buffer.from('Aladdin:open:sesame').toString('base64'))).toEqual({
      user: 'Aladdin',
      password: 'open:sesame',
    });
    // RFC 7617 §2's own example, with the space a header leaves around it.
    expect(decodeBasicPair(' QWxhZGRpbjpvcGVuIHNlc2FtZQ== ')).toEqual({ user: 'Aladdin', password: 'open sesame' });
    expect(decodeBasicPair(Buffer.from(':pw').toString('base64'))).toEqual({ user: '', password: 'pw' });
  });

  it('is null without a colon or without base64', () => {
    expect(decodeBasicPair(Buffer.from('justatoken').toString('base64'))).toBeNull();
    expect(decodeBasicPair('!!!')).toBeNull();
  });
});

describe('HeaderList: case-insensitive, multi-valued, pseudo-headers kept out of lookups', () => {
  // A fresh list per test: the lookup index is built on a list's first read.
  let list: HeaderList;
  beforeEach(() => {
    list = makeList();
  });
  const makeList = () =>
    new HeaderList([
      { name: ':authority', value: 'api.example.com' },
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'content-type', value: 'application/json' },
      { name: 'SET-COOKIE', value: 'b=2' },
      { name: 'X-Count', value: 3 as unknown as string },
      { name: 'X-Null', value: null as unknown as string },
      { name: 5 as unknown as string, value: 'not a name' },
      null as unknown as { name: string; value: string },
    ]);

  it('finds a header however either side spells it', () => {
    expect(list.get('Content-Type')).toBe('application/json');
    expect(list.get('CONTENT-TYPE')).toBe('application/json');
    expect(list.has('Content-type')).toBe(true);
    expect(list.has('accept')).toBe(false);
    expect(list.get('accept')).toBeUndefined();
  });

  it('keeps every value of a repeated header in order, whatever its spelling', () => {
    expect(list.get('set-cookie')).toBe('a=1');
    expect(list.getAll('Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(list.getAll('accept')).toEqual([]);
  });

  it('never answers for an HTTP/2 pseudo-header, and keeps it in raw', () => {
    expect(list.has(':authority')).toBe(false);
    expect(list.raw[0]).toEqual({ name: ':authority', value: 'api.example.com' });
  });

  it('reads non-string values as text and skips nameless rows', () => {
    expect(list.get('x-count')).toBe('3');
    expect(list.get('x-null')).toBe('');
    expect(list.names()).toEqual(['set-cookie', 'content-type', 'x-count', 'x-null']);
    expect(list.size).toBe(4);
  });

  it('answers the same after compact()', () => {
    list.compact();
    expect(list.getAll('set-cookie')).toEqual(['a=1', 'b=2']);
    expect(list.size).toBe(4);
  });
});

describe('parseHttpDate', () => {
  it('reads IMF-fixdate and the obsolete forms (RFC 9110 §5.6.7)', () => {
    const t = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994 GMT')).toBe(t);
  });

  it('is null when absent or unreadable', () => {
    expect(parseHttpDate(undefined)).toBeNull();
    expect(parseHttpDate('')).toBeNull();
    expect(parseHttpDate('soon')).toBeNull();
  });
});

describe('isKeyHeader', () => {
  it.each([
    'x-api-key', // AWS API Gateway
    'ocp-apim-subscription-key', // Azure APIM
    'x-goog-api-key', // Google
    'x-parse-session-token', // https://docs.parseplatform.org/rest/guide/#request-format
    'x-parse-rest-api-key',
    'x-vault-token', // https://developer.hashicorp.com/vault/api-docs#authentication
    'x-myapp-access-token',
    'dd-api-key', // https://docs.datadoghq.com/api/latest/authentication/
    'dd-application-key',
    'fastly-key', // https://www.fastly.com/documentation/reference/api/#authentication
    'client_id', // https://docs.mulesoft.com/mule-gateway/policies-included-client-id-enforcement
    'client_secret',
  ])('%s carries a credential', (name) => expect(isKeyHeader(name)).toBe(true));

  it.each(['x-csrf-token', 'x-xsrf-token', 'x-request-token', 'x-page-token', 'x-idempotency-token', 'accept'])(
    '%s does not',
    (name) => expect(isKeyHeader(name)).toBe(false),
  );
});

describe('trimEndChar / trimChar', () => {
  it('strips only the runs at the ends', () => {
    expect(trimEndChar('abc==', '=')).toBe('abc');
    expect(trimEndChar('a=b', '=')).toBe('a=b');
    expect(trimEndChar('===', '=')).toBe('');
    expect(trimChar('..a.b..', '.')).toBe('a.b');
    expect(trimChar('....', '.')).toBe('');
    expect(trimChar('a', '.')).toBe('a');
  });
});
