// Substring equality in O(1) after O(n): two polynomial hashes of a text's prefixes. The finder
// (finder.ts) compares a long known secret with the text at every position its first characters
// occur; with `startsWith` alone a text that repeats the secret's start (a crafted `a=a=a=…`
// beside a Bearer token of the same run) costs the secret's length at each position, quadratic
// in the input. Hashes make each comparison constant.
//
// Bases are drawn at random when the module loads, so a capture cannot be crafted to collide.
// Two distinct strings of length m collide with probability below (m/p)² ≈ 2^-34 for m = 16 KiB;
// a collision would only seal text that is not the secret (over-redaction), never leave a secret.

const P1 = 2147483647; // 2^31 − 1
const P2 = 2147483629; // the largest prime below 2^31 − 1 but one
// A base above every UTF-16 code unit and below 2^21, so `h * B + c` stays under 2^53.
const base = () => 65536 + Math.floor(Math.random() * ((1 << 21) - 65536));
const B1 = base();
const B2 = base();

/** a·b mod p for a, b < 2^31 without leaving doubles' exact range (2^53). */
function mulmod(a: number, b: number, p: number): number {
  return (((a * (b >>> 16)) % p) * 65536 + a * (b & 0xffff)) % p;
}

export interface Hashed {
  length: number;
  h1: number;
  h2: number;
  /** B^length mod p, to cut a window out of prefix hashes. */
  pow1: number;
  pow2: number;
}

export function hashOf(s: string): Hashed {
  let h1 = 0;
  let h2 = 0;
  let pow1 = 1;
  let pow2 = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = (h1 * B1 + c) % P1;
    h2 = (h2 * B2 + c) % P2;
    pow1 = (pow1 * B1) % P1;
    pow2 = (pow2 * B2) % P2;
  }
  return { length: s.length, h1, h2, pow1, pow2 };
}

/** The prefix hashes of one text: `equals(i, h)` says whether `h`'s string starts at `i`. */
export class PrefixHashes {
  private readonly p1: Uint32Array;
  private readonly p2: Uint32Array;

  constructor(s: string) {
    this.p1 = new Uint32Array(s.length + 1);
    this.p2 = new Uint32Array(s.length + 1);
    // Stryker disable next-line EqualityOperator: one more pass writes past the typed arrays' end, which they ignore
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.p1[i + 1] = (this.p1[i]! * B1 + c) % P1;
      this.p2[i + 1] = (this.p2[i]! * B2 + c) % P2;
    }
  }

  equals(i: number, h: Hashed): boolean {
    const end = i + h.length;
    // Past the text's end the typed array reads undefined, and the window's hash NaN: no match.
    const w1 = (this.p1[end]! - mulmod(this.p1[i]!, h.pow1, P1) + P1) % P1;
    // Two hashes, so a crafted or chance collision needs both (see above). Either alone answers the
    // same but on a collision, which no test can draw with bases chosen at load.
    // Stryker disable next-line ConditionalExpression: see above
    if (w1 !== h.h1) return false;
    // Stryker disable next-line ConditionalExpression: see above
    return (this.p2[end]! - mulmod(this.p2[i]!, h.pow2, P2) + P2) % P2 === h.h2;
  }
}
