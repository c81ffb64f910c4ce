// The decoding closure (lib/redact/closure.ts) on one text at a time: each encoding and each
// nesting it reads, the pairs it finds in free text, and the bounds of its work.
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../lib/redact/budget';
import { decodedBody, discover, newClosure } from '../../../lib/redact/closure';
import { Vault } from '../../../lib/redact';

const read = (text: string) => {
  const v = new Vault();
  discover(text, newClosure(v, text.length), 'request body');
  return v.learned().map((s) => s.value);
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('name=value pairs in free text', () => {
  it('a secret pair is learned as written and as decoded (plus as space)', () => {
    expect(read('see password=a%2Bb+c%21 here')).toEqual(expect.arrayContaining(['a%2Bb+c%21', 'a+b c!']));
  });

  it.each(['&', ';', '\n', '\r', '\t', ' ', '"', "'", '<', '>'])('the value ends at %j', (sep) => {
    expect(read(`password=pw-End-4812${sep}tail-Not-Secret`)).toEqual(['pw-End-4812']);
  });

  it('a secret name inside a value is a pair of its own, its value running to the segment end', () => {
    expect(read('next=/cb?token=tk-Nested-4812&x=1')).toEqual(['tk-Nested-4812']);
    // A name that is not secret does not end the value: the whole tail is the token's.
    expect(read('x=token=tk-Slash/a=b-4812 tail')).toEqual(['tk-Slash/a=b-4812']);
  });

  it('nested secret names split the segment into pieces that cover it, not every suffix of it', () => {
    // The first token's value ends where the second name begins; what lies between is learned.
    expect(read('x=token=tk-Part-4812?token=tk-Two-4812')).toEqual(
      expect.arrayContaining(['tk-Part-4812?', 'tk-Two-4812']),
    );
    // `token=token=…=v`: what is learned stays within the size of the text (every suffix of it
    // would be quadratic: 2,000 values of 6,000 characters on average).
    const deep = `q=${'token='.repeat(2000)}tk-Deep-4812`;
    const learned = read(deep);
    expect(learned).toContain('tk-Deep-4812');
    expect(learned.join('').length).toBeLessThan(2 * deep.length);
  });

  it('an outer secret pair keeps its whole value, nested pairs and all', () => {
    expect(read('password=pw-a=b=c-4812;')).toEqual(['pw-a=b=c-4812']);
  });

  it('a percent-encoded name is read decoded; an empty value or name teaches nothing', () => {
    expect(read('x=1&pass%77ord=pw-Enc-Name-1')).toContain('pw-Enc-Name-1');
    expect(read('password=&=pw-No-Name-1')).toEqual([]);
  });
});

describe('encodings and nestings', () => {
  const json = '{"client_secret":"cs-Nested-4812"}';
  it.each([
    ['percent-encoded', `data=${encodeURIComponent(json)}`],
    ['HTML-escaped', `<div data-x="${json.replace(/"/g, '&quot;')}"></div>`],
    ['JS-escaped inside a string', `var s = "${json.replace(/"/g, '\\"')}";`],
    ['base64', `state ${b64(json)} end`],
    ['base64 of percent-encoded', b64(`a=1&data=${encodeURIComponent(json)}`)],
  ])('%s JSON', (_, text) => {
    expect(read(text)).toContain('cs-Nested-4812');
  });

  it('a Basic credential in prose: the credential and its password', () => {
    const cred = b64('ann:pw-Basic-4812');
    expect(read(`curl -H "Authorization: BASIC ${cred}"`)).toEqual(expect.arrayContaining([cred, 'pw-Basic-4812']));
  });

  it('a multipart body found by its first delimiter line, without a content type', () => {
    const body = '--XyZ123\r\nContent-Disposition: form-data; name="password"\r\n\r\npw-Part-4812\r\n--XyZ123--\r\n';
    expect(read(body)).toContain('pw-Part-4812');
  });

  it('an HTML form field', () => {
    expect(read('<form><input type="hidden" name="csrf_token" value="ct-Form-4812"></form>')).toContain('ct-Form-4812');
  });

  it('a GraphQL variable passed to a secret argument is a name, not a value', () => {
    const v = new Vault();
    const c = newClosure(v, 100);
    discover('mutation { login(password: $pw) { ok } }', c, 'request body');
    expect([...c.secretNames]).toEqual(['pw']);
    expect(v.learned()).toEqual([]);
  });
});

describe('bounds', () => {
  it('the budget allows exactly what is left, then refuses', () => {
    const b = new Budget(1);
    b.grant(0);
    expect(b.take(b.left)).toBe(true);
    expect(b.left).toBe(0);
    expect(b.take(1)).toBe(false);
    expect(b.take(0)).toBe(true);
  });

  it('each text brings 64 per character and an equal share of the 1 Mi floor; what one leaves goes to the next', () => {
    const b = new Budget(4);
    b.grant(10);
    expect(b.left).toBe((1 << 20) / 4 + 640);
    b.take(100);
    b.grant(0);
    expect(b.left).toBe((1 << 20) / 2 + 540);
    // No text at all still has a floor to share (the floor is not divided by zero).
    const none = new Budget(0);
    none.grant(1);
    expect(none.left).toBe((1 << 20) + 64);
  });

  it("past a text's first 64 Ki characters, each further one brings 16", () => {
    const at = (length: number) => {
      const b = new Budget(2 ** 40);
      b.grant(length);
      return b.left;
    };
    expect(at(1 << 16)).toBe(64 * (1 << 16));
    expect(at((1 << 16) + 1)).toBe(64 * (1 << 16) + 16);
    expect(at(1 << 20)).toBe(48 * (1 << 16) + 16 * (1 << 20));
  });

  it('a binary base64 body is read as its printable runs of four or more, the last one too', () => {
    const bytes = Buffer.from([
      0,
      0xff,
      ...Buffer.from('abc'),
      0,
      ...Buffer.from('abcd'),
      0x80,
      ...Buffer.from('tail'),
    ]);
    expect(decodedBody(bytes.toString('base64'))).toBe('abcd\ntail');
    expect(decodedBody(b64('plain text €'))).toBe('plain text €');
    expect(decodedBody('not base64 at all!')).toBeNull();
  });
});
