// JSON fields at the edges of the scanner (lib/redact/json.ts): which values a key still owns
// after its own value ended, how far an error report inside a secret container reaches, and what
// a JSON field's secret is listed as.
import { describe, expect, it } from 'vitest';
import { redactJson } from '../../../lib/redact/json';
import { redactWith, valuesOf } from './refill';

function redacted(json: string) {
  const { text, vault } = redactWith(json, 'body', (v) => redactJson(json, v, 'response body'));
  return { text, values: valuesOf(vault), list: vault.list() };
}

describe('a key owns its own value only', () => {
  it.each([
    ['a string', '[{"password":"pw-Own-1"},"shown-after"]', ['pw-Own-1']],
    ['a number', '[{"pin":4829},"shown-after",7]', ['4829']],
    ['null', '[{"password":null},"shown-after",7]', []],
    ['true', '[{"password":true},"shown-after"]', []],
    ['an empty array', '[{"password":[]},"shown-after",7]', []],
    ['an empty object', '[{"password":{}},"shown-after",7]', []],
  ])('after %s under a secret key, the next array item is no field', (_, json, values) => {
    expect(redacted(json).values).toEqual(values);
  });
});

describe('an error report inside a secret container', () => {
  it('a GraphQL error keeps its locations, path and extensions readable', () => {
    // The shape of the GraphQL spec's §7.1.2 error, under a payload named after a token.
    const json =
      '{"data":{"tokenCreate":{"token":null,"errors":[{"message":"Invalid credentials","locations":[{"line":2,"column":3}],"path":["tokenCreate"],"extensions":{"code":"UNAUTHENTICATED"}}]}}}';
    expect(redacted(json)).toMatchObject({ text: json, values: [] });
  });

  it('a report inside a report does not end the outer one when it closes', () => {
    const r = redacted(
      '{"tokens":{"errors":[{"error":{"kind":"x"},"detail":"still the report"}],"access":"at-After-1"}}',
    );
    expect(r.values).toEqual(['at-After-1']);
  });

  it('a secret container inside a report outside any secret container is hidden whole', () => {
    const r = redacted('{"errors":[{"extensions":{"tokens":{"access":"at-In-Err-1","kind":"k-In-Err-2"}}}],"x":"y"}');
    expect(r.values).toEqual(['at-In-Err-1', 'k-In-Err-2']);
  });
});

describe('a number', () => {
  it('at the very end of a cut-off text is taken whole, and the scan ends', () => {
    expect(redacted('{"pin":4829').values).toEqual(['4829']);
    expect(redacted('{"otp":-12.5e3').values).toEqual(['-12.5e3']);
    expect(redacted('[1,2,3').values).toEqual([]);
  });

  it('whatever its first digit, 0 and 9 included', () => {
    expect(redacted('[{"pin":0},{"pin":9},{"pin":-0.5},{"pin":-9e2}]').values).toEqual(['0', '9', '-0.5', '-9e2']);
  });

  it('a minus sign before a dot, a sign, a space or a quote is no number', () => {
    for (const json of ['{"pin":-.}', '{"pin":-+}', '{"pin":- }', '{"pin":-"x"}'])
      expect(redacted(json), json).toMatchObject({ text: json, values: [] });
  });
});

describe('broken JSON, read as far as it goes', () => {
  it('a doubled colon or a missing value before a comma leaves the key its value', () => {
    expect(redacted('{"token"::"t-1"}').values).toEqual(['t-1']);
    expect(redacted('{"token": , "t-2"}').values).toEqual(['t-2']);
  });
});

describe('what a JSON field’s secret is listed as', () => {
  it('a body secret, named after its key, found in the place given', () => {
    const { list } = redacted('{"otp":"778812"}');
    expect(list).toEqual([
      expect.objectContaining({
        name: 'WHY403_BODY_OTP',
        kind: 'body',
        places: ['response body field otp'],
        length: 6,
      }),
    ]);
  });
});
