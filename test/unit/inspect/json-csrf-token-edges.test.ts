// The edges of the JSON token reading (lib/inspect/json-csrf-token.ts): the token comes from an earlier 2xx GET of
// the same origin whose body is a small JSON object with a string token field (Sails' `GET /csrfToken` answers
// `{"_csrf": "…"}`, https://sailsjs.com/documentation/concepts/security/csrf; Auth.js's `GET /api/auth/csrf`
// answers `{"csrfToken": "…"}`).
import { describe, expect, it } from 'vitest';
import { LogIndex } from '../../../lib/core/log-index';
import { jsonCsrfToken } from '../../../lib/inspect/json-csrf-token';
import { makeHar, type EntrySpec } from '../../support/har';

const APP = 'http://app.example.test';
const TOKEN = 'nshS1xJf-pJ7RSZdFMEYCw9IhKIG5ZlJ_AII';
const JSON_MIME = 'application/json; charset=utf-8';

const grant = (text: string, extra: Partial<EntrySpec> = {}): EntrySpec => ({
  url: `${APP}/csrfToken`,
  status: 200,
  body: text,
  mimeType: JSON_MIME,
  ...extra,
});
const call: EntrySpec = {
  method: 'POST',
  url: `${APP}/api/v1/notes`,
  status: 403,
  requestHeaders: { 'Content-Type': 'application/json' },
  requestBody: '{"text":"x"}',
  requestMimeType: 'application/json',
};
const read = (specs: EntrySpec[]) => {
  const log = new LogIndex(makeHar(specs));
  return jsonCsrfToken(log.exchanges.at(-1)!, log);
};
/** A token object of exactly `size` characters: the token and a padding field. */
const sized = (size: number) => {
  const head = `{"_csrf":"${TOKEN}","pad":"`;
  return `${head}${'a'.repeat(size - head.length - 2)}"}`;
};

describe('jsonCsrfToken: what is a token answer', () => {
  it('takes a token object of up to 2048 characters, and not one character more', () => {
    expect(sized(2048)).toHaveLength(2048);
    expect(read([grant(sized(2048)), call])?.value).toBe(TOKEN);
    expect(read([grant(sized(2049)), call])).toBeNull();
  });

  it('takes a 2xx answer only: 200 and 299, not 199 or 300', () => {
    expect(read([grant(`{"_csrf":"${TOKEN}"}`, { status: 299 }), call])?.value).toBe(TOKEN);
    expect(read([grant(`{"_csrf":"${TOKEN}"}`, { status: 300 }), call])).toBeNull();
    expect(read([grant(`{"_csrf":"${TOKEN}"}`, { status: 199 }), call])).toBeNull();
  });

  it('takes a string token only: a list of eight values under the name is no token', () => {
    expect(read([grant('{"_csrf":["a","b","c","d","e","f","g","h"]}'), call])).toBeNull();
    expect(read([grant(`"${TOKEN}"`), call])).toBeNull();
    expect(read([grant('12345678'), call])).toBeNull();
  });

  it('passes over an exchange whose URL did not parse, and still finds the token before it', () => {
    expect(
      read([grant(`{"_csrf":"${TOKEN}"}`), grant(`{"_csrf":"${TOKEN}"}`, { url: 'not a url' }), call]),
    ).toMatchObject({ value: TOKEN, sent: 'none' });
  });
});
