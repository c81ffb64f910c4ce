import type { Text } from '../redact';

// cmd.exe and the program's C runtime each parse the line. We stay OUTSIDE cmd's quote
// state for the whole argument: every quote the runtime must see is written ^" (cmd passes
// it on without toggling), every character cmd treats specially is caret-escaped, so cmd
// hands the runtime exactly "…" with \" for literal quotes (CommandLineToArgvW rules).
const CARET = new Set(['^', '&', '|', '<', '>', '(', ')', '!', '"']);

/** C runtime escaping of an argument's content for use between double quotes. */
export function msvcrtEscape(s: string, beforeClosingQuote: boolean): string {
  let out = '';
  let slashes = 0;
  for (const c of s) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    out += c === '"' ? `${'\\'.repeat(slashes * 2 + 1)}"` : `${'\\'.repeat(slashes)}${c}`;
    slashes = 0;
  }
  return out + '\\'.repeat(beforeClosingQuote ? slashes * 2 : slashes);
}

/**
 * Caret-escapes for cmd's phase 2. A `%` that could start a variable reference gets a caret
 * after it (`%^PATH%`): at the prompt cmd looks up "^PATH", finds nothing, keeps the text,
 * and the caret then goes away, so no variable is ever expanded by accident.
 */
export function cmdCaret(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    // "%%" becomes "%^%": cmd finds no variable named "^" either, so no case of its own.
    if (c === '%') out += next !== undefined && !CARET.has(next) ? '%^' : '%';
    else out += CARET.has(c) ? `^${c}` : c;
  }
  return out;
}

/** One cmd.exe argument: ^"…^" around runtime-escaped, caret-escaped text; refs as %NAME%. */
export function cmdArg(t: Text): string {
  let inner = '';
  t.forEach((p, i) => {
    inner += typeof p === 'string' ? cmdCaret(msvcrtEscape(p, i === t.length - 1)) : `%${p.ref}%`;
  });
  return `^"${inner}^"`;
}

/** Text cmd can carry on its command line: printable ASCII and tab (no CR/LF, no code page). */
export function cmdSafe(s: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(s);
}
