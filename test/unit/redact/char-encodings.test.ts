// Secrets written a character or a byte at a time, and secrets nested in hex or UTF-16 text (the
// trust issue: "secrets still leave through encodings and nestings redaction does not read").
// - A known secret echoed as hex (`bytes.hex()`), HTML numeric references for every character
//   (OWASP ESAPI's encodeForHTML), `\xHH` / `\u{H}` escapes (encodeForJavaScript), or UTF-16LE base64
//   (PowerShell's -EncodedCommand) is hunted in those forms.
// - A secret named inside a hex-encoded or UTF-16LE base64 text is learned there, so it is redacted
//   in that text and wherever it is echoed.
// The oracle decodes every such form itself: a secret found by any decoding is a leak.
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../../lib/redact';
import { makeHar, type EntrySpec } from '../../support/har';

const SECRET = 'Zq8vN3kLp2Xw7RtY9mBc4HdS';
const PASSWORD = 'hunter2-Sommer!2024';

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const wide64 = (s: string) => Buffer.from(s, 'utf16le').toString('base64');
const each = (s: string, f: (c: number) => string) => [...s].map((c) => f(c.codePointAt(0)!)).join('');
const decRefs = (s: string) => each(s, (c) => `&#${c};`);
const hexRefs = (s: string) => each(s, (c) => `&#x${c.toString(16)};`);
const xEsc = (s: string) => each(s, (c) => `\\x${c.toString(16).padStart(2, '0')}`);
const braceEsc = (s: string) => each(s, (c) => `\\u{${c.toString(16)}}`);

/** Every text the oracle can read out of `text`: as is, and each decoding the encoders above write. */
function readings(text: string): string[] {
  const out = [text];
  out.push(text.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))));
  out.push(text.replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d))));
  out.push(text.replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  out.push(text.replace(/\\u\{([0-9a-f]+)\}/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))));
  for (const m of text.matchAll(/[0-9a-fA-F]{8,}/g)) {
    for (const skip of [0, 1]) out.push(Buffer.from(m[0].slice(skip), 'hex').toString('latin1'));
  }
  for (const m of text.matchAll(/[A-Za-z0-9+/]{8,}={0,2}/g)) {
    for (let skip = 0; skip < 4; skip++) {
      const bytes = Buffer.from(m[0].slice(skip), 'base64');
      out.push(bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le'));
    }
  }
  return out;
}
const leaks = (text: string, secret: string) => readings(text).some((r) => r.includes(secret));

const login: EntrySpec = {
  method: 'POST',
  url: 'https://app.example.test/login',
  requestBody: JSON.stringify({ user: 'ann', password: SECRET }),
  status: 200,
  body: '{}',
};
const echo = (body: string): EntrySpec => ({
  url: 'https://app.example.test/echo',
  status: 200,
  body,
  mimeType: 'text/html',
});
const redacted = (specs: EntrySpec[]) => JSON.stringify(redactHar(makeHar(specs)).har);

describe('a known secret echoed a character or a byte at a time', () => {
  const forms: Record<string, string> = {
    'hex, lower case': `{"blob":"${hex(SECRET)}"}`,
    'hex, upper case': `{"blob":"${hex(SECRET).toUpperCase()}"}`,
    'hex inside a longer hex run': `{"blob":"00ff${hex(`pre-${SECRET}-post`)}ff00"}`,
    'HTML decimal references': `<p>${decRefs(SECRET)}</p>`,
    'HTML hex references': `<p>${hexRefs(SECRET)}</p>`,
    'HTML hex references, upper case': `<p>${hexRefs(SECRET).toUpperCase().replace(/&#X/g, '&#x')}</p>`,
    'JavaScript \\x escapes': `var t = "${xEsc(SECRET)}";`,
    'JavaScript \\u{} escapes': `var t = "${braceEsc(SECRET)}";`,
    'UTF-16LE base64 (PowerShell -EncodedCommand)': `pwsh -EncodedCommand ${wide64(`$t = '${SECRET}'`)}`,
  };
  for (const [name, body] of Object.entries(forms))
    it(name, () => {
      expect(leaks(body, SECRET), 'the oracle reads the planted form').toBe(true);
      expect(leaks(redacted([login, echo(body)]), SECRET)).toBe(false);
    });
});

describe('a secret named inside hex or UTF-16LE text', () => {
  const inner = JSON.stringify({ user: 'ann', password: PASSWORD });
  const containers: Record<string, string> = {
    'a hex-encoded JSON body': hex(inner),
    'a hex-encoded JSON body, upper case': hex(inner).toUpperCase(),
    'hex JSON inside a JSON field': JSON.stringify({ data: hex(inner) }),
    'UTF-16LE base64 JSON inside a JSON field': JSON.stringify({ cmd: wide64(inner) }),
    'a PowerShell -EncodedCommand in a query': `cmd=${encodeURIComponent(`pwsh -e ${wide64(`Invoke-RestMethod -Body '${inner}'`)}`)}`,
  };
  for (const [name, body] of Object.entries(containers))
    it(`${name}: learned there, and its echo elsewhere redacted`, () => {
      const sent: EntrySpec = {
        method: 'POST',
        url: 'https://app.example.test/api',
        requestBody: body,
        requestMimeType: 'text/plain',
        status: 200,
        body: '{}',
      };
      expect(leaks(body, PASSWORD), 'the oracle reads the planted form').toBe(true);
      const out = redacted([sent, echo(`<p>Your password is ${PASSWORD}</p>`)]);
      expect(leaks(out, PASSWORD)).toBe(false);
    });
});

describe('hex and UTF-16 look-alikes stay as they are', () => {
  const keep = (text: string) => {
    const har = makeHar([login, echo(text)]);
    return redactHar(har).har.log.entries[1]!.response.content!.text;
  };

  it('digests, ids and hex of binary are data', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const uuid = '550e8400e29b41d4a716446655440000';
    const bytes = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 73 + 11) % 256)).toString('hex');
    // Hex of text that holds no secret: read, nothing found, kept.
    const words = hex('{"user":"ann","theme":"dark","locale":"de-AT"}');
    const text = `{"sha256":"${sha256}","id":"${uuid}","bytes":"${bytes}","prefs":"${words}"}`;
    expect(keep(text)).toBe(text);
  });

  it('a short secret is not hunted a character at a time', () => {
    const pin: EntrySpec = { ...login, requestBody: JSON.stringify({ user: 'ann', pin: '4829' }) };
    // "4829" in hex is 34383239; an id holding those digits is not the PIN.
    const text = '{"trace":"00ab34383239cdef0011"}';
    const har = makeHar([pin, echo(text)]);
    expect(redactHar(har).har.log.entries[1]!.response.content!.text).toBe(text);
  });
});
