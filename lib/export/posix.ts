import { joinText, type Text } from '../redact';

/** POSIX single quotes: nothing inside is special; a quote is closed, escaped, reopened. */
export function shSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A word that needs no quotes (methods, option values) stays bare for readability. */
export function shBare(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : shSingle(s);
}

// Characters a single-quoted literal would carry raw to the reader's terminal: C0 except tab
// and newline (ESC starts a sequence, CR rewrites the line), DEL, C1, line separators and bidi
// or invisible format characters (the command would read differently from what it does).
const SH_RAW =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+/g;

/**
 * A literal as shell text: single quotes, except runs of SH_RAW characters, which are written
 * as "$(printf '\ooo…')" (their UTF-8 bytes in octal; printf is builtin in bash, zsh and dash,
 * and a command substitution only trims newlines, which are never in such a run).
 */
function shLiteral(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(SH_RAW)) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: always writing the literal before the run (true, >=) adds an empty '' that changes nothing; the variants that drop it (false, <=) fail posix-text.test.ts
    if (m.index > last) out += shSingle(s.slice(last, m.index));
    const octal = [...new TextEncoder().encode(m[0])].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
    out += `"$(printf '${octal}')"`;
    last = m.index + m[0].length;
  }
  // (s is never empty: shWord's joinText drops empty literals.)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: always writing the tail (true, <=) adds an empty '' that changes nothing; the variants that drop it (false, >=) fail posix-text.test.ts
  return last < s.length ? out + shSingle(s.slice(last)) : out;
}

/**
 * One shell word from a text: literals single-quoted, placeholders as "$NAME" (double
 * quotes so the value is never split or globbed). Works in bash, zsh and dash alike.
 */
export function shWord(t: Text): string {
  const parts = joinText(...t);
  if (parts.length === 0) return "''";
  // Neighbouring literals are merged first: zsh's RC_QUOTES reads 'a''b' as one quoted a'b.
  return parts.map((p) => (typeof p === 'string' ? shLiteral(p) : `"$${p.ref}"`)).join('');
}

/**
 * A `printf` format reproducing exact bytes: printable ASCII as is, everything else (NUL,
 * newlines, non-ASCII, quotes, backslash, %) as 3-digit octal escapes, which bash, zsh and
 * dash's builtin printf all read the same way. Placeholders become %s with "$NAME" args.
 */
export function printfCommand(parts: (Uint8Array | { ref: string })[]): string {
  let format = '';
  const args: string[] = [];
  for (const part of parts) {
    if (part instanceof Uint8Array) {
      for (const b of part) {
        // A leading "-" would make printf read the format as an option (bash: printf -v NAME).
        // Stryker disable next-line ConditionalExpression,LogicalOperator: escaping a "-" that does not lead, or any first byte, gives the same bytes; only false (a leading "-" left bare) changes them, and fails posix-text.test.ts
        const lead = format === '' && b === 0x2d;
        format +=
          !lead && b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c && b !== 0x25
            ? String.fromCharCode(b)
            : `\\${b.toString(8).padStart(3, '0')}`;
      }
    } else {
      format += '%s';
      args.push(`"$${part.ref}"`);
    }
  }
  return ['printf', `'${format}'`, ...args].join(' ');
}

/** Fails before running when a variable is unset, instead of sending an empty secret. */
export function shGuard(names: string[]): string {
  return `: ${names.map((n) => `"\${${n}:?set ${n} first}"`).join(' ')}`;
}
