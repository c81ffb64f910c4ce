import { joinText, type Text } from './pieces';
import { isSecretField } from './names';
import type { Vault } from './vault';

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
    const headEnd = part.search(/\r?\n\r?\n/);
    if (headEnd !== -1) {
      const head = part.slice(0, headEnd);
      const sep = /\r?\n\r?\n/.exec(part.slice(headEnd))![0];
      const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
      const isFile = /content-disposition:[^\r\n]*?\bfilename\*?=/i.test(head);
      if (name !== undefined && !isFile && isSecretField(name)) {
        const contentStart = partStart + headEnd + sep.length;
        // The line break before the next delimiter belongs to the delimiter.
        const contentEnd = text.slice(contentStart, next).endsWith('\r\n')
          ? next - 2
          : text.slice(contentStart, next).endsWith('\n')
            ? next - 1
            : next;
        if (contentEnd > contentStart) {
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
    }
    at = found;
  }
  out.push(text.slice(last));
  return joinText(out);
}
