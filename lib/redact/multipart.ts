import { joinText, type Text } from './pieces';
import { isSecretField } from './names';
import { boundaryOf } from '../model/body';
import type { Vault } from './vault';

/**
 * A multipart body's boundary from its first delimiter line, for a body whose Content-Type lost it
 * (and for the decoding closure, which meets bodies without their type): the first line starting
 * with `--`, at the start or after a preamble (RFC 2046 §5.1.1 allows one).
 */
export function sniffBoundary(s: string): string | null {
  // Stryker disable next-line MethodExpression: a bound on the sniff's cost: a body opens with its first delimiter, only a preamble may come before it
  const m = /(?:^|\n)--([^\s]{1,70})\r?\n/.exec(s.slice(0, 4096));
  return m ? boundaryOf(`;boundary=${m[1]!}`) : null;
}

function dispositionOf(head: string): string {
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    // Stryker disable next-line ConditionalExpression,UnaryOperator: a line without a colon, or a one-character name, is no Content-Disposition either way
    if (colon !== -1 && line.slice(0, colon).trim().toLowerCase() === 'content-disposition')
      return line.slice(colon + 1);
  }
  // Stryker disable next-line StringLiteral: a head without Content-Disposition names no field; any text without `name=` reads so
  return '';
}

/** A Content-Disposition parameter, quoted (`name="a"`) or not (`name=a`, which browsers never send but servers accept). */
function paramOf(disposition: string, param: string): string | undefined {
  for (const raw of disposition.split(';')) {
    const eq = raw.indexOf('=');
    if (eq === -1 || raw.slice(0, eq).trim().toLowerCase() !== param) continue;
    const v = raw.slice(eq + 1).trim();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a lone `"` is '' either way
    return v.startsWith('"') ? v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined) : v;
  }
  return undefined;
}

/**
 * Redacts secret fields of a multipart/form-data body (RFC 7578) in place: a part whose
 * Content-Disposition names a secret field (and is not a file) has its content replaced.
 */
export function redactMultipart(text: string, boundary: string, vault: Vault, where: string): Text {
  const delimiter = `--${boundary}`;
  const out: Text = [];
  let last = 0;
  let at = text.indexOf(delimiter);
  while (at !== -1) {
    const partStart = at + delimiter.length;
    const found = text.indexOf(delimiter, partStart);
    // A body cut short has no closing delimiter: its last part runs to the end.
    const next = found === -1 ? text.length : found;
    const part = text.slice(partStart, next);
    // The blank line that ends the part's head.
    const blank = /\r?\n\r?\n/.exec(part);
    if (blank) {
      // The whole head, however long: reading only its first 8 KB let a Content-Disposition
      // placed after 8 KB of other headers keep its secret field in the clear. Each part's head
      // is read once, so the work stays linear in the body.
      const head = part.slice(0, blank.index);
      const disposition = dispositionOf(head);
      const name = paramOf(disposition, 'name');
      const isFile = paramOf(disposition, 'filename') !== undefined || paramOf(disposition, 'filename*') !== undefined;
      if (name !== undefined && !isFile && isSecretField(name)) {
        const contentStart = partStart + blank.index + blank[0].length;
        // The line break before the next delimiter belongs to the delimiter.
        const contentEnd = text.slice(contentStart, next).endsWith('\r\n')
          ? next - 2
          : text.slice(contentStart, next).endsWith('\n')
            ? next - 1
            : next;
        // An empty content (the end is never before the start) is vault.secret('') = '': nothing learned.
        out.push(
          text.slice(last, contentStart),
          vault.secret(text.slice(contentStart, contentEnd), {
            base: `BODY_${name}`,
            kind: 'body',
            where: `${where} field ${name}`,
          }),
        );
        last = contentEnd;
      }
    }
    at = found;
  }
  out.push(text.slice(last));
  return joinText(out);
}
