// How a textual body is told apart (lib/redact/body.ts) at the edges body-types.test.ts leaves:
// how far the first character is looked for, how much of a body judges it a form, a type with
// parameters, a sniffed boundary on bare LF lines, markup by type alone, and a text met before
// that the decoding closure could not read whole. `pin` is a secret field name no sweep finds in
// free text, so a pin redacted says the body was read by its structure.
import { describe, expect, it } from 'vitest';
import { redactBody, Vault } from '../../../lib/redact';
import { redactWith } from './refill';

function redacted(body: string, type: string) {
  const { text, vault } = redactWith(body, 'body', (v) => redactBody(body, type, v));
  return { text, secrets: vault.list().map((s) => ({ name: s.name, kind: s.kind, places: s.places })) };
}

describe('the first character', () => {
  it('is looked for within the first 1024 characters only', () => {
    const json = '{"pin":"4829"}';
    expect(redacted(' '.repeat(1023) + json, 'text/plain').text).toBe(
      ' '.repeat(1023) + '{"pin":"${WHY403_BODY_PIN}"}',
    );
    expect(redacted(' '.repeat(1024) + json, 'text/plain').text).toBe(' '.repeat(1024) + json);
  });

  it('"<" makes a body markup whatever its type, without any form input in it', () => {
    expect(redacted('<password>pw-3</password>', 'text/plain').text).toBe(
      '<password>${WHY403_BODY_PASSWORD}</password>',
    );
  });
});

describe('a markup type', () => {
  it('makes a body markup whatever its first character (XML or HTML, either alone)', () => {
    for (const type of ['application/soap+xml', 'text/xml', 'text/html; charset=utf-8'])
      expect(redacted('x <password>pw-3</password>', type).text, type).toBe(
        'x <password>${WHY403_BODY_PASSWORD}</password>',
      );
  });
});

describe('a form', () => {
  it('is read by its declared type when the type has parameters', () => {
    for (const type of [
      'application/x-www-form-urlencoded; charset=UTF-8',
      ' Application/X-WWW-Form-Urlencoded ; charset=UTF-8',
    ])
      expect(redacted('a=1 b&pin=4829', type).secrets, type).toEqual([
        { name: 'WHY403_BODY_PIN', kind: 'body', places: ['request body field pin'] },
      ]);
  });

  it('is told by its shape from the first 4096 characters; white space later does not unmake it', () => {
    const body = `pin=4829&note=${'x'.repeat(5000)} y`;
    expect(redacted(body, 'text/plain').text).toBe(body.replace('4829', '${WHY403_BODY_PIN}'));
  });

  it('is judged by its names alone: a value or a bare name that reads as secret is kept', () => {
    for (const body of ['q=api_key&x=1', 'q=tokens', 'tokens&pin', 'x=1&tokens&'])
      expect(redacted(body, 'application/x-www-form-urlencoded').text, body).toBe(body);
  });

  it('reads + in a name as a space: `pass+word` is no password field', () => {
    expect(redacted('pass+word=pw-1&password=pw-2', 'application/x-www-form-urlencoded').text).toBe(
      'pass+word=pw-1&password=${WHY403_BODY_PASSWORD}',
    );
  });

  it('must start with a field name: a quoted line of pairs is swept, not read as fields', () => {
    expect(redacted('"a=1&pin=4829"', 'text/plain').secrets).toEqual([
      { name: 'WHY403_PIN', kind: 'query', places: ['request body'] },
    ]);
  });
});

describe('a multipart body whose type lost its boundary', () => {
  it('takes it from a first line of bare LF as well as CRLF', () => {
    for (const nl of ['\n', '\r\n']) {
      const body = `--XyZ${nl}Content-Disposition: form-data; name="pin"${nl}${nl}4829${nl}--XyZ--${nl}`;
      expect(redacted(body, 'multipart/form-data').text, JSON.stringify(nl)).toBe(
        body.replace('4829', '${WHY403_BODY_PIN}'),
      );
    }
  });

  it('takes it from the first line starting with -- after a preamble, not from inside a line', () => {
    const parts = '--XyZ\r\nContent-Disposition: form-data; name="pin"\r\n\r\n4829\r\n--XyZ--\r\n';
    for (const preamble of ['This is a multi-part message.\r\n', 'pre\n', '\r\n']) {
      const body = preamble + parts;
      expect(redacted(body, 'multipart/form-data').text, JSON.stringify(preamble)).toBe(
        body.replace('4829', '${WHY403_BODY_PIN}'),
      );
    }
    const inline = 'a --XyZ\r\nContent-Disposition: form-data; name="pin"\r\n\r\n4829\r\n';
    expect(redacted(inline, 'multipart/form-data').text).toBe(inline);
  });
});

describe('a text the closure could not read whole', () => {
  it('leaves as one placeholder, whatever its type', () => {
    const text = '{"pin":"4829","more":"…"}';
    for (const type of ['application/json', 'text/plain']) {
      const v = new Vault();
      v.secret(text, { base: 'UNREAD', kind: 'unread', where: 'response body, not read whole' });
      expect(redactBody(text, type, v), type).toEqual([{ ref: 'WHY403_UNREAD' }]);
    }
  });
});
