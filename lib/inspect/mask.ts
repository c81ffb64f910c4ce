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

/** Makes CR, LF, tab and other control characters visible instead of breaking the line. */
export function printable(value: string): string {
  if (!hasControl(value)) return value;
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out;
}

/** True when the text holds C0 control characters or DEL (optionally ignoring tab). */
export function hasControl(value: string, ignoreTab = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && !(ignoreTab && code === 9)) || code === 0x7f) return true;
  }
  return false;
}
