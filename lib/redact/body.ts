import { joinText, type Text } from './pieces';
import { redactPairs } from './form';
import { redactJson } from './json';
import { boundaryOf } from '../model/body';
import { redactMultipart } from './multipart';
import { isSecretStructuredField as isSecretField } from './names';
import { sweep } from './sweep';
import type { Vault } from './vault';

/** `<password>…</password>`, `<wsse:Password …>…</wsse:Password>`: SOAP and XML logins. */
function redactXml(text: string, vault: Vault, where: string): Text {
  const out: Text = [];
  let last = 0;
  for (const m of text.matchAll(/<((?:[\w.-]+:)?([\w.-]+))(\s[^>]*)?>([^<]+)<\/\1\s*>/g)) {
    if (!isSecretField(m[2]!)) continue;
    const start = m.index + m[0].indexOf('>') + 1;
    out.push(
      text.slice(last, start),
      vault.secret(m[4]!, { base: `BODY_${m[2]}`, kind: 'body', where: `${where} element ${m[2]}` }),
    );
    last = start + m[4]!.length;
  }
  out.push(text.slice(last));
  return joinText(out);
}

/**
 * Redacts a textual body by its type: JSON fields, form fields, multipart parts, XML
 * elements; then sweeps for known secrets and JWTs. `contentType` is the full header value
 * (the multipart boundary lives there).
 */
export function redactBody(text: string, contentType: string, vault: Vault, where = 'request body'): Text {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  const head = text.trimStart().slice(0, 1);
  let out: Text;
  if (/json/.test(mime) || ((mime === '' || mime.startsWith('text/plain')) && (head === '{' || head === '[')))
    out = redactJson(text, vault, where);
  else if (
    mime === 'application/x-www-form-urlencoded' ||
    (mime === '' && /^[\w.%+-]+=[^\s]*$/.test(text.slice(0, 4096)))
  ) {
    out = redactPairs(text, vault, { base: 'BODY', kind: 'body', where: `${where} field` });
  } else if (mime.startsWith('multipart/')) {
    const boundary = boundaryOf(contentType);
    out = boundary ? redactMultipart(text, boundary, vault, where) : [text];
  } else if (/xml/.test(mime) || head === '<') out = redactXml(text, vault, where);
  else out = [text];
  return sweep(joinText(out), vault, where);
}
