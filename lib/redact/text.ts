import { trimEndChar } from '../model/trim';

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
