import type { ExportBody } from './types';

const encoder = new TextEncoder();

/** A body as byte runs and placeholders, for formats that write bytes (printf, base64). */
export function bodyParts(body: ExportBody): (Uint8Array | { ref: string })[] {
  if (body.kind === 'bytes') return [body.bytes];
  return body.text.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
}

export function bodyByteLength(body: ExportBody): number {
  return bodyParts(body).reduce((n, p) => n + (p instanceof Uint8Array ? p.length : 0), 0);
}

/** True when a text body has a character no command-line argument can carry (NUL). */
export function hasNul(body: ExportBody): boolean {
  return body.kind === 'bytes' || body.text.some((p) => typeof p === 'string' && p.includes('\0'));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  // Stryker disable next-line EqualityOperator: one more pass at i === length adds the empty string
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}
