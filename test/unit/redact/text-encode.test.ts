import { describe, expect, it } from 'vitest';
import { base64UrlEncode, safeDecode } from '../../../lib/redact/text';

// A redacted JWT's header and claims are written back as base64url without padding (RFC 7515 §2),
// so the HAR's token still parses: `+` and `/` never appear, nor a trailing `=`.
describe('base64url', () => {
  it('is UTF-8 base64 with - for +, _ for / and no padding, at every length', () => {
    for (const text of ['', 'a', 'ab', 'abc', '>>>', '???', '>>>???~~~', '{"sub":"zoë 😀"}', 'ÿþý'])
      expect(base64UrlEncode(text), text).toBe(Buffer.from(text, 'utf8').toString('base64url'));
    expect(base64UrlEncode('>>>???')).toBe('Pj4-Pz8_');
  });
});

describe('safeDecode', () => {
  it('decodes percent escapes, and gives a broken escape back unchanged', () => {
    expect(safeDecode('access%5Ftoken%20%C3%A9')).toBe('access_token é');
    expect(safeDecode('100%')).toBe('100%');
    expect(safeDecode('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
