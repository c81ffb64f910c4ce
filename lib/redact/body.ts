import { joinText, mapLiterals, type Text } from './pieces';
import { redactPairs } from './form';
import { redactJson } from './json';
import { boundaryOf } from '../model/body';
import { redactMultipart, sniffBoundary } from './multipart';
import { redactMarkup } from './markup';
import { sweep } from './sweep';
import type { Vault } from './vault';

/** The first character that is not white space or a byte-order mark, within the first 1024. */
function firstChar(text: string): string {
  for (const c of text.slice(0, 1024)) {
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\ufeff') return c;
  }
  // The head is only compared with `{`, `[` and `<`: any other string reads the same.
  // Stryker disable next-line StringLiteral: see above
  return '';
}

/** `a=1&b=2` with no spaces: a form body whatever its declared type. */
function looksLikeForm(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^[\w.%+[\]-]{1,100}=/.test(head) && !/\s/.test(head.trim());
}

/**
 * Redacts a textual body by its type: JSON fields, form fields, multipart parts, XML
 * elements; then sweeps for known secrets and JWTs. `contentType` is the full header value
 * (the multipart boundary lives there).
 */
export function redactBody(text: string, contentType: string, vault: Vault, where = 'request body'): Text {
  const unread = vault.unread(text, where);
  if (unread !== null) return [unread];
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  // The content type is what the sender claimed; the shape of the text decides too (JSON
  // served as text/html, a form posted as text/plain), and a body is read every way it fits.
  const head = firstChar(text);
  let out: Text;
  if (mime.startsWith('multipart/')) {
    const boundary = boundaryOf(contentType) ?? sniffBoundary(text);
    out = boundary ? redactMultipart(text, boundary, vault, where) : [text];
  } else if (mime.includes('json') || head === '{' || head === '[') out = redactJson(text, vault, where);
  else if (mime === 'application/x-www-form-urlencoded' || looksLikeForm(text)) {
    out = redactPairs(text, vault, { base: 'BODY', kind: 'body', where: `${where} field` });
  } else out = [text];
  if (
    mime.includes('xml') ||
    mime.includes('html') ||
    head === '<' ||
    text.includes('<input') ||
    text.includes('<INPUT')
  )
    out = mapLiterals(out, (s) => redactMarkup(s, vault, where));
  return sweep(joinText(out), vault, where);
}
