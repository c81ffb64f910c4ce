import { joinText, type Text } from './pieces';
import { isSecretStructuredField as isSecretField, REPORT_KEYS } from './names';
import type { Vault } from './vault';

function stringEnd(s: string, open: number): number {
  // Stryker disable next-line EqualityOperator: one step past the end reads no character and returns the same length
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Redacts secret fields of a JSON text without re-serialising it: a tolerant scanner finds
 * `"key": value` pairs at any depth and replaces only the value's characters (inside the
 * quotes for strings), so spacing, key order and escapes survive. Arrays under a secret key
 * ("tokens": ["…", "…"]) are redacted element by element. Broken JSON is scanned as far as
 * it goes; nothing throws.
 */
export function redactJson(text: string, vault: Vault, where: string): Text {
  const out: Text = [];
  let last = 0;
  let key: string | null = null;
  // Depth inside a container that sits under a secret key, with that key.
  let secretDepth = 0;
  // Stryker disable next-line StringLiteral: read only while secretDepth > 0, which sets it first
  let secretKey = '';
  // Depth of an error report inside such a container (REPORT_KEYS), where its secrecy stops.
  let reportDepth = 0;
  let depth = 0;
  /** The secret name a value here is under: its own key's, else its container's. */
  const fieldOf = (k: string | null): string | null =>
    k !== null && isSecretField(k)
      ? k
      : secretDepth > 0 &&
          reportDepth === 0 &&
          !(
            // Stryker disable next-line ConditionalExpression: REPORT_KEYS.has(null) is false; the check is for the type
            k !== null && REPORT_KEYS.has(k)
          )
        ? secretKey
        : null;
  const take = (start: number, end: number, field: string) => {
    out.push(
      text.slice(last, start),
      vault.secret(text.slice(start, end), { base: `BODY_${field}`, kind: 'body', where: `${where} field ${field}` }),
    );
    last = end;
  };
  // Stryker disable next-line EqualityOperator: past the end, text[i] is undefined: no branch but the key reset, which the end makes moot
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      let j = end;
      while (
        // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end, text[j] is undefined and /\s/ does not match it
        j < text.length &&
        /\s/.test(text[j]!)
      )
        j++;
      if (text[j] === ':') {
        key = decodeKey(text.slice(i + 1, end - 1));
        i = j + 1;
        continue;
      }
      const field = fieldOf(key);
      // An unterminated string runs to the end of the text: all of it is the value.
      // A lone `"` at the text's end has end - 1 === i: either content end leaves nothing to take.
      // An empty value is no secret: vault.secret('') returns '' and the text is unchanged.
      const contentEnd =
        text[end - 1] === '"' &&
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: see above
        end - 1 > i
          ? end - 1
          : end;
      if (
        field !== null &&
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: see above
        contentEnd > i + 1
      )
        take(i + 1, contentEnd, field);
      key = null;
      i = end;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (key !== null && isSecretField(key) && secretDepth === 0) {
        secretDepth = depth;
        secretKey = key;
      } else if (
        secretDepth > 0 &&
        reportDepth === 0 &&
        // Stryker disable next-line ConditionalExpression: REPORT_KEYS.has(null) is false; the check is for the type
        key !== null &&
        REPORT_KEYS.has(key)
      )
        reportDepth = depth;
      key = null;
    } else if (c === '}' || c === ']') {
      if (reportDepth === depth) reportDepth = 0;
      if (secretDepth === depth) secretDepth = 0;
      depth--;
    } else if (/[-0-9]/.test(c)) {
      // The whole number, however long: a cap here left the digits past it in the clear.
      let end = i + 1;
      // Stryker disable next-line EqualityOperator: one step past the end (undefined reads as "undefined", whose `e` matches) slices the same number
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
      const field = fieldOf(key);
      const digit = text[c === '-' ? i + 1 : i];
      if (
        field !== null &&
        // Stryker disable next-line ConditionalExpression: undefined >= '0' is false: the check is for the type
        digit !== undefined &&
        digit >= '0' &&
        digit <= '9'
      )
        take(i, end, field);
      key = null;
      i = end;
      continue;
    } else if (!/\s|,/.test(c)) key = c === ':' ? key : null;
    i++;
  }
  out.push(text.slice(last));
  return joinText(out);
}
