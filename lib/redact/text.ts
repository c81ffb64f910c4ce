import { trimEndChar } from '../model/trim';

/** One display line: control characters and JS/Unicode line separators made visible, then cut. */
export function clip(value: string, max = 120): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0))
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else out += c;
    if (out.length >= max) return `${out.slice(0, max - 1)}…`;
  }
  return out;
}

/** base64url of UTF-8 text (JWT segments). */
export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return trimEndChar(btoa(bin).replace(/\+/g, '-').replace(/\//g, '_'), '=');
}

/** decodeURIComponent that returns the input instead of throwing on a broken escape. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
