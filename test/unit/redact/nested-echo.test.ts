// A secret found a few encodings deep is hunted in the forms those encodings give it, encoded
// again as captures encode (lib/redact/forms.ts nestedForms): a server that echoes it the same
// way in another entry does not carry it out. The forms are bounded (a form at most about ten
// times its value: what real encoders do together); these are the nestings inside that bound.
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../../lib/redact';
import type { Har } from '../../../lib/har/types';
import { makeEntry, makeHar } from '../../support/har';

const SECRET = 'Pw7-Sq2_vX9+kLm4/Hn8=Rt3!Za6';
const jsonString = (s: string) => JSON.stringify(s).slice(1, -1);
const uEscape = (s: string) => [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** The sign-in that names the secret, as JSON inside a JSON string (a wrapped payload). */
function capture(echo: string): Har {
  const login = makeEntry({ method: 'POST', url: 'https://api.example.com/login', status: 200 }, 0);
  const inner = JSON.stringify({ username: 'ann', password: SECRET });
  login.request.postData = { mimeType: 'application/json', text: JSON.stringify({ payload: inner }) };
  const audit = makeEntry({ url: 'https://api.example.com/audit', status: 403, mimeType: 'application/json' }, 1);
  audit.response.content = { size: 0, mimeType: 'application/json', text: `{"log":"${echo}"}` };
  return { log: { ...makeHar([]).log, entries: [login, audit] } };
}

/** Every way back to the secret from the echo's text: JSON-unescaped, `\u`-unescaped, URL-decoded. */
function decodings(text: string): string[] {
  const out = new Set([text]);
  for (let round = 0; round < 4; round++)
    for (const t of [...out]) {
      out.add(t.replace(/\\\\/g, '\\').replace(/\\"/g, '"'));
      out.add(t.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
      try {
        out.add(decodeURIComponent(t));
      } catch {
        // Not URL-encoded.
      }
    }
  return [...out];
}

describe('a secret found inside JSON inside a JSON string', () => {
  it.each([
    ['`\\u`-escaped inside a JSON string (7× its length)', jsonString(uEscape(SECRET))],
    ['JSON-escaped twice', jsonString(jsonString(jsonString(SECRET)))],
    ['URL-encoded twice inside a JSON string', jsonString(encodeURIComponent(encodeURIComponent(SECRET)))],
    ['`\\u`-escaped, URL-encoded', encodeURIComponent(uEscape(SECRET))],
  ])('echoed %s in another entry does not leave the redacted HAR', (_, echo) => {
    // The echo is there before redaction, in the form named.
    expect(decodings(echo)).toContain(SECRET);
    const out = redactHar(capture(echo)).har;
    const body = String(out.log.entries[1]!.response.content!.text);
    expect(decodings(body).some((t) => t.includes(SECRET))).toBe(false);
    expect(body).toMatch(/^\{"log":".*\$\{WHY403_/);
  });
});
