import { Gunzip, Unzlib } from 'fflate';
import { base64ToBytes } from './base64';

// A HAR's content.text is meant to be the decoded body (HAR 1.2, "content": "text … decoded
// (decompressed & unchunked)"), but recorders do not all do so. Polly.JS's node-http adapter
// stores a compressed response as it came off the wire: `encoding: "base64"` and a JSON array of
// base64 chunks, each chunk encoded on its own, of a gzip stream (its NodeHttpAdapter,
// https://github.com/Netflix/pollyjs/blob/master/packages/@pollyjs/adapter-node-http/src/index.js).
// Diagnosis has to read what the server said, and redaction has to see every secret in it, so
// both read the body through here: chunks joined, then gzip or zlib inflated.

/** Bytes pushed to the inflater at once: DEFLATE reaches ~1032:1, so one push yields ≤ ~1 MB. */
const PUSH = 1024;

export type Compression = 'gzip' | 'zlib';

/** gzip (RFC 1952: 1f 8b, method 8) or zlib (RFC 1950: CM 8, FCHECK, no preset dictionary). */
export function compressionOf(bytes: Uint8Array): Compression | null {
  if (bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8) return 'gzip';
  const [cmf, flg] = [bytes[0] ?? 0, bytes[1] ?? 0];
  if (bytes.length >= 6 && (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0)
    return 'zlib';
  return null;
}

export interface Inflated {
  bytes: Uint8Array;
  /** False when the output reached `cap` before the stream ended: `bytes` is its first `cap` bytes. */
  complete: boolean;
}

class Full extends Error {}

/**
 * The bytes a gzip or zlib stream inflates to, at most `cap` of them however much the stream
 * claims (a crafted body can inflate to gigabytes); null when `bytes` is not such a stream or is
 * broken before `cap` bytes came out.
 */
export function inflateCapped(bytes: Uint8Array, cap: number): Inflated | null {
  const kind = compressionOf(bytes);
  // Stryker disable next-line ConditionalExpression: a stream that is neither fails to inflate (null below); the check saves the try
  if (!kind) return null;
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = kind === 'gzip' ? new Gunzip() : new Unzlib();
  stream.ondata = (chunk) => {
    const room = cap - size;
    parts.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    size += Math.min(chunk.length, room);
    if (chunk.length > room) throw new Full();
  };
  let complete = true;
  try {
    for (let i = 0; i < bytes.length; i += PUSH) stream.push(bytes.subarray(i, i + PUSH), i + PUSH >= bytes.length);
  } catch (err) {
    if (!(err instanceof Full)) return null;
    complete = false;
  }
  // A stream that ends early or lies is not one: fflate stops quietly at a cut, so a gzip member's
  // trailer (ISIZE, the length mod 2^32, RFC 1952 §2.3.1) must agree, and a zlib stream give something.
  if (complete && (size === 0 || (kind === 'gzip' && isize(bytes) !== size % 2 ** 32))) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { bytes: out, complete };
}

function isize(bytes: Uint8Array): number {
  const n = bytes.length;
  return (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
}

/** A JSON array of strings (a recorder's chunk list), or null. */
function stringArray(text: string): string[] | null {
  const t = text.trim();
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: saves parsing a body that is no such array; JSON.parse and the checks below say the same
  if (!t.startsWith('["') || !t.endsWith('"]')) return null;
  let chunks: unknown;
  try {
    chunks = JSON.parse(t);
  } catch {
    return null;
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: text that starts '["' and parses is an array
  return Array.isArray(chunks) && chunks.every((c) => typeof c === 'string') ? (chunks as string[]) : null;
}

/**
 * Polly's chunk array (`["H4sI…","…"]`, each element base64 on its own) as the bytes it encodes;
 * null when the text is not such an array.
 */
export function chunkArrayBytes(text: string): Uint8Array | null {
  const chunks = stringArray(text);
  if (!chunks) return null;
  const decoded: Uint8Array[] = [];
  for (const c of chunks) {
    const b = base64ToBytes(c);
    if (!b) return null;
    decoded.push(b);
  }
  const out = new Uint8Array(decoded.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of decoded) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * nock's recorder persists a content-encoded response as a JSON array of hex strings, one per
 * chunk ("the body shouldn't be merged but instead persisted as an array of hex strings", nock
 * lib/recorder.js `getBodyFromChunks`, https://github.com/nock/nock/blob/v13.0.0/lib/recorder.js),
 * and Polly.JS's node-http adapter, built on nock, wrote them into HAR so before its version 5,
 * with no `encoding` field and `_isBinary: true` (test/fixtures/realworld/adobe__helix-embed).
 * The bytes of such an array when they are a gzip or zlib stream, else null: only a compressed
 * response is written so, and a JSON array of hex ids that is not one stays the data it is.
 */
export function hexChunkBytes(text: string): Uint8Array | null {
  const chunks = stringArray(text);
  if (!chunks || !chunks.every((c) => /^(?:[0-9a-fA-F]{2})*$/.test(c))) return null;
  const hex = chunks.join('');
  const out = Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return compressionOf(out) ? out : null;
}

export interface ContentBytes {
  bytes: Uint8Array;
  /** The body was compressed and `bytes` are what it inflates to. */
  inflated: boolean;
  /** False when inflating stopped at the cap: `bytes` is only the start of the body. */
  complete: boolean;
}

/**
 * The bytes of a base64 body (`encoding: "base64"`): plain base64 or Polly's chunk array,
 * inflated (up to `cap` bytes) when it is a gzip or zlib stream. Null when it is neither form.
 */
export function base64ContentBytes(text: string, cap: number): ContentBytes | null {
  const raw = chunkArrayBytes(text) ?? base64ToBytes(text);
  if (!raw) return null;
  const inflated = inflateCapped(raw, cap);
  if (inflated) return { bytes: inflated.bytes, inflated: true, complete: inflated.complete };
  return { bytes: raw, inflated: false, complete: true };
}

/** How a recorder wrote a body that is not plain text. */
export type RecordedForm = 'base64' | 'hex-chunks';

/**
 * The bytes a recorded body stands for: base64 (`encoding: "base64"`, base64ContentBytes) or a
 * hex chunk array (hexChunkBytes), inflated up to `cap`. Null when it is not in that form.
 */
export function recordedContentBytes(text: string, form: RecordedForm, cap: number): ContentBytes | null {
  if (form === 'base64') return base64ContentBytes(text, cap);
  const hex = hexChunkBytes(text);
  const inflated = hex ? inflateCapped(hex, cap) : null;
  return inflated ? { bytes: inflated.bytes, inflated: true, complete: inflated.complete } : null;
}
