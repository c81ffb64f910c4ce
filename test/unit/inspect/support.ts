/** Test helpers for the auth inspectors and rules (not shared: lives with these tests). */

const b64url = (s: string) =>
  Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A JWS compact token with the given claims. The signature is arbitrary: nothing verifies it. */
export function makeJwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k1' },
  signature = 'dGhpcy1pcy1ub3QtYS1yZWFsLXNpZ25hdHVyZQ',
): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${signature}`;
}

/** Seconds since epoch for an ISO date. */
export const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** mulberry32: small, fast, seeded; the same seed gives the same cases on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that stress header parsers: separators, quotes, escapes, controls, non-ASCII.
const ALPHABET = [
  'a',
  'Z',
  '0',
  '9',
  '=',
  ',',
  ';',
  ' ',
  '\t',
  '"',
  '\\',
  ':',
  '/',
  '+',
  '-',
  '_',
  '.',
  '~',
  '\n',
  '\r',
  '\u0000',
  'é',
  '😀',
  '\uFFFD',
  '\uD800',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '%',
  '$',
  'eyJ',
  'Bearer ',
  'Basic ',
  'realm=',
  'error=',
  '"invalid_token"',
  'limit=',
  'r=',
  'Domain=',
  'Path=/',
  'SameSite=None',
  'X-Amz-Date',
  '20261121T120000Z',
];

export function randomString(next: () => number, maxLen = 60): string {
  const n = Math.floor(next() * maxLen);
  let s = '';
  for (let i = 0; i < n; i++) {
    s +=
      next() < 0.7 ? ALPHABET[Math.floor(next() * ALPHABET.length)] : String.fromCharCode(Math.floor(next() * 0x2fff));
  }
  return s;
}
