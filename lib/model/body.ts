import type { HarContent, HarPostData } from '../har/types';
import { base64ToBytes } from './base64';
import { chunkArrayBytes, compressionOf, inflateCapped, recordedContentBytes } from './content-bytes';

/** How much of a body the engine reads. Signatures live in the first bytes of an error page. */
export const BODY_CAP = 256 * 1024;

export interface BodyView {
  /** Decoded text, cut at BODY_CAP; null when absent or binary. */
  text: string | null;
  mimeType: string;
  /** True when the captured body was longer than what we read. */
  truncated: boolean;
  binary: boolean;
  /** Why the body could not be read, for evidence ("not captured", "binary image/png", …). */
  note?: string;
}

const TEXTUAL =
  /^(text\/|application\/(.*\+)?(json|xml|javascript|x-www-form-urlencoded|problem\+json|graphql)|image\/svg)/i;

export function isTextualMime(mime: string): boolean {
  return mime === '' || mime === 'x-unknown' || TEXTUAL.test(mime);
}

function decodeBase64(b64: string, cap: number): { text: string; binary: boolean; truncated: boolean } {
  // Decode only what we may read (4 base64 chars hold 3 bytes), unless it is compressed: then
  // all of it is inflated, up to what we may read (content-bytes.ts says which recorders do so).
  const chunks = chunkArrayBytes(b64);
  // Stryker disable next-line MethodExpression,ArithmeticOperator: decoding more than the cap only costs time; the text is cut at the cap below
  const head = chunks ?? base64ToBytes(b64.slice(0, Math.ceil((cap * 4) / 3 / 4) * 4));
  if (!head) return { text: '', binary: true, truncated: false };
  // Stryker disable next-line ConditionalExpression: inflating what is not compressed gives null and falls through; the check saves decoding it all
  if (compressionOf(head)) {
    const all = chunks ?? base64ToBytes(b64);
    const inflated = all ? inflateCapped(all, cap) : null;
    if (inflated) return { ...decodeBytes(inflated.bytes), truncated: !inflated.complete };
  }
  return { ...decodeBytes(head.subarray(0, cap)), truncated: b64.length * 0.75 > cap };
}

function decodeBytes(bytes: Uint8Array): { text: string; binary: boolean } {
  let control = 0;
  const probe = Math.min(bytes.length, 4096);
  for (let i = 0; i < probe; i++) {
    const b = bytes[i]!;
    if (b === 0) return { text: '', binary: true };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (probe > 0 && control / probe > 0.1) return { text: '', binary: true };
  // Not fatal: a Latin-1 page keeps its readable ASCII, with U+FFFD for the rest.
  return { text: new TextDecoder('utf-8').decode(bytes), binary: false };
}

/** Reads a response body safely: capped, base64 decoded, binary recognised, never throws. */
export function readResponseBody(content: HarContent | undefined, cap = BODY_CAP): BodyView {
  const mimeType = String(content?.mimeType ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const raw = content?.text;
  if (!content || typeof raw !== 'string' || raw.length === 0) {
    return {
      text: null,
      mimeType,
      truncated: false,
      binary: false,
      note: raw === undefined ? 'body not captured' : undefined,
    };
  }
  if (content.encoding === 'base64') {
    if (!isTextualMime(mimeType)) {
      return { text: null, mimeType, truncated: false, binary: true, note: `binary ${mimeType || 'body'} not read` };
    }
    const { text, binary, truncated } = decodeBase64(raw, cap);
    if (binary) return { text: null, mimeType, truncated: false, binary: true, note: 'binary body not read' };
    return { text, mimeType, truncated, binary: false };
  }
  // A compressed body nock (or Polly before v5) kept as hex chunks: what it inflates to.
  // Stryker disable next-line ConditionalExpression,StringLiteral: saves trying text that is no chunk list; it would read as null anyway
  const hex = raw.startsWith('["') ? recordedContentBytes(raw, 'hex-chunks', cap) : null;
  if (hex) {
    const { text, binary } = decodeBytes(hex.bytes);
    if (binary) return { text: null, mimeType, truncated: false, binary: true, note: 'binary body not read' };
    return { text, mimeType, truncated: !hex.complete, binary: false };
  }
  // A NUL in text content means the browser stored binary as text; don't scan it as a page.
  const head = raw.slice(0, cap);
  if (head.slice(0, 4096).includes('\u0000')) {
    return { text: null, mimeType, truncated: false, binary: true, note: 'binary body not read' };
  }
  return { text: head, mimeType, truncated: raw.length > cap, binary: false };
}

/** Request body text (form params joined when only params were recorded). */
export function readRequestBody(post: HarPostData | undefined, cap = BODY_CAP): string | null {
  if (!post) return null;
  if (typeof post.text === 'string') {
    const enc = post.encoding ?? post._encoding;
    if (enc === 'base64') return null;
    return post.text.slice(0, cap);
  }
  if (Array.isArray(post.params)) {
    return post.params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value ?? '')}`).join('&');
  }
  return null;
}

/** The boundary parameter of a multipart Content-Type (RFC 2046 §5.1.1), or null. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
