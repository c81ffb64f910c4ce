// The decoding closure's own readers (lib/redact/closure.ts), told apart from the shape scan that
// runs beside them: a `name=value` pair read as a form field is placed as "<where> field <name>"
// and named WHY403_BODY_<NAME> when the closure learns it first; the shape scan names the same
// value after its bare name. Each case below is one the shape scan alone does not cover, so what
// is asserted is the pair reader's (or the Basic reader's, or the budget's) own doing.
import { describe, expect, it } from 'vitest';
import { decodedBody, discover, newClosure } from '../../../lib/redact/closure';
import { Vault } from '../../../lib/redact';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** What the vault holds after the closure read `text` as a request body. */
const read = (text: string, texts = text.length) => {
  const v = new Vault();
  discover(text, newClosure(v, texts), 'request body');
  return v;
};
const placesOf = (v: Vault, value: string) => v.list().find((s) => v.valueOf(s.name) === value)?.places ?? [];
const values = (v: Vault) => v.learned().map((s) => s.value);

describe('name=value pairs read as form fields', () => {
  it('a pair at the very start of the text is a field (its name begins at the first character)', () => {
    expect(placesOf(read('password=pw-Start-4812&x=1'), 'pw-Start-4812')).toContain('request body field password');
    // A percent-encoded name at the start: only the pair reader decodes names, so it names the value
    // (a long tail: the name's scan must stop at the first character, not run on from the end).
    expect(read(`pass%77ord=pw-Start-4812&${'x'.repeat(120)}`).list()[0]).toMatchObject({
      name: 'WHY403_BODY_PASSWORD',
      kind: 'body',
      places: ['request body field password', 'request body'],
    });
  });

  it('a name is at most 100 characters: a longer run before `=` is cut to its last 100', () => {
    // `session…` is secret by its start (names.ts: ^session); the shape scan reads names of 64 at most.
    const name100 = `session${'x'.repeat(93)}`;
    expect(values(read(`${name100}=sv-Long-4812`))).toEqual(['sv-Long-4812']);
    expect(placesOf(read(`${name100}=sv-Long-4812`), 'sv-Long-4812')).toEqual([`request body field ${name100}`]);
    // One more character: the name read is `ession…`, no secret name.
    expect(values(read(`${name100}x=sv-Long-4812`))).toEqual([]);
  });

  it('a `=` with no name before it opens no pair: the named pair after it is read whole', () => {
    const v = read('x(=password=pw-A-4812/token=tk-B-4812');
    // The outer pair's value whole, and the nested secret pair's own value: no cut at `token=`.
    expect(values(v)).toEqual(['pw-A-4812/token=tk-B-4812', 'tk-B-4812']);
    expect(placesOf(v, 'pw-A-4812/token=tk-B-4812')).toContain('request body field password');
  });

  it('`+` in a name is a space, as in any form encoding', () => {
    expect(placesOf(read('my+token=tk-Plus-4812'), 'tk-Plus-4812')).toContain('request body field my token');
  });

  it("a pair's value decoded with `+` as space is read again: a Basic credential after `Basic+`", () => {
    const cred = b64('aladdin:pw-Open-4812');
    const v = read(`q=Basic+${cred}&x=1`);
    // The password is known only from `Basic <cred>`, which exists only once `+` is read as a space.
    expect(v.info('WHY403_BASIC_PASSWORD')).toMatchObject({ kind: 'password' });
    expect(v.valueOf('WHY403_BASIC_PASSWORD')).toBe('pw-Open-4812');
    expect(v.learned().find((s) => s.value === 'pw-Open-4812')?.paths).toEqual([['plus']]);
  });
});

describe('structure and encodings outside any pair', () => {
  it('percent-encoded JSON in a path, with no `=` anywhere, is decoded and read', () => {
    const v = read(`/api/state/${encodeURIComponent('{"password":"pw-Pct-4812"}')}/x`);
    expect(v.learned()).toEqual([
      {
        value: 'pw-Pct-4812',
        hint: { base: 'BODY_password', kind: 'body', where: 'request body field password' },
        paths: [['percent']],
      },
    ]);
  });

  it('JavaScript escapes outside any string literal are read too (`\\x3d` is `=`)', () => {
    const v = read('location.search = password\\x3dpw-Js-4812');
    expect(v.learned().find((s) => s.value === 'pw-Js-4812')).toMatchObject({ paths: [['js']] });
  });

  it('a value is a GraphQL variable only when it is `$` and a name, whole', () => {
    const learnedFrom = (value: string) => {
      const v = new Vault();
      const c = newClosure(v, 1);
      discover(`{"password": "${value}"}`, c, 'request body');
      return { values: values(v), variables: [...c.secretNames] };
    };
    expect(learnedFrom('$pw')).toEqual({ values: [], variables: ['pw'] });
    // A password that holds `$` and a word, at its end or at its start, is a password.
    expect(learnedFrom('p4ss$word')).toEqual({ values: ['p4ss$word'], variables: [] });
    expect(learnedFrom('$ecret-Pass-1')).toEqual({ values: ['$ecret-Pass-1'], variables: [] });
  });

  it('a form pair named `code` is secret (an OAuth code), though a JSON `code` is not', () => {
    expect(placesOf(read('x=1&code=oc-Form-4812'), 'oc-Form-4812')).toContain('request body field code');
    expect(values(read('{"code": "invalid_token"}'))).toEqual([]);
  });
});

describe('Basic credentials in free text', () => {
  it('a short credential in prose, with no other mark of structure', () => {
    // bob:xy: 8 characters of base64, no padding, no `=`, `:` or run of 16.
    const v = read('send Basic Ym9iOnh5 now');
    expect(values(v)).toEqual(['Ym9iOnh5', 'xy']);
    expect(v.valueOf('WHY403_BASIC_PASSWORD')).toBe('xy');
  });

  it.each([
    ['no padding', 'ann:pw-Two-4812'],
    ['one `=`', 'ann:pw-Two-481'],
    ['two `=`', 'ann:pw-Two-48'],
  ])('%s: the credential whole and its password, named after the Basic reader', (_, pair) => {
    const cred = b64(pair);
    const v = read(`Authorization: Basic ${cred}`);
    expect(values(v)).toEqual(expect.arrayContaining([cred, pair.slice(4)]));
    expect(v.valueOf('WHY403_BASIC_PASSWORD')).toBe(pair.slice(4));
  });

  it('any run of white space between the scheme and the credential', () => {
    const v = read(`Authorization: Basic \t ${b64('ann:pw-Gap-4812')}`);
    expect(v.valueOf('WHY403_BASIC_PASSWORD')).toBe('pw-Gap-4812');
  });

  it('the word "basic" before a word that is no credential teaches nothing', () => {
    expect(values(read('use basic auth here, basic mode'))).toEqual([]);
  });
});

describe('a multipart body without its content type', () => {
  it('is found by its first delimiter line, with bare line feeds too', () => {
    const body = '--XyZ123\nContent-Disposition: form-data; name="password"\n\npw-Part-4812\n--XyZ123--\n';
    expect(read(body).list()).toEqual([
      expect.objectContaining({ name: 'WHY403_BODY_PASSWORD', places: ['request body field password'] }),
    ]);
  });
});

describe('the budget', () => {
  // A closure shared by so many texts that the floor's share is 0: a text (under 64 Ki) may spend 64 per character.
  const MANY = 2 ** 40;

  it('reading a text costs its length plus 32; a text under 4 characters, or one read before, costs nothing', () => {
    const v = new Vault();
    const c = newClosure(v, 1);
    const spend = (text: string) => {
      const before = c.budget.left;
      discover(text, c, 'request body');
      // What it spent: the quota it brought (the whole floor: one text) minus what is left.
      return before + (1 << 20) + 64 * text.length - c.budget.left;
    };
    expect(spend('abcd')).toBe(36);
    expect(spend('abcd')).toBe(0);
    expect(spend('abc')).toBe(0);
    expect(spend('plain words')).toBe(11 + 32);
  });

  it('a text whose decodings cost more than it may spend is withheld whole, said so', () => {
    // Each percent-decoding peels one `25`, so 201 texts of ~300 characters are read: past 64 × 408.
    const text = `%${'25'.repeat(200)}41 tail`;
    const v = read(text, MANY);
    expect(v.learned()).toEqual([
      { value: text, hint: { base: 'UNREAD', kind: 'unread', where: 'request body, not read whole' }, paths: [] },
    ]);
    expect(v.list()[0]).toMatchObject({ name: 'WHY403_UNREAD', kind: 'unread' });
  });

  it('a text read whole within what it may spend is not withheld', () => {
    expect(values(read('password=pw-Cheap-4812', MANY))).toEqual(['pw-Cheap-4812']);
    // Two decodings: cheap enough.
    expect(values(read(`%2541 ${'x'.repeat(40)}`, MANY))).toEqual([]);
  });
});

describe('a binary body, read as its printable runs', () => {
  it('runs of four or more printable ASCII bytes, space and `~` included, DEL and control bytes not', () => {
    const bytes = Buffer.from([
      ...Buffer.from('abcd'),
      0x7f,
      ...Buffer.from(' ~xy'),
      0x1f,
      ...Buffer.from('efg'),
      0,
      ...Buffer.from('hijk'),
      0xff,
    ]);
    expect(decodedBody(bytes.toString('base64'))).toBe('abcd\n ~xy\nhijk');
  });
});
