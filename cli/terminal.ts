// Everything the CLI prints for a person passes through here. A HAR is attacker-controlled:
// an escape sequence in a URL, a status text, a header or a file name would otherwise reach
// the terminal and act on it (recolour, rewrite the title, move the cursor, hide a line), and
// a bidi override would make a line read differently from what it says.

// C0 except tab and line feed, DEL, C1 (0x9b is an 8-bit CSI), line and paragraph separators,
// bidi embeddings, overrides and isolates, zero-width and invisible format characters.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Text for a terminal: every unsafe character written as a visible escape; tab and newline kept. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** One line for a terminal (an error message, a field): newlines and tabs escaped as well. */
export function oneLine(text: string): string {
  return forTerminal(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** JSON for a terminal: the same characters as \u escapes, so the JSON still means the same. */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
