import { decodeBase64Bytes, latin1 } from './bytes';
import { redactBody } from './body';
import { isRef, type Text } from './pieces';
import { sweep } from './sweep';
import type { Vault } from './vault';

/**
 * What to do with a base64 body (HAR `encoding: "base64"`): its bytes are decoded and read.
 * Text (valid UTF-8, no NUL) is redacted like any body and handed back as text when it held a
 * secret; binary that holds one is withheld (it can't be redacted in place); anything else is
 * kept exactly as recorded.
 */
export type EncodedBody = { kind: 'keep' } | { kind: 'text'; text: Text } | { kind: 'withhold' };

export function redactEncodedBody(b64: string, contentType: string, vault: Vault, where: string): EncodedBody {
  const bytes = decodeBase64Bytes(b64);
  if (bytes === null) {
    // Not base64 after all: read it as the text it is.
    const t = redactBody(b64, contentType, vault, where);
    return t.some(isRef) ? { kind: 'text', text: t } : { kind: 'keep' };
  }
  const text = utf8(bytes);
  if (text !== null) {
    const t = redactBody(text, contentType, vault, where);
    return t.some(isRef) ? { kind: 'text', text: t } : { kind: 'keep' };
  }
  return sweep([latin1(bytes)], vault, where).some(isRef) ? { kind: 'withhold' } : { kind: 'keep' };
}

function utf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
