/** Bytes of a base64 text (whitespace tolerated); null when it is not valid base64. */
export function decodeBase64Bytes(b64: string): Uint8Array | null {
  const clean = b64.replace(/\s+/g, '');
  let bin: string;
  try {
    bin = atob(clean);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** One char per byte: lets text search (secrets, boundaries) run over binary. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}
