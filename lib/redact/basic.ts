/** The user of a Basic credential (RFC 7617) and the password's length; null if undecodable. */
export function basicUser(credentials: string): { user: string; passwordLength: number } | null {
  const v = credentials.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  let bin: string;
  try {
    const bare = v.replace(/=+$/, '');
    bin = atob(bare + '='.repeat((4 - (bare.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = bin; // RFC 7617 leaves the charset to the server; Latin-1 is the old default.
  }
  const colon = text.indexOf(':');
  if (colon === -1) return null;
  return { user: text.slice(0, colon), passwordLength: [...text.slice(colon + 1)].length };
}
