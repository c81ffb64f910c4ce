import type { Text } from '../redact';
import { toBase64 } from './bytes';
import type { ExportBody } from './types';

/** A JavaScript string literal (JSON's escaping is valid JS, lone surrogates included). */
export function jsString(s: string): string {
  return JSON.stringify(s);
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
