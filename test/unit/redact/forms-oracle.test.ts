import { describe, expect, it } from 'vitest';
import { encodedForms, huntMode, isDistinctive, MIN_TOKEN, nestedForms } from '../../../lib/redact/forms';

// The forms a known secret is hunted in, checked against encoders this file computes itself (Node's
// Buffer, encodeURIComponent, JSON.stringify), not against lib/redact's own helpers.
const json = (s: string) => JSON.stringify(s).slice(1, -1);
const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const uEscape = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

describe('which values are hunted, and how', () => {
  it('a value is distinctive from 8 characters when mixed, from 16 when plain letters', () => {
    expect(isDistinctive('aB3$x')).toBe(false);
    expect(isDistinctive('abcdefgh')).toBe(false);
    expect(isDistinctive('ABCDEFGHIJKLMNO')).toBe(false);
    expect(isDistinctive('abcdefghijklmnop')).toBe(true);
    expect(isDistinctive('abcdefg1')).toBe(true);
    expect(isDistinctive('abcdefgH')).toBe(true);
    expect(isDistinctive('abcdefg-')).toBe(true);
    expect(isDistinctive('ABCDEFGH')).toBe(false);
  });

  it('a named secret is hunted as a token from 4 characters, never as a bare literal', () => {
    expect(huntMode('s3cr3t-Value', 'cookie')).toBe('anywhere');
    expect(huntMode('hunter', 'password')).toBe('token');
    expect(huntMode('4829', 'body')).toBe('token');
    expect(huntMode('482', 'body')).toBeNull();
    expect(huntMode('True', 'query')).toBeNull();
    expect(huntMode('hunter', 'cookie')).toBeNull();
    expect(MIN_TOKEN).toBe(4);
  });
});

describe('encodedForms: the forms captures write a value in', () => {
  const value = 'p@ss w/rd"<9>&\'é';

  it('holds the value raw, URL-encoded once and twice and with +, JSON- and HTML-escaped, and \\u-escaped', () => {
    const forms = encodedForms(value);
    const url = encodeURIComponent(value);
    for (const f of [
      value,
      url,
      encodeURIComponent(url),
      url.replace(/%20/g, '+'),
      json(value),
      json(json(value)),
      html(value),
      html(json(value)),
      encodeURIComponent(json(value)),
      uEscape(value),
    ])
      expect(forms, f).toContain(f);
  });

  it('holds a long value in base64 and base64url at every alignment', () => {
    const long = 'sk_live_51HqExampleSecretValue/with+chars';
    const forms = encodedForms(long);
    for (const prefix of ['', 'x', 'xy']) {
      const b64 = Buffer.from(prefix + long).toString('base64');
      expect(
        forms.some((f) => f.length >= 12 && b64.includes(f)),
        `after ${prefix.length} bytes`,
      ).toBe(true);
      const url = Buffer.from(prefix + long).toString('base64url');
      expect(forms.some((f) => f.length >= 12 && url.includes(f))).toBe(true);
    }
  });

  it('holds a short value a character at a time: hex, HTML references, \\x and \\u{} escapes, UTF-16LE base64', () => {
    const v = 'Tr0ub4dor&3';
    const forms = encodedForms(v);
    const hex = Buffer.from(v).toString('hex');
    const codes = [...v].map((c) => c.charCodeAt(0));
    for (const f of [
      hex,
      hex.toUpperCase(),
      codes.map((c) => `&#${c};`).join(''),
      codes.map((c) => `&#x${c.toString(16)};`).join(''),
      codes.map((c) => `\\x${c.toString(16).padStart(2, '0')}`).join(''),
      codes.map((c) => `\\u{${c.toString(16)}}`).join(''),
    ])
      expect(forms, f).toContain(f);
    const wide = Buffer.from(v, 'utf16le').toString('base64');
    expect(forms.some((f) => f.length >= 12 && wide.includes(f))).toBe(true);
  });

  it('builds no character forms for a value under 8 characters, and none shorter than a token', () => {
    const forms = encodedForms('ab1$');
    expect(forms).not.toContain(Buffer.from('ab1$').toString('hex'));
    expect(forms.every((f) => f.length >= MIN_TOKEN)).toBe(true);
  });
});

describe('nestedForms: a value found under layers of encoding', () => {
  const v = 'pa ss/wörd"1';

  it('each layer adds its encodings of the value, and never the value alone', () => {
    const cases: [Parameters<typeof nestedForms>[1], string][] = [
      [['percent'], encodeURIComponent(v)],
      [['plus'], encodeURIComponent(v).replace(/%20/g, '+')],
      [['html'], html(v)],
      [['js'], json(v)],
      [['hex'], Buffer.from(v).toString('hex')],
      [['percent', 'js'], encodeURIComponent(json(v))],
    ];
    for (const [path, form] of cases) {
      const forms = nestedForms(v, path);
      expect(forms, path.join('>')).toContain(form);
      expect(forms, path.join('>')).not.toContain(v);
    }
  });

  it('a value under base64 or UTF-16 is hunted in its base64 forms', () => {
    const long = 'a long secret value, 32 bytes!!';
    const b64 = Buffer.from(long).toString('base64');
    expect(nestedForms(long, ['base64']).some((f) => f.length >= 12 && b64.includes(f))).toBe(true);
    const wide = Buffer.from(long, 'utf16le').toString('base64');
    expect(nestedForms(long, ['utf16']).some((f) => f.length >= 12 && wide.includes(f))).toBe(true);
  });

  it('stays within twelve times the value (plus 64) however deep the nesting', () => {
    const deep = nestedForms(v, ['js', 'js', 'js', 'percent', 'percent', 'js']);
    expect(deep.length).toBeGreaterThan(0);
    expect(deep.every((f) => f.length <= 12 * v.length + 64)).toBe(true);
  });
});
