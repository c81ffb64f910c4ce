import { isSecretParam } from './names';
import type { SecretKind } from './kinds';
import { prefixed } from './key-prefixes';

// Secrets by their shape, wherever they sit and whatever they are called: a JWT, a key with
// an issuer's documented prefix, a Bearer/Basic credential in prose, a long high-entropy
// token, a secret-named `name=value` pair, the password of a URL's userinfo. One hand-written
// scan, linear in the text: every character is looked at a bounded number of times, so a
// crafted body (64 KB of "eyJ", of spaces, of "a=") costs what a plain one does.

export interface Shape {
  start: number;
  end: number;
  base: string;
  kind: SecretKind;
}

const MAX_NAME = 64;
/** Runs longer than this are blobs (images, bundles), handled as bodies, not as tokens. */
const MAX_TOKEN = 64 * 1024;

function code(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** base64url alphabet: what JWT segments and most opaque tokens are made of. */
const isWord = (c: number) => isAlnum(c) || c === 95 /* _ */ || c === 45; /* - */
/** Standard base64 adds + and /. */
const isB64 = (c: number) => isWord(c) || c === 43 || c === 47;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** RFC 6750 b64token. */
const isB64Token = (c: number) => isB64(c) || c === 46 || c === 126;
const isNameChar = (c: number) => isWord(c) || c === 46 || c === 91 || c === 93;
// Where a free-text value ends: separators of queries, cookies, prose, markup and JSON.
const ENDS_VALUE = new Set([...'&;, \t\r\n"\'<>()[]{}#\\'].map((c) => c.charCodeAt(0)));

/** Bits per character: random tokens sit well above 4, words and identifiers below. */
function entropy(s: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) counts.set(s.charCodeAt(i), (counts.get(s.charCodeAt(i)) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A long token of mixed case and digits with high entropy: an opaque credential. */
export function looksRandom(s: string): boolean {
  if (s.length < 32 || s.length > MAX_TOKEN) return false;
  let lower = false;
  let upper = false;
  let digit = false;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: speed only: the loop stops once all three are seen, and one step past the end reads no class
  for (let i = 0; i < s.length && !(lower && upper && digit); i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  // Stryker disable next-line EqualityOperator: no string has exactly 4.2 bits per character (that needs counts whose weighted log sum is a fifth of a power of two)
  return lower && upper && digit && entropy(s) >= 4.2;
}

/** End of `word(.word)*` from `i`, at most `parts` parts. */
function dotted(s: string, i: number, parts: number): { end: number; parts: number } {
  let end = i;
  let n = 0;
  while (n < parts) {
    let j = end;
    while (isWord(code(s, j))) j++;
    // Stryker disable next-line ConditionalExpression: only reached after a dot followed by a word character, so a part is never empty
    if (j === end) break;
    n++;
    end = j;
    // Stryker disable next-line ArithmeticOperator: a dot not followed by a word is trimmed below as a trailing dot: the same end
    if (code(s, end) !== 46 || !isWord(code(s, end + 1))) break;
    end++;
  }
  // A trailing dot after the last part belongs to the prose, not the token.
  if (code(s, end - 1) === 46) end--;
  return { end, parts: n };
}

function schemeCredential(s: string, wordStart: number, wordEnd: number, out: Shape[]): number {
  const w = s.slice(wordStart, wordEnd).toLowerCase();
  if (w !== 'bearer' && w !== 'basic') return wordEnd;
  let i = wordEnd;
  while (isSpace(code(s, i))) i++;
  // Stryker disable next-line ConditionalExpression: without a space the credential read below is empty, under 8 characters
  if (i === wordEnd) return wordEnd;
  const start = i;
  while (isB64Token(code(s, i))) i++;
  while (code(s, i) === 61) i++;
  const cred = s.slice(start, i);
  // "Bearer realm=…", "Basic authentication required": a parameter or prose, not a credential.
  const next = code(s, i);
  // (The padding loop above took every '=', so the next character is never one.)
  const param = cred.endsWith('=') && next !== -1 && !ENDS_VALUE.has(next) && !isSpace(next);
  if (cred.length < 8 || param || !(/[0-9._~+/=-]/.test(cred) || (/[a-z]/.test(cred) && /[A-Z]/.test(cred))))
    return wordEnd;
  out.push({ start, end: i, base: 'TOKEN', kind: 'token' });
  return i;
}

/** The password (or a lone token) of `scheme://userinfo@host` starting at `slashes` ("//"). */
function userinfo(s: string, slashes: number, out: Shape[]): number {
  const from = slashes + 2;
  // Stryker disable next-line UnaryOperator: 1 is before `from` too (from is past '//'), so it means 'no @' as -1 does
  let at = -1;
  let i = from;
  // Stryker disable next-line EqualityOperator: one step past the end reads no character and breaks nothing
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) at = i;
    else if (c === 47 || c === 63 || c === 35 || isSpace(c) || c === 34 || c === 39 || c === 60 || c === 62) break;
  }
  // No userinfo: the authority is read like any other text (a token may sit in a path).
  if (at <= from) return from;
  const colon = s.indexOf(':', from);
  // Stryker disable next-line EqualityOperator: the colon and the '@' are never the same character
  if (colon !== -1 && colon < at) {
    // The user is scanned like any field (a key as user name is caught by its shape); the
    // password goes whole.
    for (const sh of findShapes(s.slice(from, colon))) out.push({ ...sh, start: sh.start + from, end: sh.end + from });
    if (at > colon + 1) out.push({ start: colon + 1, end: at, base: 'URL_PASSWORD', kind: 'url' });
    return at;
  }
  out.push({ start: from, end: at, base: 'URL_USER', kind: 'url' });
  return at;
}

/** `name=value` in free text (queries, matrix parameters, cookies, prose) whose name is secret. */
function namedValue(s: string, eq: number, out: Shape[]): number {
  let n = eq;
  // Stryker disable next-line ConditionalExpression: before the start, code() reads no character, which ends the name anyway
  while (n > 0 && eq - n < MAX_NAME && isNameChar(code(s, n - 1))) n--;
  const name = s.slice(n, eq);
  if (!isSecretParam(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))) return eq + 1;
  let i = eq + 1;
  while (i < s.length && !ENDS_VALUE.has(s.charCodeAt(i))) i++;
  if (i > eq + 1) out.push({ start: eq + 1, end: i, base: name, kind: 'query' });
  return i;
}

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';

/**
 * A PEM block (RFC 7468) from `-----BEGIN` to the dashes closing its `-----END …-----` line,
 * whole: its base64 lines hold `/` and would otherwise read as paths. `noEnd` remembers where no
 * END follows, so a text of many BEGINs is still scanned once. Returns the block's end or -1.
 */
function pemEnd(s: string, i: number, noEnd: { from: number }): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: speed only: past a BEGIN with no END after it, no END follows this one either
  if (i >= noEnd.from) return -1;
  const end = s.indexOf(PEM_END, i + PEM_BEGIN.length);
  if (end === -1) {
    noEnd.from = i;
    return -1;
  }
  const close = s.indexOf('-----', end + PEM_END.length);
  // An END line cut short: the block runs to the end of the text.
  return close === -1 || close - end > 200 ? s.length : close + 5;
}

/** A BEGIN line with no END after it: a key cut short, hidden to the end of the text. */
function pemHeader(s: string, i: number): boolean {
  const close = s.indexOf('-----', i + PEM_BEGIN.length);
  return close !== -1 && close - i < 100;
}

/** Every secret-shaped span of `s`, in order, never overlapping. */
export function findShapes(s: string): Shape[] {
  const out: Shape[] = [];
  // Stryker disable next-line ObjectLiteral: speed only (see pemEnd)
  const noEnd = { from: Infinity };
  let i = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads no character and finds nothing
  while (i < s.length) {
    const c = s.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression: speed only: a text starting with PEM_BEGIN starts with '-'
    if (c === 45 /* - */ && s.startsWith(PEM_BEGIN, i)) {
      let end = pemEnd(s, i, noEnd);
      if (end === -1 && pemHeader(s, i)) end = s.length;
      if (end !== -1) {
        out.push({ start: i, end, base: 'PRIVATE_KEY', kind: 'token' });
        i = end;
        continue;
      }
    }
    if (c === 61 /* = */) {
      i = namedValue(s, i, out);
      continue;
    }
    if (c === 58 /* : */ && s.startsWith('//', i + 1)) {
      i = userinfo(s, i + 1, out);
      continue;
    }
    if (!isB64(c) || (i > 0 && isB64(s.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    // A run starts here.
    let wordEnd = i;
    while (isWord(code(s, wordEnd))) wordEnd++;
    if (wordEnd > i && s.startsWith('eyJ', i)) {
      const d = dotted(s, i, 5);
      // A JWT, a JWE, or one cut short: any base64url JSON of some length is a token.
      const placeholder = d.parts === 3 && s.startsWith('WHY403_', s.lastIndexOf('.', d.end - 1) + 1);
      // A redacted JWT (claims kept, a placeholder for its signature) is passed over whole: read
      // again from its second part, its claims were taken for a JWT cut short and hidden.
      if (placeholder || d.end - i >= 20) {
        if (!placeholder) out.push({ start: i, end: d.end, base: 'JWT', kind: 'jwt' });
        i = d.end;
        continue;
      }
    }
    const dottedPrefix = s.startsWith('ya29.', i) || s.startsWith('SG.', i);
    const keyEnd = dottedPrefix ? dotted(s, i, 3).end : wordEnd;
    const key = prefixed(s, i, keyEnd);
    if (key) {
      out.push({ start: i, end: keyEnd, base: key, kind: 'api-key' });
      i = keyEnd;
      continue;
    }
    if (wordEnd > i && code(s, wordEnd) !== 61) {
      const next = schemeCredential(s, i, wordEnd, out);
      if (next !== wordEnd) {
        i = next;
        continue;
      }
    }
    // The whole base64 run, then its segments (a path holds a token between slashes).
    let runEnd = i;
    while (isB64(code(s, runEnd))) runEnd++;
    let padEnd = runEnd;
    while (code(s, padEnd) === 61 && padEnd - runEnd < 2) padEnd++;
    const run = s.slice(i, runEnd);
    // A run with slashes is a path unless it reads as standard base64 (padding or a '+').
    const whole = !run.includes('/') || padEnd > runEnd || run.includes('+');
    // A subresource-integrity hash is public (the page states it): passed over whole, as the
    // segment scan below would otherwise take it for a token.
    if (/^sha(256|384|512)-/.test(run)) {
      i = padEnd;
      continue;
    }
    if (whole && looksRandom(run)) {
      out.push({ start: i, end: padEnd, base: 'TOKEN', kind: 'token' });
      i = padEnd;
      continue;
    }
    if (runEnd - i >= 32) {
      for (let a = i; a < runEnd;) {
        let b = a;
        while (b < runEnd && isWord(s.charCodeAt(b))) b++;
        if (looksRandom(s.slice(a, b))) out.push({ start: a, end: b, base: 'TOKEN', kind: 'token' });
        a = b + 1;
      }
    }
    i = runEnd;
  }
  return out;
}
