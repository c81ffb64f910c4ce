import { base64ToBytes } from '../model/base64';

// Tolerant decoders for the decoding closure (closure.ts): each reads what it can and leaves
// the rest as it is (a broken escape never hides the valid ones around it), and each is one
// linear pass.

/** `%XX` runs decoded as UTF-8 (Latin-1 when invalid); everything else kept. */
export function percentDecode(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

const NAMED_ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['sol', '/'],
  ['colon', ':'],
  ['equals', '='],
  ['lbrace', '{'],
  ['rbrace', '}'],
]);

/** The character of a reference's code point; its pattern admits digits only, so `n` is a whole number ≥ 0. */
function fromCode(n: number): string | null {
  return n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/** HTML character references (named ones markup uses for syntax, decimal, hex). */
export function htmlDecode(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});?/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const c =
        ref[1] === 'x' || ref[1] === 'X' ? fromCode(parseInt(ref.slice(2), 16)) : fromCode(Number(ref.slice(1)));
      return c ?? m;
    }
    const named = NAMED_ENTITIES.get(ref.toLowerCase());
    return named !== undefined && m.endsWith(';') ? named : m;
  });
}

const SIMPLE_ESCAPES = new Map<string, string>([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['b', '\b'],
  ['f', '\f'],
  ['"', '"'],
  ["'", "'"],
  ['/', '/'],
  ['\\', '\\'],
]);

/** JSON and JavaScript string escapes (`\"`, `\\`, `\uXXXX`, `\xXX`), read over a whole text. */
export function unescapeJs(s: string): string {
  return s.replace(/\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[nrtbf"'/\\])/g, (_, e: string) =>
    e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : SIMPLE_ESCAPES.get(e)!,
  );
}

/** Text that reads as text: valid UTF-8 with few control characters. */
export function readableText(bytes: Uint8Array): string | null {
  // Most base64 runs in a capture are random (signatures, ids): their bytes say so at once,
  // without a decoder that throws.
  let control = 0;
  for (const b of bytes) if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) control++;
  if (control * 20 > bytes.length) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text;
}

/**
 * UTF-16LE text, as Windows tools encode before base64 (PowerShell's `-EncodedCommand`,
 * https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_pwsh#-encodedcommand---e---ec;
 * .NET's `Encoding.Unicode`): Latin text has a zero in most high bytes, which UTF-8 text never has.
 */
function wideText(bytes: Uint8Array): string | null {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
  let zeros = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++;
  if (zeros * 4 < bytes.length * 1.5) return null; // fewer than 3 in 4 characters Latin
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) control++;
  }
  return control * 20 > text.length ? null : text;
}

/** A decoded text, and whether its bytes were UTF-16LE rather than UTF-8. */
export interface DecodedText {
  text: string;
  wide: boolean;
}

/** Runs of base64 or base64url (16+ characters) that decode to readable text, UTF-8 or UTF-16LE. */
export function base64Texts(s: string): DecodedText[] {
  const out: DecodedText[] = [];
  // Only at a run's first character: the class is every letter and digit, so from inside a word
  // the engine would rescan the rest of it at every position (quadratic in word length, a tenth of
  // the CLI's time on a large capture). A match always starts where its run starts anyway: the
  // greedy repeat takes the whole run there, or the run is too short from every position in it.
  // Stryker disable next-line Regex: speed only; without the look-behind (or with less of it) the same runs match
  for (const m of s.matchAll(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    // Base64 of text mixes cases (hex digests and signatures, paths of words do not). A run one
    // character past a multiple of four is not base64: the decoder refuses it.
    const run = m[0];
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run)) continue;
    const bytes = base64ToBytes(m[0]);
    if (!bytes) continue;
    const text = readableText(bytes);
    if (text !== null) out.push({ text, wide: false });
    else {
      const wide = wideText(bytes);
      if (wide !== null) out.push({ text: wide, wide: true });
    }
  }
  return out;
}

/**
 * Runs of hex (16+ digits, one case) that decode to readable UTF-8 text: a body or field a
 * client hex-encoded (`bytes.hex()`, Go's `%x`, a hex dump). Digests and ids decode to noise.
 * A run of odd length is read from its first digit, as a decoder would.
 */
export function hexTexts(s: string): string[] {
  const out: string[] = [];
  // Maximal hex runs first, each tried at its first digit only (as base64Texts does), then the
  // one-case runs inside each: a match never leaves the hex run it sits in.
  // Stryker disable next-line Regex: the look-behind is speed only (the same runs match without it)
  for (const r of s.matchAll(/(?<![0-9A-Fa-f])[0-9A-Fa-f]{16,}/g))
    for (const m of r[0].matchAll(/[0-9a-f]{16,}|[0-9A-F]{16,}/g)) {
      const run = m[0];
      const bytes = new Uint8Array(run.length >> 1);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(2 * i, 2 * i + 2), 16);
      const text = readableText(bytes);
      if (text !== null) out.push(text);
    }
  return out;
}
