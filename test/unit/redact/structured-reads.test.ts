// The tolerant reader of `key: value` structure (lib/redact/structured.ts): JSON anywhere in a
// text, JavaScript object literals, GraphQL arguments and name/value pair objects. It must report
// every secret value (by its key, its container's key or its pair's name) and every string, and
// nothing that is only prose or an error report.
import { describe, expect, it } from 'vitest';
import { readStructured } from '../../../lib/redact/structured';

const SECRET = new Set(['password', 'token', 'secret', 'credentials', 'auth', 'tokens']);

function read(s: string) {
  const secrets: [string, string][] = [];
  const strings: string[] = [];
  readStructured(s, {
    isSecretName: (n) => SECRET.has(n.toLowerCase()),
    onSecret: (n, v) => secrets.push([n, v]),
    onString: (d) => strings.push(d),
  });
  return { secrets, strings };
}
const secrets = (s: string) => read(s).secrets;

describe('keys and values', () => {
  it('a secret key in JSON, with any spacing, gives its decoded string', () => {
    expect(secrets('{"user":"bob", "password" \n: "p\\u0077-1"}')).toEqual([['password', 'pw-1']]);
  });

  it('JSON behind a prefix (XSSI, JSONP) and JavaScript object literals are read too', () => {
    expect(secrets(`)]}'\n{"token":"t-1"}`)).toEqual([['token', 't-1']]);
    expect(secrets('cb({token: "t-2"})')).toEqual([['token', 't-2']]);
    expect(secrets("var c = {password: 'p-3', $x: 1}")).toEqual([['password', 'p-3']]);
  });

  it('single-quoted strings and escaped single quotes are decoded', () => {
    expect(secrets("{token: 'it\\'s'}")).toEqual([['token', "it's"]]);
  });

  it('a single-quoted string ends at a raw line break; a double-quoted one does not', () => {
    expect(secrets("{token: 'a\nb'}")).toEqual([['token', 'a']]);
    expect(secrets('{"token": "a\nb"}')).toEqual([['token', 'a\nb']]);
  });

  it('an unterminated string is a value to the end of the text', () => {
    expect(secrets('{"token": "t-1 rest')).toEqual([['token', 't-1 rest']]);
  });

  it('a broken escape is kept as written', () => {
    expect(secrets('{"token": "a\\xb"}')).toEqual([['token', 'a\\xb']]);
  });

  it('numbers under a secret key are values: sign, fraction, exponent', () => {
    expect(secrets('{"token": -1.5e+3, "n": 2}')).toEqual([['token', '-1.5e+3']]);
    expect(secrets('{"n": 12, "token": 7}')).toEqual([['token', '7']]);
  });

  it('a value ends the key: the next value is not under it', () => {
    expect(secrets('{"token": "t-1", "x": "y", "z": 3}')).toEqual([['token', 't-1']]);
    expect(secrets('{"token": true, "x": "y"}')).toEqual([]);
  });

  it('every decoded non-empty string is reported, keys excepted', () => {
    expect(read('{"a": "x\\ny", "b": "", "c": [\'z\']}').strings).toEqual(['x\ny', 'z']);
  });

  it('a word before "://" is a URL scheme, not a key', () => {
    expect(secrets('{token https://h.example/p "v"}')).toEqual([]);
    expect(secrets('token: "v"')).toEqual([['token', 'v']]);
  });

  it('prose with a colon gives nothing: a bare word is no value', () => {
    expect(secrets('error token: expired, password: wrong')).toEqual([]);
  });
});

describe('containers under a secret key', () => {
  it('every scalar inside, at any depth, is reported under the container key', () => {
    expect(secrets('{"credentials": {"user": "bob", "more": [1, "x"]}, "after": "a"}')).toEqual([
      ['credentials', 'bob'],
      ['credentials', '1'],
      ['credentials', 'x'],
    ]);
  });

  it('an error report inside it is not the secret; a secret key inside the report still is', () => {
    expect(secrets('{"auth": {"errors": [{"message": "m", "token": "t-1"}], "message": "n", "v": "s"}}')).toEqual([
      ['token', 't-1'],
      ['auth', 's'],
    ]);
  });

  it('GraphQL arguments: a call named like a secret is not a container, its secret argument is read', () => {
    expect(secrets('mutation { token(user: "bob", password: "pw-1") { id } }')).toEqual([['password', 'pw-1']]);
  });

  it('GraphQL $variables inside arguments or braces are reported under their key', () => {
    expect(secrets('mutation($p: String) { login(password: $p) { ok } }')).toEqual([['password', '$p']]);
    expect(secrets('[password: $p]')).toEqual([]);
    expect(secrets('(password: plain)')).toEqual([]);
  });
});

describe('name/value pair objects', () => {
  it('a pair whose name is secret reports its value under that name, whatever the key spelling', () => {
    expect(secrets('[{"name":"password","value":"pw-1"},{"name":"user","value":"bob"}]')).toEqual([
      ['password', 'pw-1'],
    ]);
    expect(secrets('[{"Field":"token","Val":"t-1"}]')).toEqual([['token', 't-1']]);
    expect(secrets('[{"key":"secret","value":"s-1"}]')).toEqual([['secret', 's-1']]);
    expect(secrets('[{"param":"token","value":"t-2"}, {"parameter":"token","value":"t-3"}]')).toEqual([
      ['token', 't-2'],
      ['token', 't-3'],
    ]);
  });

  it('a pair missing its name or its value reports nothing', () => {
    expect(secrets('[{"name":"password"},{"value":"pw-1"}]')).toEqual([]);
  });
});
