import { describe, expect, it } from 'vitest';
import { looksSecret, readBasic } from '../../../lib/inspect/basic';
import { B64TOKEN, placeholderOf, stringifiedOf, tokenKindOf } from '../../../lib/inspect/token-kind';

// What a client sends instead of a credential, and what a credential's own shape says.

describe('placeholderOf: a value that was never a credential', () => {
  it.each([
    ['undefined', 'undefined'], // `Bearer ${token}` with token unset
    ["'null'", 'null'],
    ['  [object Object] ', '[object Object]'],
    ['${TOKEN}', '${TOKEN}'], // an unexpanded template literal
    ['{{access_token}}', '{{access_token}}'], // Postman / Handlebars
    ['<token>', '<token>'], // documentation's placeholder
    ['%API_KEY%', '%API_KEY%'], // a Windows environment variable
    ['$API_TOKEN', '$API_TOKEN'], // a shell variable
    ['YOUR_API_KEY', 'YOUR_API_KEY'],
    ['your-token-here', 'your-token-here'],
    ['my access token', 'my access token'],
    ['Your_Secret', 'Your_Secret'],
  ])('%s is a placeholder', (value, shown) => expect(placeholderOf(value)).toBe(shown));

  it.each([
    '2YotnFZFEjr1zCsicMWpAA', // RFC 6749 §4.1.4's access token
    '$token', // lower case: not an environment variable's name
    'yourtoken2024',
    'prefix ${TOKEN}',
    '{{a}} {{b}}',
    'token<x>',
    '%not valid%',
    'nullable',
  ])('%s is not', (value) => expect(placeholderOf(value)).toBeNull());
});

describe('stringifiedOf: a missing value turned into text', () => {
  it.each(['undefined', 'NULL', 'NaN', '[object Object]', 'None', 'nil', 'False', 'true', '"undefined"'])('%s', (v) =>
    expect(stringifiedOf(v)).toBe(v.replace(/"/g, '')),
  );
  it.each(['0', '', 'none-of-these', 'undefinedx'])('%s is not', (v) => expect(stringifiedOf(v)).toBeNull());
});

describe('tokenKindOf and B64TOKEN', () => {
  it('names the documented prefixes, Anthropic before the OpenAI-style sk-', () => {
    expect(tokenKindOf('sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBe('Anthropic API key');
    expect(tokenKindOf('sk-proj-abcdefghijklmnopqrstuv')).toBe('OpenAI-style secret key');
    expect(tokenKindOf('AKIAIOSFODNN7EXAMPLE')).toBe('AWS access key id'); // AWS's documented example id
    expect(tokenKindOf('AKIAIOSFODNN7EXAMPLEX')).toBeNull();
    expect(tokenKindOf('2YotnFZFEjr1zCsicMWpAA')).toBeNull();
  });

  it('accepts RFC 6750 b64token and nothing else', () => {
    expect(B64TOKEN.test('mF_9.B5f-4.1JqM')).toBe(true); // RFC 6750 §2.1's example
    expect(B64TOKEN.test('abc+/~==')).toBe(true);
    expect(B64TOKEN.test('a=b')).toBe(false);
    expect(B64TOKEN.test('a b')).toBe(false);
    expect(B64TOKEN.test('"abc"')).toBe(false);
  });
});

describe('Basic credentials (RFC 7617)', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

  it('keeps the user, only the length of the password, and masks a user that is itself a key', () => {
    expect(readBasic(b64('Aladdin:open sesame'))).toEqual({
      user: 'Aladdin',
      shownUser: 'Aladdin',
      passwordLength: 11,
    });
    // Stripe: the secret key is the user name and the password is empty (https://docs.stripe.com/api/authentication).
    const stripe = readBasic(b64('sk_test_4eC39HqLyjWDarjtT1zdp7dc:'));
    expect(stripe).toMatchObject({ user: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', passwordLength: 0 });
    expect(stripe.shownUser).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
  });

  it('tells a key-like user from a person or an e-mail', () => {
    expect(looksSecret('a1b2c3d4e5f6g7h8i9j0')).toBe(true); // 20 chars, letters and digits
    expect(looksSecret('a1b2c3d4e5f6g7h8i9j')).toBe(false); // 19
    expect(looksSecret('abcdefghijklmnopqrstuvwxyz')).toBe(false); // no digit
    expect(looksSecret('12345678901234567890')).toBe(false); // no letter
    expect(looksSecret('firstname.lastname2024x')).toBe(false);
    expect(looksSecret('someone2024@example.com')).toBe(false);
    expect(looksSecret('ghp_x')).toBe(true);
  });

  it('reads base64 without its padding, as clients that strip "=" send it', () => {
    expect(readBasic('QWxhZGRpbjpvcGVuIHNlc2FtZQ')).toMatchObject({ user: 'Aladdin', passwordLength: 11 });
    expect(readBasic('QWxhZGRpbjpvcGVuIHNlc2FtZQ').problem).toBeUndefined();
  });

  it('names each way the value is not base64(user:password)', () => {
    expect(readBasic('   ').problem).toBe('the Basic value is empty');
    expect(readBasic('Aladdin:open')).toMatchObject({
      user: 'Aladdin',
      passwordLength: 4,
      problem: 'user:password was sent as plain text: Basic needs it base64-encoded',
    });
    expect(readBasic('Aladdin: open').problem).toBe('the Basic value is not base64');
    expect(readBasic('not base64!').problem).toBe('the Basic value is not base64');
    expect(readBasic('a-b').problem).toBe('the Basic value is base64url, not standard base64 (+ and / became - and _)');
    expect(readBasic('QQ=A').problem).toBe('the Basic value is not base64');
    expect(readBasic('Q').problem).toBe('the Basic value is not valid base64');
    expect(readBasic(b64('Aladdin')).problem).toBe('the decoded Basic value has no ":" between user and password');
  });

  it('names a placeholder in the user or the password, and a control character', () => {
    expect(readBasic(b64('undefined:pw')).placeholder).toBe('undefined');
    expect(readBasic(b64('api:${PASSWORD}')).placeholder).toBe('${PASSWORD}');
    expect(readBasic(b64('api:real')).placeholder).toBeUndefined();
    expect(readBasic(b64('api:pw\t')).problem).toBe(
      'the decoded Basic value contains control characters (a newline encoded with it?)',
    );
  });
});
