import { REPORT_KEYS } from './names';

// A tolerant reader of `key: value` structure wherever it sits in a text: JSON at any offset
// (after any amount of whitespace, inside JSONP `cb({...})` or behind XSSI `)]}'`), JavaScript
// object literals, and GraphQL inline arguments (`login(password: "…")`). One linear pass over
// tokens; broken input is read as far as it goes. It reports each named value, every value under
// a container whose key names it, and name/value pair objects (`{"name":"password","value":…}`,
// as form serialisers and HAR writers send); the decoding closure decides what is secret.

export interface StructureEvents {
  /** Which keys and pair names say secret. */
  isSecretName(name: string): boolean;
  /** A scalar named secret by its key, by a container's key above it, or by its pair's name. */
  onSecret(name: string, value: string): void;
  /** Every decoded string literal, for the closure to read further. */
  onString(decoded: string): void;
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isNumChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

const NAME_KEYS = new Set(['name', 'key', 'field', 'param', 'parameter']);
const VALUE_KEYS = new Set(['value', 'val']);

/** Index past the string opening at `open` (quote `q`), or the text's end when unterminated. */
function stringEnd(s: string, open: number, q: number): number {
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which ends nothing, and returns s.length as before
  for (let i = open + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === q) return i + 1;
    else if (c === 10 && q !== 34) return i; // a JS string never spans a raw line break
  }
  return s.length;
}

function decodeString(raw: string): string {
  // Without a backslash there is nothing to decode: JSON.parse would give the text back, or refuse
  // it (a raw control character, a `"` inside single quotes) and the text is kept as it is. Most
  // strings are such, and parsing each was a tenth of the closure's time on a large capture.
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/\n/g, '\\n')}"`) as string;
  } catch {
    return raw;
  }
}

interface Frame {
  /** The secret key this container sits under, itself or through a parent; null if none. */
  secret: string | null;
  /** `(`: GraphQL arguments or a call, where bare words are values. */
  args: boolean;
  pairName?: string;
  pairValue?: string;
}

/**
 * Secret values of `s`: every `key: scalar` whose key is secret, every scalar inside a container
 * under such a key, and every name/value pair object whose name is secret.
 */
export function readStructured(s: string, ev: StructureEvents): void {
  const stack: Frame[] = [];
  let key: string | null = null;
  const scalar = (value: string) => {
    const top = stack[stack.length - 1];
    // Stryker disable next-line ConditionalExpression: REPORT_KEYS holds no null
    const inherited = key !== null && REPORT_KEYS.has(key) ? null : (top?.secret ?? null);
    const name = key !== null && ev.isSecretName(key) ? key : inherited;
    if (name !== null) ev.onSecret(name, value);
    if (top && key !== null) {
      const k = key.toLowerCase();
      if (NAME_KEYS.has(k)) top.pairName = value;
      else if (VALUE_KEYS.has(k)) top.pairValue = value;
    }
    key = null;
  };
  let i = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which only resets the key
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      const end = stringEnd(s, i, c);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a lone quote at the end is '' either way
      const closed = end > i + 1 && s.charCodeAt(end - 1) === c;
      const raw = s.slice(i + 1, closed ? end - 1 : end);
      let j = end;
      // Past the end charCodeAt is NaN, which no class holds: the scans below stop there by themselves.
      while (isSpace(s.charCodeAt(j))) j++;
      const decoded = decodeString(raw);
      if (s.charCodeAt(j) === 58 /* : */) {
        key = decoded;
        i = j + 1;
        continue;
      }
      if (decoded !== '') ev.onString(decoded);
      scalar(decoded);
      i = end;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */ || c === 40 /* ( */) {
      const parent = stack[stack.length - 1];
      const own = key !== null && c !== 40 && ev.isSecretName(key) ? key : null;
      // An error report inside a secret container is not the secret (names.ts REPORT_KEYS).
      // Stryker disable next-line ConditionalExpression: REPORT_KEYS holds no null
      const inherited = key !== null && REPORT_KEYS.has(key) ? null : (parent?.secret ?? null);
      stack.push({ secret: own ?? inherited, args: c === 40 || c === 123 });
      key = null;
      i++;
      continue;
    }
    if (c === 125 || c === 93 || c === 41) {
      const top = stack.pop();
      if (top?.pairName !== undefined && top.pairValue !== undefined && ev.isSecretName(top.pairName))
        ev.onSecret(top.pairName, top.pairValue);
      key = null;
      i++;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (isIdentChar(s.charCodeAt(j))) j++;
      const word = s.slice(i, j);
      let k = j;
      while (isSpace(s.charCodeAt(k))) k++;
      // `https://…` makes `https` a key only until the `/` after the colon, which resets it.
      if (s.charCodeAt(k) === 58) {
        key = word;
        i = k + 1;
        continue;
      }
      // A bare word is a value only as a GraphQL `$variable` inside arguments or braces (its
      // value sits in `variables`); literals and prose ("token: expired") are just words.
      if (key !== null && c === 36 && stack[stack.length - 1]?.args) scalar(word);
      else key = null;
      i = j;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      while (isNumChar(s.charCodeAt(j))) j++;
      // With no key and no secret container, scalar() reports nothing and leaves the key unset.
      scalar(s.slice(i, j));
      i = j;
      continue;
    }
    if (!isSpace(c) && c !== 44 /* , */) key = null;
    i++;
  }
}
