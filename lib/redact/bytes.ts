import { base64ToBytes } from '../model/base64';

/** Bytes of a base64 text (whitespace tolerated); null when it is not valid base64. */
export const decodeBase64Bytes = base64ToBytes;

/**
 * One char per byte: lets text search (secrets, boundaries) run over binary. In slices: spreading
 * a long run at once would overflow the call stack.
 */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  // Stryker disable next-line EqualityOperator: one more pass past the end adds the empty string
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}

/** The most a compressed body is inflated to for redaction: past it, the body is withheld (encoded.ts). */
export const INFLATE_CAP = 16 * 1024 * 1024;
