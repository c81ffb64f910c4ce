// Secrets found by their shape alone (lib/redact/shapes.ts): where each shape starts and ends,
// the shortest one that counts, and the look-alikes (prose, paths, hashes, placeholders) left alone.
import { describe, expect, it } from 'vitest';
import { findShapes, looksRandom } from '../../../lib/redact/shapes';

/** Each span found, as [text, base, kind]. */
const spans = (s: string) => findShapes(s).map((sh) => [s.slice(sh.start, sh.end), sh.base, sh.kind]);
const texts = (s: string) => findShapes(s).map((sh) => s.slice(sh.start, sh.end));

// 32 characters, mixed case and digits, 5 bits per character.
const RANDOM = 'Xk9fQ2mZ7vB4nR8tL1wY6hJ3sD5gP0aC';
/** Deterministic characters of a base64url alphabet, high entropy at any length. */
const randomRun = (n: number) => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = 12345;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += abc[(x >> 8) % abc.length];
  }
  return out;
};

describe('an opaque random token', () => {
  it('counts from 32 characters of mixed case and digits, and only below 64 KiB', () => {
    expect(looksRandom(RANDOM)).toBe(true);
    expect(looksRandom(RANDOM.slice(1))).toBe(false);
    expect(looksRandom(randomRun(64 * 1024))).toBe(true);
    expect(looksRandom(randomRun(64 * 1024 + 1))).toBe(false);
  });

  it('needs lower case, upper case and digits, and high entropy', () => {
    expect(looksRandom(RANDOM.toLowerCase())).toBe(false);
    expect(looksRandom(RANDOM.toUpperCase())).toBe(false);
    expect(looksRandom(RANDOM.replace(/[0-9]/g, 'q'))).toBe(false);
    expect(looksRandom('aA1'.repeat(11))).toBe(false);
    // Every class present only at the very end still counts.
    expect(looksRandom('abcdefghijklmnopqrstuvwxyzbcdeA1')).toBe(true);
  });

  it('every letter and digit counts, the first and last of each range included', () => {
    for (const edge of ['a', 'z']) expect(looksRandom(`BCDEFGHIJKLMNOPQRSTUVWXY2345678${edge}`), edge).toBe(true);
    for (const edge of ['A', 'Z']) expect(looksRandom(`bcdefghijklmnopqrstuvwxy2345678${edge}`), edge).toBe(true);
    for (const edge of ['0', '9']) expect(looksRandom(`bcdefghijklmnopqBCDEFGHIJKLMNOPQ${edge}`), edge).toBe(true);
    // A token holding them is one run, found whole.
    const edges = 'Xk9fQ2mAzvB4nR8tL1wY6hJ3sD5gP0aZ';
    expect(texts(` ${edges} `)).toEqual([edges]);
  });

  it('symbols count as no class: without digits, or with letters of one case, a run is not random', () => {
    expect(looksRandom('ABCDEFGHIJKLMNOPabcdefghijklmnop')).toBe(false);
    expect(looksRandom('ABCDEFGHIJKLMNOP0123456789~{|}`^')).toBe(false);
    expect(looksRandom('abcdefghijklmnop0123456789_[]`^\\')).toBe(false);
    expect(looksRandom('ABCDEFGHIJabcdefghij-+/:;<=>?@_~')).toBe(false);
  });

  it('is found in prose, and stops at padding after at most two "="', () => {
    expect(spans(`token: ${RANDOM}.`)).toEqual([[RANDOM, 'TOKEN', 'token']]);
    expect(texts(`x ${RANDOM}== y`)).toEqual([`${RANDOM}==`]);
    expect(texts(`x ${RANDOM}=== y`)).toEqual([`${RANDOM}==`]);
  });

  it('inside a longer run of base64 characters is not cut out of it', () => {
    expect(texts(`x${RANDOM}`)).toEqual([`x${RANDOM}`]);
    expect(texts(`é${RANDOM}`)).toEqual([RANDOM]);
  });

  it('in a path, only the random segment goes; the path around it stays', () => {
    expect(spans(`/files/${RANDOM}/raw`)).toEqual([[RANDOM, 'TOKEN', 'token']]);
    expect(texts(`api/v1/${RANDOM}/${RANDOM.toLowerCase()}/x`)).toEqual([RANDOM]);
    expect(texts(`${RANDOM}/a/${randomRun(40)}`)).toEqual([RANDOM, randomRun(40)]);
  });

  it('a short path is not cut into segments, and ordinary words in a long one are kept', () => {
    expect(findShapes('/usr/local/share/applications/x')).toEqual([]);
    expect(findShapes('/Users/Alice2/Documents/Projects/Report2024/final')).toEqual([]);
  });

  it('standard base64 with slashes is one token when it is padded or holds a "+"', () => {
    const b64 = 'Qx7/kP2+mZ9vB4nR8tL1wY6hJ3sD5gP0';
    expect(texts(`k=${b64} `).length).toBe(1);
    expect(texts(` ${b64} `)).toEqual([b64]);
    const padded = 'Qx7/kP2mZ9vB4nR8tL1wY6hJ3sD5gP0aC4/e=';
    expect(texts(` ${padded} `)).toEqual([padded]);
  });

  it('a subresource-integrity hash is not a token', () => {
    const sri = 'sha384-oqVuAfXRKap7fdgcCY5uykM6Q2Zg8MUzP9ITrsD5eSwaHgm7fJT9LJwT7O3OT9uX';
    expect(findShapes(`integrity="${sri}"`)).toEqual([]);
  });
});

describe('keys with an issuer prefix', () => {
  it('count from the documented length after the prefix', () => {
    const rest = (n: number) => 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0'.slice(0, n);
    expect(spans(`x ghp_${rest(20)} y`)).toEqual([[`ghp_${rest(20)}`, 'GITHUB_TOKEN', 'api-key']]);
    expect(findShapes(`x ghp_${rest(19)} y`)).toEqual([]);
    expect(spans(`xoxb-${rest(10)}`)).toEqual([[`xoxb-${rest(10)}`, 'SLACK_TOKEN', 'api-key']]);
    expect(findShapes(`xoxb-${rest(9)}`)).toEqual([]);
  });

  it('with dots (Google OAuth, SendGrid) are found whole', () => {
    const sg = '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';
    expect(spans(`key ${sg}.`)).toEqual([[sg, 'SENDGRID_KEY', 'api-key']]);
    const ya = 'ya29.a0AfH6SMBx3kP9dQ7zLmN2vR5tW8yB1cE4gH';
    expect(texts(`Bearer-less ${ya}`)).toEqual([ya]);
  });

  it('a word that only starts like a key, too short, is kept', () => {
    expect(findShapes('see sk-ant-short and AKIA and hf_x')).toEqual([]);
  });
});

describe('a JWT', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

  it('is found whole, without the full stop ending the sentence', () => {
    expect(spans(`token ${jwt}.`)).toEqual([[jwt, 'JWT', 'jwt']]);
  });

  it('cut short (no signature), it is still a token from 20 characters', () => {
    const head = 'eyJhbGciOiJIUzI1NiJ9';
    expect(spans(`${head} x`)).toEqual([[head, 'JWT', 'jwt']]);
    expect(findShapes('eyJhbGciOiJIUzI1NiJ x')).toEqual([]);
  });

  it('an encrypted one (five parts) is found whole', () => {
    const jwe =
      'eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZ.48V1_ALb6US04U3b.5eym8TW_c8SuK0lt.XFBoMYUZodetZdvTiFvSkQ';
    expect(texts(`${jwe} end`)).toEqual([jwe]);
  });

  it('a sixth part after an encrypted one is not part of it', () => {
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2o.48V1_ALb6US04U3b.5eym8TW_c8SuK0lt.XFBoMYUZodetZdvT';
    expect(texts(`${jwe}.sixth`)).toEqual([jwe]);
  });

  it('a redacted one (its signature a placeholder name) is not redacted again', () => {
    expect(findShapes('eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.WHY403_AUTHORIZATION')).toEqual([]);
  });
});

describe('a credential after its scheme in prose', () => {
  it('Bearer or Basic and a token of 8 characters or more', () => {
    expect(spans('sent Bearer ab.cd-12 then')).toEqual([['ab.cd-12', 'TOKEN', 'token']]);
    expect(spans('basic dXNlcjpwYXNz== end')).toEqual([['dXNlcjpwYXNz==', 'TOKEN', 'token']]);
    expect(findShapes('Bearer ab.cd-1 then')).toEqual([]);
  });

  it('a word after the scheme is prose, not a credential', () => {
    expect(findShapes('Basic authentication required')).toEqual([]);
    expect(findShapes('Bearer realm="api", error="invalid_token"')).toEqual([]);
    expect(findShapes('Bearer realm=example')).toEqual([]);
    expect(findShapes('Bearer')).toEqual([]);
    expect(findShapes('Bearerabcdefgh1')).toEqual([]);
  });

  it('a mixed-case word with no digit counts; an all-lower-case one does not', () => {
    expect(texts('Bearer AbCdEfGhIj x')).toEqual(['AbCdEfGhIj']);
    expect(findShapes('Bearer abcdefghij x')).toEqual([]);
  });

  it('any whitespace separates the scheme from the credential; "." and "~" belong to it', () => {
    for (const ws of [' ', '\t', '\n', '\r', '\f'])
      expect(texts(`Bearer${ws}ab~cd.ef12 x`), JSON.stringify(ws)).toEqual(['ab~cd.ef12']);
    expect(findShapes('Bearer:abcdefgh1')).toEqual([]);
  });

  it('a padded credential at the end of the text or before a space is a credential', () => {
    expect(texts('Bearer abcdefgh1=')).toEqual(['abcdefgh1=']);
    expect(texts('Bearer abcdefgh1= x')).toEqual(['abcdefgh1=']);
  });

  it('a credential is followed by any character that is not "="; an all-capitals word is prose', () => {
    expect(texts('Bearer abcdefgh1:rest')).toEqual(['abcdefgh1']);
    expect(findShapes('Bearer ABCDEFGHIJ x')).toEqual([]);
  });

  it('a parameter after the scheme ends at "=" even when padded', () => {
    expect(findShapes('Bearer abcdefgh1=x')).toEqual([]);
    expect(texts('Bearer abcdefgh1=, next')).toEqual(['abcdefgh1=']);
  });
});

describe('the userinfo of a URL in text', () => {
  it('user:password hides the password; a lone user is hidden whole', () => {
    expect(spans('see https://bob:pw-1@h.example/x')).toEqual([['pw-1', 'URL_PASSWORD', 'url']]);
    expect(spans('see https://tok123@h.example/x')).toEqual([['tok123', 'URL_USER', 'url']]);
  });

  it('a key as user name is found by its shape', () => {
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    expect(spans(`https://${key}:@api.stripe.com`)).toEqual([[key, 'STRIPE_KEY', 'api-key']]);
  });

  it('the authority ends at "/", "?", "#", whitespace, quotes and angle brackets', () => {
    for (const end of ['/', '?', '#', ' ', '\n', '"', "'", '<', '>'])
      expect(findShapes(`https://h.example${end}x@y`), JSON.stringify(end)).toEqual([]);
  });

  it('a colon after the "@" is the port: the userinfo is a lone user', () => {
    expect(spans('https://tok123@h.example:8080/')).toEqual([['tok123', 'URL_USER', 'url']]);
  });

  it('an empty password hides nothing; the user is still read', () => {
    expect(findShapes('https://bob:@h.example/')).toEqual([]);
  });

  it('an "@" right after "//" names no user', () => {
    expect(findShapes('https://@h.example/')).toEqual([]);
  });
});

describe('a secret-named name=value', () => {
  it('the value is hidden up to the next separator, named after the name', () => {
    expect(spans('a=1&password=hunter2&b=2')).toEqual([['hunter2', 'password', 'query']]);
    expect(spans('accessToken=abc;x')).toEqual([['abc', 'accessToken', 'query']]);
    expect(spans('form[api_key]=k-1 ')).toEqual([['k-1', 'form[api_key]', 'query']]);
  });

  it('a name longer than 64 characters is read by its last 64', () => {
    const name = 'x'.repeat(70) + 'token';
    expect(spans(`${name}=v1`)).toEqual([['v1', 'x'.repeat(59) + 'token', 'query']]);
  });

  it('a camelCase name is read word by word: tokenType is no token', () => {
    expect(findShapes('tokenType=Bearer&expiresIn=3600')).toEqual([]);
    expect(spans('user.password=pw-1')).toEqual([['pw-1', 'user.password', 'query']]);
  });

  it('the value ends exactly at the end of the text', () => {
    expect(findShapes('password=x')).toEqual([{ start: 9, end: 10, base: 'password', kind: 'query' }]);
  });

  it('a "//" after anything but a colon starts no userinfo', () => {
    expect(findShapes('https://h.example/a//me@x')).toEqual([]);
  });

  it('no name, an ordinary name or an empty value hides nothing', () => {
    expect(findShapes('=abc')).toEqual([]);
    expect(findShapes('page=2&sort=asc')).toEqual([]);
    expect(findShapes('password=&x=1')).toEqual([]);
  });
});

describe('a PEM private key', () => {
  const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

  it('is hidden from BEGIN to the dashes of its END line', () => {
    expect(spans(`a\n${key}\nb`)).toEqual([[key, 'PRIVATE_KEY', 'token']]);
  });

  it('without an END line, it is hidden to the end of the text', () => {
    const cut = '-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADAN/BgkqhkiG9w0';
    expect(texts(`x ${cut}`)).toEqual([cut]);
  });

  it('with its END line cut short, it is hidden to the end of the text', () => {
    const cut = '-----BEGIN PRIVATE KEY-----\nMIIE/vQIB\n-----END PRIV';
    expect(texts(`x ${cut}`)).toEqual([cut]);
  });

  it('an END line running on past 200 characters hides the rest of the text', () => {
    const cut = `-----BEGIN PRIVATE KEY-----\nMIIE\n-----END ${'X'.repeat(250)}----- after`;
    expect(texts(`x ${cut}`)).toEqual([cut]);
  });

  it('a BEGIN whose dashes close more than 100 characters later is no key', () => {
    expect(findShapes(`-----BEGIN ${'word '.repeat(30)}-----`)).toEqual([]);
  });

  it('two keys are each hidden, and the text between them stays', () => {
    expect(texts(`${key} and ${key}`)).toEqual([key, key]);
  });

  it('an END line before the BEGIN does not close it', () => {
    const cut = '-----BEGIN KEY-----\nMIIE/vQIB';
    expect(texts(`-----END KEY----- then ${cut}`)).toEqual([cut]);
  });

  it('an END line of exactly 200 characters closes the key; the text after it stays', () => {
    const block = `-----BEGIN K-----\nMIIE\n-----END ${'X'.repeat(191)}-----`;
    expect(texts(`${block} after`)).toEqual([block]);
  });

  it('a key deep in a text is found with its END, and the text after it stays', () => {
    expect(texts(`${'word '.repeat(60)}${key} after`)).toEqual([key]);
    const cut = '-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADAN/BgkqhkiG9w0';
    expect(texts(`${'word '.repeat(30)}${cut}`)).toEqual([cut]);
  });

  it('a BEGIN line whose dashes close at 100 characters is no key', () => {
    expect(findShapes(`-----BEGIN ${'w'.repeat(89)}-----`)).toEqual([]);
    expect(texts(`-----BEGIN ${'w'.repeat(88)}-----`)).toHaveLength(1);
  });

  it('dashes that are no BEGIN line hide nothing', () => {
    expect(findShapes('-----BEGIN of a list')).toEqual([]);
    expect(findShapes('----- notes -----')).toEqual([]);
  });
});
