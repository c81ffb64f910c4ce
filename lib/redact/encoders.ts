// The encoders a known secret's forms are written with (forms.ts): how serialisers, URLs, HTML and
// base64 spell a value, so that the vault can hunt each spelling.

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * What `value` looks like inside any base64 text that contains it: for each of the three byte
 * alignments, the characters that depend only on the value's bytes (both alphabets). The bytes
 * are its UTF-8, or with `latin1` its characters taken as bytes (a byte string built by the caller).
 */
export function base64Cores(value: string, latin1 = false): string[] {
  const out: string[] = [];
  const bytes = latin1 ? Uint8Array.from(value, (c) => c.charCodeAt(0)) : utf8Bytes(value);
  // Stryker disable next-line EqualityOperator: a pad of three bytes is a whole group, whose core is the unpadded one
  for (let pad = 0; pad < 3; pad++) {
    const all = new Uint8Array(pad + bytes.length);
    all.set(bytes, pad);
    // Each base64 character holds 6 bits: character k holds bits 6k..6k+5 of the bytes. Those
    // from the first holding no bit of the pad to the last holding only the value's bits are the
    // same whatever comes before or after (the encoder's zero fill and `=` fall past them).
    const core = toBase64(all).slice(Math.ceil((pad * 4) / 3), Math.floor((all.length * 4) / 3));
    if (core.length >= 12) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

export function urlEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    // A lone surrogate cannot be URL-encoded, and no browser would have sent one.
    return s;
  }
}

export const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);

/** Every character as `\uXXXX`: how some serialisers (and hostile pages) write JSON strings. */
export function unicodeEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += '\\u' + s.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

export const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** A value's UTF-8 bytes in lower-case hex. */
export function hexOf(value: string): string {
  let hex = '';
  for (const b of utf8Bytes(value)) hex += hex2(b);
  return hex;
}

/** A value's UTF-16LE bytes, one character per byte (for base64Cores' `latin1`). */
export function utf16Bytes(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += String.fromCharCode(c & 0xff, c >> 8);
  }
  return out;
}
