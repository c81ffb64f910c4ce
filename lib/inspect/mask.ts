/**
 * Evidence is shown and shared, so a secret never appears whole: the first characters
 * identify which credential it was, the length tells a truncated copy from a full one.
 */
export function maskSecret(value: string): string {
  const n = value.length;
  if (n === 0) return '(empty)';
  if (n <= 8) return `${'•'.repeat(Math.min(n, 4))} (${n} chars)`;
  return `${printable(value.slice(0, 4))}… (${n} chars)`;
}

/** Cuts display text to one line of `max` characters; control characters become visible. */
export function clip(value: string, max = 120): string {
  const one = printable(value);
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

// What must never reach a display line raw: C0 and C1 controls, DEL, the JS/Unicode line
// separators (they end a line or a `//` comment) and the bidi overrides (they reorder what a
// reader sees). One definition for evidence, reports and the panel.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_FOR_DISPLAY = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Makes CR, LF, tab and the other characters above visible instead of breaking the line. */
export function printable(value: string): string {
  if (!UNSAFE_FOR_DISPLAY.test(value)) return value;
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (UNSAFE_FOR_DISPLAY.test(c)) out += `\\u${code.toString(16)}`;
    else out += c;
  }
  return out;
}

/** True when the text holds C0 control characters or DEL (optionally ignoring tab). */
export function hasControl(value: string, ignoreTab = false): boolean {
  // Stryker disable next-line EqualityOperator: one more turn reads charCodeAt(length), NaN, which is no control
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && !(ignoreTab && code === 9)) || code === 0x7f) return true;
  }
  return false;
}
