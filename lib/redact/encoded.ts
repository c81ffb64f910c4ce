import { recordedContentBytes, type RecordedForm } from '../model/content-bytes';
import { INFLATE_CAP, latin1 } from './bytes';
import { redactBody } from './body';
import { isRef, type Text } from './pieces';
import { sweep } from './sweep';
import type { Vault } from './vault';

/**
 * What to do with a base64 body (HAR `encoding: "base64"`): its bytes are decoded and read, after
 * joining Polly's chunk array and inflating gzip or zlib (content-bytes.ts), since a compressed
 * body hides its secrets from every text reader. Text (valid UTF-8, no NUL) is redacted like any
 * body and handed back as text when it held a secret; binary that holds one is withheld (it can't
 * be redacted in place), and so is a compressed body too large to read whole, which redaction
 * cannot vouch for; anything else is kept exactly as recorded.
 */
export type EncodedBody =
  | { kind: 'keep' }
  /** `inflated`: the text is what a compressed body inflates to, not the bytes that were sent. */
  | { kind: 'text'; text: Text; inflated: boolean }
  | { kind: 'withhold'; why: string };

export function redactEncodedBody(
  b64: string,
  contentType: string,
  vault: Vault,
  where: string,
  /** `hex-chunks`: nock's array of hex chunks (content-bytes.ts hexChunkBytes), with no `encoding`. */
  form: RecordedForm = 'base64',
): EncodedBody {
  const content = recordedContentBytes(b64, form, INFLATE_CAP);
  if (content === null) {
    // Not base64 after all: read it as the text it is.
    const t = redactBody(b64, contentType, vault, where);
    return t.some(isRef) ? { kind: 'text', text: t, inflated: false } : { kind: 'keep' };
  }
  if (!content.complete)
    return { kind: 'withhold', why: 'compressed body withheld, it inflates past what redaction reads' };
  const text = utf8(content.bytes);
  if (text !== null) {
    const t = redactBody(text, contentType, vault, where);
    return t.some(isRef) ? { kind: 'text', text: t, inflated: content.inflated } : { kind: 'keep' };
  }
  return sweep([latin1(content.bytes)], vault, where).some(isRef)
    ? { kind: 'withhold', why: 'binary body withheld, it contained a secret' }
    : { kind: 'keep' };
}

function utf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
