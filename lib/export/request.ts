import type { HarEntry, HarNameValue } from '../har/types';
import { redactHeader, redactUrl, refsOf, Vault, type SecretInfo, type Text } from '../redact';
import { exportBody } from './body';
import { dropReason, hostMatchesUrl, refuseReason } from './drop';
import { USERINFO_NOTE, withoutUserinfo } from './userinfo';
import type { DroppedHeader, ExportHeader, ExportOptions, ExportRequest } from './types';

function headersOf(entry: HarEntry): HarNameValue[] {
  const list = entry.request?.headers;
  return Array.isArray(list) ? list.filter((h) => h && typeof h.name === 'string') : [];
}

function build(entry: HarEntry, vault: Vault | null, index: number | undefined): ExportRequest {
  const sent = withoutUserinfo(String(entry.request?.url ?? ''));
  const rawUrl = sent.url;
  const headers: ExportHeader[] = [];
  const dropped: DroppedHeader[] = [];
  const notes: string[] = sent.stripped ? [USERINFO_NOTE] : [];
  let contentType = '';
  let declaredLength = 0;
  for (const h of headersOf(entry)) {
    const value = typeof h.value === 'string' ? h.value : String(h.value ?? '');
    const lower = h.name.toLowerCase();
    if (lower === 'content-length') declaredLength = Number(value) || 0;
    let why = dropReason(h.name, value);
    if (!why && lower === 'host') why = hostMatchesUrl(value, rawUrl) ? 'derived from the URL' : null;
    if (why) {
      if (!dropped.some((d) => d.name.toLowerCase() === lower)) dropped.push({ name: h.name, why });
      continue;
    }
    if (lower === 'host') notes.push("Host is kept: it differs from the URL's host, as the capture sent it");
    if (lower === 'content-type' && !contentType) contentType = value;
    headers.push({ name: h.name, value: vault ? redactHeader(h.name, value, vault, 'request') : [value] });
  }
  const post = entry.request?.postData;
  if (!contentType && typeof post?.mimeType === 'string') contentType = post.mimeType;
  const body = exportBody(post, contentType, vault, notes);
  if (!post && declaredLength > 0)
    notes.push(`the request had a ${declaredLength}-byte body that the capture does not hold; it is not sent`);
  const url: Text = vault ? redactUrl(rawUrl, vault, 'request URL') : [rawUrl];
  const names = [
    ...refsOf(url),
    ...headers.flatMap((h) => refsOf(h.value)),
    ...(body?.kind === 'text' ? refsOf(body.text) : []),
  ];
  const secrets: SecretInfo[] = vault
    ? [...new Set(names)].map((n) => vault.info(n)).filter((s): s is SecretInfo => s !== undefined)
    : [];
  const method = String(entry.request?.method || 'GET');
  const refusal = refuseReason(method, rawUrl);
  return {
    index,
    method,
    url,
    headers,
    body,
    dropped,
    notes,
    secrets,
    redacted: vault !== null,
    refused: refusal ? [refusal] : [],
  };
}

/**
 * Normalises a HAR entry's request for replay. With `redact`, a first pass lets the vault
 * learn every secret of the entry so the second pass can also catch their echoes.
 */
export function buildExportRequest(entry: HarEntry, options: ExportOptions = {}): ExportRequest {
  if (!options.redact) return build(entry, null, options.index);
  const vault = options.vault ?? new Vault();
  build(entry, vault, options.index);
  return build(entry, vault, options.index);
}
