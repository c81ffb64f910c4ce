import { boundaryOf } from '../model/body';
import type { HarPostData } from '../har/types';
import { decodeBase64Bytes, redactBody, redactEncodedBody, Vault } from '../redact';
import type { ExportBody } from './types';

function multipartFromParams(
  params: NonNullable<HarPostData['params']>,
  boundary: string,
): { text: string; missingFiles: boolean } {
  let text = '';
  let missingFiles = false;
  for (const p of params) {
    const file = p.fileName !== undefined ? `; filename="${p.fileName}"` : '';
    if (p.fileName !== undefined) missingFiles = true;
    text +=
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n` +
      `${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n${p.value ?? ''}\r\n`;
  }
  return { text: `${text}--${boundary}--\r\n`, missingFiles };
}

/**
 * The body bytes the browser sent, as HAR holds them: text, base64 (`encoding` or Chrome's
 * `_encoding`), or only form params (rebuilt, and said so). Null when there was none.
 */
export function exportBody(
  post: HarPostData | undefined,
  contentType: string,
  vault: Vault | null,
  notes: string[],
): ExportBody | null {
  if (!post || typeof post !== 'object') return null;
  const enc = post.encoding ?? post._encoding;
  if (typeof post.text === 'string') {
    if (enc === 'base64') {
      const bytes = decodeBase64Bytes(post.text);
      if (bytes === null) {
        notes.push('the body is marked base64 but is not valid base64: it is sent as recorded');
        return exportText(post.text, contentType, vault);
      }
      const r = vault ? redactEncodedBody(post.text, contentType, vault, 'request body') : ({ kind: 'keep' } as const);
      if (r.kind === 'withhold') {
        notes.push('the binary body holds a secret and is left out of this redacted export: add it yourself');
        return null;
      }
      // A compressed body sent as its inflated text would not be the request that was made.
      // Stryker disable next-line ConditionalExpression: only a text result carries inflated
      if (r.kind === 'text' && r.inflated) {
        notes.push('the compressed body holds a secret and is left out of this redacted export: add it yourself');
        return null;
      }
      // Text that held a secret is sent as that text (same bytes once the variables are set).
      if (r.kind === 'text') return { kind: 'text', text: r.text };
      return { kind: 'bytes', bytes };
    }
    return exportText(post.text, contentType, vault);
  }
  if (Array.isArray(post.params) && post.params.length > 0) {
    const boundary = boundaryOf(contentType);
    if (/^multipart\//i.test(contentType) && boundary) {
      const { text, missingFiles } = multipartFromParams(post.params, boundary);
      notes.push(
        `the body was rebuilt from the recorded form fields${missingFiles ? '; file contents were not captured and are sent empty' : ''}`,
      );
      return exportText(text, contentType, vault);
    }
    notes.push('the body was rebuilt from the recorded form fields (application/x-www-form-urlencoded)');
    return exportText(
      new URLSearchParams(post.params.map((p) => [String(p.name), String(p.value ?? '')])).toString(),
      contentType,
      vault,
    );
  }
  return null;
}

function exportText(text: string, contentType: string, vault: Vault | null): ExportBody {
  return {
    kind: 'text',
    text: vault ? redactBody(text, contentType, vault, 'request body') : text === '' ? [] : [text],
  };
}
