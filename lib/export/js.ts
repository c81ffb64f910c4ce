import type { Text } from '../redact';
import { toBase64 } from './bytes';
import type { ExportBody } from './types';

// JSON escapes quotes, backslashes, C0 and lone surrogates; these it leaves raw. U+2028/9 end
// a line in pre-2019 engines and in every `//` comment; bidi and invisible characters make
// the code read differently from what it does. All become \u escapes.
const JS_RAW = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** The one way the JS exports write text: a string literal in which nothing is raw but plain text. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(JS_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Fetch Standard: these methods throw; these are upper-cased whatever their case.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const NORMALISED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Why fetch() cannot send this method as recorded; null when it can. */
export function fetchMethodProblem(method: string): string | null {
  const upper = method.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) return `fetch() refuses the ${upper} method`;
  if (NORMALISED_METHODS.has(upper) && method !== upper) return `fetch() would send ${method} as ${upper}`;
  return null;
}

/** A note when WHATWG URL parsing (what fetch() does) changes the recorded URL. */
export function fetchUrlNote(url: Text): string | null {
  if (url.some((p) => typeof p !== 'string')) return null;
  const raw = url.join('');
  try {
    const href = new URL(raw).href;
    const noFragment = raw.replace(/#.*/s, '');
    return href.replace(/#.*/s, '') === noFragment ? null : `fetch() sends the URL as it parses it: ${href}`;
  } catch {
    return null;
  }
}

/** A text as a JS expression: literals and placeholder expressions joined with +. */
export function jsExpr(t: Text, ref: (name: string) => string): string {
  if (t.length === 0) return '""';
  return t.map((p) => (typeof p === 'string' ? jsString(p) : ref(p.ref))).join(' + ');
}

/**
 * A header value for fetch(). Header values are byte strings (one char per byte), so
 * non-ASCII text is turned into its UTF-8 bytes first, as curl sends it from a UTF-8 shell.
 */
export function jsHeaderValue(t: Text, ref: (name: string) => string, utf8Bytes: (expr: string) => string): string {
  const expr = jsExpr(t, ref);
  const ascii = t.every((p) => typeof p !== 'string' || ![...p].some((c) => c.charCodeAt(0) > 0x7f));
  return ascii ? expr : utf8Bytes(expr);
}

/**
 * The body as a fetch() body. A string body with no Content-Type would make fetch add
 * "text/plain;charset=UTF-8", so such bodies are sent as bytes instead.
 */
export function jsBody(
  body: ExportBody,
  hasContentType: boolean,
  ref: (name: string) => string,
  bytesFromBase64: (b64: string) => string,
): string {
  if (body.kind === 'bytes') return bytesFromBase64(toBase64(body.bytes));
  const expr = jsExpr(body.text, ref);
  return hasContentType ? expr : `new TextEncoder().encode(${expr})`;
}

export const PRINT_RESPONSE = [
  '.then(async (res) => {',
  '  console.log(res.status, res.statusText);',
  '  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);',
  '  console.log(await res.text());',
  '});',
];
