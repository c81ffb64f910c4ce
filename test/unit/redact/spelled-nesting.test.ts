// A secret inside text spelled out in `\u` escapes, itself spelled out again (a hostile page, or
// a serialiser that escapes everything, run over its own output): each layer makes the secret's
// form 6 times longer, past the usual bound of the forms hunted (lib/redact/forms.ts MAX_GROWTH),
// so until the layers were told apart (forms.ts `unicode`) the redacted body kept the secret two
// `\u` layers down. Up to MAX_SPELLED layers a secret is redacted where it sits, named or by its
// shape, at every nesting with the other encodings; a deeper text is withheld whole.
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../../lib/redact';
import { exportEntry } from '../../../lib/export';
import type { Har } from '../../../lib/har/types';
import { makeEntry, makeHar } from '../../support/har';
import { survives } from './nesting';

const NAMED = 'Zq4bT9kLm2Xw7Rp1Vc8Hn';
// A GitHub personal access token: found by its shape (shapes.ts key prefixes), named by nothing.
const SHAPED = 'ghp_4bT9kLm2Xw7Rp1Vc8Hn3Qs6Yd0Fj5Ue2Ka';

const uEscape = (s: string) => [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
const LAYERS: Record<string, (t: string) => string> = {
  unicode: (t) => `{"d":"${uEscape(t)}"}`,
  url: (t) => encodeURIComponent(t),
  formField: (t) => `a=1&data=${encodeURIComponent(t)}`,
  multipart: (t) => `--XyZb0und\r\nContent-Disposition: form-data; name="blob"\r\n\r\n${t}\r\n--XyZb0und--\r\n`,
  jsonString: (t) => JSON.stringify({ data: t }),
  base64: (t) => Buffer.from(t, 'utf8').toString('base64'),
};
const CORES: Record<string, (v: string) => string> = {
  'a JSON field': (v) => `{"api_key":"${v}","other":"kept"}`,
  'a form field': (v) => `keep=1&refreshToken=${v}&also=2`,
  'prose, by its shape': (v) => `deploy with ${v} then`,
};

const NESTINGS = [
  ['unicode', 'unicode'],
  ['unicode', 'unicode', 'unicode'],
  ['unicode', 'unicode', 'url'],
  ['unicode', 'url', 'unicode'],
  ['unicode', 'unicode', 'formField', 'multipart'],
  ['unicode', 'formField', 'multipart', 'unicode'],
  ['unicode', 'unicode', 'jsonString'],
  ['jsonString', 'unicode', 'unicode', 'unicode'],
  ['unicode', 'base64', 'unicode'],
  ['unicode', 'formField', 'unicode', 'formField'],
];

function capture(text: string, where: 'request' | 'response'): Har {
  const e = makeEntry({
    method: 'POST',
    url: 'https://api.example.com/v1/login',
    status: 403,
    requestBody: where === 'request' ? text : '{"user":"ann"}',
    requestMimeType: 'text/plain',
    body: where === 'response' ? text : '{"error":"forbidden"}',
    mimeType: 'application/json',
  });
  return { log: { ...makeHar([]).log, entries: [e] } };
}

const cases = NESTINGS.flatMap((layers) => Object.keys(CORES).map((core) => [core, layers.join('>')] as const));

describe('a secret spelled out in `\\u` escapes two and three times over', () => {
  it.each(cases)('%s under %s is redacted where it sits, in the HAR and in a curl export', (core, nesting) => {
    const secret = core.includes('shape') ? SHAPED : NAMED;
    let text = CORES[core]!(secret);
    for (const l of nesting.split('>')) text = LAYERS[l]!(text);
    for (const where of ['request', 'response'] as const) {
      const har = capture(text, where);
      // The secret is there before redaction, through the layers.
      expect(survives(text, secret)).toBe(true);
      const out = redactHar(har).har;
      const e = out.log.entries[0]!;
      const body = String(where === 'request' ? e.request.postData!.text : e.response.content!.text);
      expect(survives(body, secret)).toBe(false);
      // Redacted in place, not withheld whole: the text around the secret is still there.
      expect(body).toMatch(/WHY403_/);
      expect(body).not.toMatch(/WHY403_UNREAD/);
      expect(body.slice(0, 12)).toBe(text.slice(0, 12));
      const curl = exportEntry(har.log.entries[0]!, 'curl', { redact: true, index: 0, log: har.log.entries });
      expect(survives(curl, secret)).toBe(false);
    }
  });

  it('a text spelled out more than MAX_SPELLED times over is withheld whole', () => {
    let text = CORES['a JSON field']!(NAMED);
    for (let i = 0; i < 4; i++) text = LAYERS.unicode!(text);
    const out = redactHar(capture(text, 'request')).har;
    const body = String(out.log.entries[0]!.request.postData!.text);
    expect(survives(body, NAMED)).toBe(false);
    expect(body).toMatch(/WHY403_UNREAD/);
  });
});
