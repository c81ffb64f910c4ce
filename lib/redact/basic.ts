import { decodeBasicPair } from '../model/base64';

/** The user of a Basic credential (RFC 7617) and the password's length; null if undecodable. */
export function basicUser(credentials: string): { user: string; passwordLength: number } | null {
  const v = credentials.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  const pair = decodeBasicPair(v);
  if (!pair) return null;
  return { user: pair.user, passwordLength: [...pair.password].length };
}
