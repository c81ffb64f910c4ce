import { base64ToBytes } from '../model/base64';

/** Bytes of a base64 text (whitespace tolerated); null when it is not valid base64. */
export const decodeBase64Bytes = base64ToBytes;

/** One char per byte: lets text search (secrets, boundaries) run over binary. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}

/** The most a compressed body is inflated to for redaction: past it, the body is withheld (encoded.ts). */
export const INFLATE_CAP = 16 * 1024 * 1024;

/**
 * The most a hex-chunk body (nock, Polly before v5: content-bytes.ts) is inflated to for
 * redaction; past it the body is withheld. Smaller than INFLATE_CAP because what those
 * recordings keep compressed is whole web pages: YouTube's watch page inflates to 800 KB, and
 * reading it with every decoding took the closure a minute and ran past its budget. A refusal's
 * body and a token response are a few kilobytes.
 */
export const HEX_INFLATE_CAP = 128 * 1024;

/** The inflation cap for a body recorded in `form`. */
export const inflateCapFor = (form: 'base64' | 'hex-chunks') => (form === 'hex-chunks' ? HEX_INFLATE_CAP : INFLATE_CAP);
