// Captured text is attacker-controlled: a URL or a response body can carry ESC sequences that
// recolour, move the cursor, set the window title or write a fake line into a terminal or a
// CI log. Every value from a capture goes through here before it is printed as human text.

// C0 (tab and newline included: a value must stay on its line), DEL, C1, the Unicode line
// separators, the bidirectional overrides behind "Trojan Source" (CVE-2021-42574), the
// noncharacters U+FFFE/U+FFFF, and lone surrogates (not representable in UTF-8 or XML).
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One captured value as printable text on one line: control characters shown as \xNN escapes. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, visible);
}

// The same set minus tab and newline, which documents on standard output keep as layout.
const UNSAFE_IN_DOCUMENT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A whole document (report, JSON, export) bound for standard output: each unsafe character as a
 * \uXXXX escape, which JSON reads back as the same character and a person sees as text.
 */
export function documentForTerminal(s: string): string {
  return s.replace(UNSAFE_IN_DOCUMENT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
