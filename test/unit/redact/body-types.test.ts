// A textual body is read every way it fits (lib/redact/body.ts, form.ts): by its declared type
// and by its shape (JSON served as text, a form posted as text/plain, HTML inside JSON), so a
// mislabelled body hides its secrets as well as a labelled one.
import { describe, expect, it } from 'vitest';
import { redactBody } from '../../../lib/redact';
import { redactWith } from './refill';

function redacted(body: string, type: string) {
  const { text, vault } = redactWith(body, 'body', (v) => redactBody(body, type, v));
  return { text, places: vault.list().flatMap((s) => s.places) };
}

describe('JSON', () => {
  it('is read by its type, any +json type included', () => {
    expect(redacted('"x" {"token":"t-1"}', 'application/vnd.api+json; charset=utf-8').text).toBe(
      '"x" {"token":"${WHY403_BODY_TOKEN}"}',
    );
  });

  it('is read by its first character whatever its type, after whitespace or a byte-order mark', () => {
    for (const lead of ['', ' ', '\t', '\n', '\r', '\ufeff', ' \r\n\t'])
      expect(redacted(`${lead}{"pin":"4829"}`, 'text/plain').text, JSON.stringify(lead)).toBe(
        `${lead}{"pin":"\${WHY403_BODY_PIN}"}`,
      );
    expect(redacted('[{"pin":"4829"}]', 'text/html').text).toBe('[{"pin":"${WHY403_BODY_PIN}"}]');
  });

  it('a body that only contains braces later is not read as JSON', () => {
    expect(redacted('note {"pin":"4829"}', 'text/plain').text).toBe('note {"pin":"4829"}');
  });

  it('places name the body and the field', () => {
    expect(redacted('{"token":"t-1"}', 'application/json').places).toEqual(['request body field token']);
  });
});

describe('forms', () => {
  it('are read by their type, the place naming the field', () => {
    const r = redacted('a=1 b&token=t-1', 'application/x-www-form-urlencoded');
    expect(r.text).toBe('a=1 b&token=${WHY403_BODY_TOKEN}');
    expect(r.places).toEqual(['request body field token']);
  });

  it('are read by their shape under another type; text with spaces is not a form (its secret-named pair is still swept)', () => {
    expect(redacted('user=bob&pin=4829', 'text/plain').text).toBe('user=bob&pin=${WHY403_BODY_PIN}');
    expect(redacted('user=bob&pin=4829\r\n', 'text/plain').text).toBe('user=bob&pin=${WHY403_BODY_PIN}');
    expect(redacted('user=bob&pin=4829 and more', 'text/plain').text).toBe('user=bob&pin=${WHY403_PIN} and more');
  });

  it('a field name is percent- and plus-decoded before it is judged', () => {
    expect(redacted('access%5Ftoken=t-1', 'application/x-www-form-urlencoded').text).toBe(
      'access%5Ftoken=${WHY403_BODY_ACCESS_TOKEN}',
    );
    expect(redacted('sid+=s-1&x=2', 'application/x-www-form-urlencoded').text).toBe('sid+=${WHY403_BODY_SID}&x=2');
    expect(redacted('%E0%A4%A=1&pin=4829', 'application/x-www-form-urlencoded').text).toBe(
      '%E0%A4%A=1&pin=${WHY403_BODY_PIN}',
    );
  });

  it('a value holding "=" goes whole; empty values, bare names and doubled "&" stay', () => {
    expect(redacted('token=a=b&&pin=&flag&', 'application/x-www-form-urlencoded').text).toBe(
      'token=${WHY403_BODY_TOKEN}&&pin=&flag&',
    );
  });
});

describe('markup', () => {
  const form = '<input type="password" value="pw-1">';

  it('is read by an XML or HTML type, or by a first "<"', () => {
    for (const type of ['application/soap+xml', 'text/html; charset=utf-8'])
      expect(redacted(`x ${form}`.replace('<input', '<p><input'), type).text, type).toContain('${WHY403_BODY_INPUT}');
    expect(redacted(`\n<p>${form.replace('input', 'INPUT')}`, 'text/plain').text).toContain('${WHY403_BODY_INPUT}');
  });

  it('a form input inside another body (HTML in JSON, in plain text) is read too', () => {
    expect(redacted(`{"html":"${form.replace(/"/g, "'")}"}`, 'application/json').text).toContain(
      '${WHY403_BODY_INPUT}',
    );
    expect(redacted(`see <INPUT TYPE=password VALUE=pw-2>`, 'text/plain').text).toBe(
      'see <INPUT TYPE=password VALUE=${WHY403_BODY_INPUT}>',
    );
  });

  it('a plain-text body mentioning "<" is not markup', () => {
    expect(redacted('a <password>pw-3</password>', 'text/plain').text).toBe('a <password>pw-3</password>');
  });
});

describe('multipart', () => {
  it('without a boundary anywhere, the body is only swept', () => {
    const body = 'Content-Disposition: form-data; name="token"\r\n\r\nt-1';
    expect(redacted(body, 'multipart/form-data').text).toBe(body);
  });
});
