// Secret fields of a JSON text (lib/redact/json.ts): only the value's characters are replaced,
// at any depth, under containers named like secrets too; spacing, order, escapes and the error
// reports servers put beside a credential stay readable.
import { describe, expect, it } from 'vitest';
import type { Har } from '../../../lib/har/types';
import { redactHar } from '../../../lib/redact';
import { namedPlaces, redactWith, valuesOf } from './refill';
import { redactJson } from '../../../lib/redact/json';
import { makeEntry } from '../../support/har';

function redacted(json: string) {
  const { text, vault } = redactWith(json, 'body', (v) => redactJson(json, v, 'response body'));
  return { text, values: valuesOf(vault), secrets: namedPlaces(vault) };
}
const kept = (json: string) => expect(redacted(json)).toEqual({ text: json, values: [], secrets: [] });

describe('a secret field', () => {
  it('a string value is replaced inside its quotes, named after its key', () => {
    const r = redacted('{"user": "bob", "password": "pw-1"}');
    expect(r.text).toBe('{"user": "bob", "password": "${WHY403_BODY_PASSWORD}"}');
    expect(r.secrets).toEqual([{ name: 'WHY403_BODY_PASSWORD', places: ['response body field password'] }]);
  });

  it('a number is replaced whole: sign, fraction and exponent', () => {
    expect(redacted('{"pin": 4829}').values).toEqual(['4829']);
    expect(redacted('{"pin":-1.5e+3,"x":1}').values).toEqual(['-1.5e+3']);
  });

  it('a number is replaced whole however long it is', () => {
    const long = '7'.repeat(100);
    expect(redacted(`{"pin":${long},"x":1}`).values).toEqual([long]);
  });

  it('a minus sign alone, or before a letter, is no number', () => {
    kept('{"pin":-x}');
    kept('{"pin":-}');
  });

  it('a string holding escaped quotes and backslashes goes whole', () => {
    expect(redacted('{"token":"a\\"b\\\\","x":"y"}').values).toEqual(['a\\"b\\\\']);
  });

  it('an escaped key is read as what it says; a broken escape as it is written', () => {
    expect(redacted('{"pass\\u0077ord":"pw-1"}').secrets[0]!.name).toBe('WHY403_BODY_PASSWORD');
    kept('{"pass\\xword":"pw-1"}');
  });

  it('whitespace between a key and its colon does not hide the key', () => {
    expect(redacted('{"token" \n\t: "t-1"}').values).toEqual(['t-1']);
  });

  it('an unterminated string is a value to the end of the text', () => {
    expect(redacted('{"token":"t-1 and the rest').values).toEqual(['t-1 and the rest']);
    expect(redacted('{"token":"').values).toEqual([]);
  });

  it('an empty string, true, false and null stay', () => {
    kept('{"token":"","secret":true,"password":null,"api_key":false}');
  });

  it('the next key is read on its own: a secret value does not spill over', () => {
    kept('{"token_type":"Bearer","expires_in":3600}');
    expect(redacted('{"token":"t-1","name":"bob","n":2}').values).toEqual(['t-1']);
    expect(redacted('{"pin":1234,"n":2,"s":"x"}').values).toEqual(['1234']);
  });

  it('error codes and object keys stay readable', () => {
    kept('{"code":"invalid_token","key":"photos/a.jpg"}');
  });

  it('values with no key (array elements, a bare string) are not fields', () => {
    kept('["password","pw-1",42]');
    kept('"password"');
  });
});

describe('a container under a secret key', () => {
  it('every element of an array is hidden, each named after the key', () => {
    const r = redacted('{"tokens":["t-1","t-2",[ "t-3" ], 7],"after":"a"}');
    expect(r.values).toEqual(['t-1', 't-2', 't-3', '7']);
    expect(r.secrets.map((s) => s.name)).toEqual([
      'WHY403_BODY_TOKENS',
      'WHY403_BODY_TOKENS_2',
      'WHY403_BODY_TOKENS_3',
      'WHY403_BODY_TOKENS_4',
    ]);
  });

  it('every value of an object is hidden, at any depth, and nothing after it closes', () => {
    const r = redacted('{"credentials":{"user":"bob","inner":{"pw":"x-1"}},"page":"2"}');
    expect(r.values).toEqual(['bob', 'x-1']);
    expect(r.text).toBe(
      '{"credentials":{"user":"${WHY403_BODY_CREDENTIALS}","inner":{"pw":"${WHY403_BODY_CREDENTIALS_2}"}},"page":"2"}',
    );
  });

  it('the error report inside it stays readable; the values after the report are hidden again', () => {
    const r = redacted(
      '{"obtainAccessTokens":{"errors":[{"code":"INVALID","field":"state","message":"Bad signature"}],"token":null,"refresh":"r-1"}}',
    );
    expect(r.values).toEqual(['r-1']);
  });

  it('a report key directly under it is readable too', () => {
    expect(redacted('{"session":{"message":"expired","id":"s-1"}}').values).toEqual(['s-1']);
  });

  it('inside an error report, a key that is secret itself is still hidden', () => {
    expect(redacted('{"auth":{"errors":[{"token":"t-1","message":"m"}]}}').values).toEqual(['t-1']);
  });

  it('a report key outside any secret container is an ordinary field', () => {
    kept('{"errors":[{"message":"bad"}],"field":"x"}');
  });

  it('a secret key nested inside another secret container does not end it early', () => {
    const r = redacted('{"auth":{"token":{"a":"1"},"b":"2"},"c":"3"}');
    expect(r.values).toEqual(['1', '2']);
  });
});

describe('end to end', () => {
  it('a secret number longer than 64 digits does not leave a redacted HAR, not even its tail', () => {
    const pin = '1234567890'.repeat(10);
    const e = makeEntry({
      url: 'https://api.example.com/x',
      method: 'POST',
      status: 400,
      requestBody: `{"pin":${pin}}`,
    });
    const har: Har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [e] } };
    expect(JSON.stringify(redactHar(har).har)).not.toMatch(/\d{20}/);
  });
});
