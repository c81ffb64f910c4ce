import type { Exchange } from '../model/exchange';
import { base64ToBytes } from '../model/base64';

/**
 * gRPC-web status of a response. gRPC answers HTTP 200 even when the call failed: the outcome
 * is `grpc-status` (and percent-encoded `grpc-message`) in the headers of a trailers-only
 * answer, or in a trailer frame (flag 0x80) at the end of the body, whose payload is
 * HTTP/1-style header lines. grpc-web-text carries the body base64-encoded, one padded chunk
 * per write. Sources:
 * https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md
 * https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md (grpc-message encoding)
 * https://grpc.github.io/grpc/core/md_doc_statuscodes.html (codes)
 */
export interface GrpcStatus {
  code: number;
  name: string;
  /** Decoded grpc-message, clipped; '' when absent. */
  message: string;
  /** Where it was read: the response headers or a trailer frame in the body. */
  from: 'header' | 'trailer';
  /** The lines as received (clipped), for evidence. */
  quotes: string[];
}

export const GRPC_CODES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** The codes that mean "refused": 16 UNAUTHENTICATED, 7 PERMISSION_DENIED, 8 RESOURCE_EXHAUSTED. */
export const GRPC_REFUSALS: ReadonlySet<number> = new Set([16, 7, 8]);

/** Trailers sit at the end of the body; a huge stream is not read past this. */
const SCAN = 512 * 1024;

export function isGrpcWeb(x: Exchange): boolean {
  const type = (x.res.get('content-type') ?? x.req.get('content-type') ?? '').toLowerCase();
  return type.startsWith('application/grpc') || x.res.has('grpc-status');
}

/** RFC 3986 percent-decoding as gRPC specifies it; a bad escape is kept as written. */
export function decodeGrpcMessage(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function statusFrom(
  status: string | undefined,
  message: string | undefined,
  from: GrpcStatus['from'],
): GrpcStatus | null {
  if (status === undefined || !/^\s*\d{1,3}\s*$/.test(status)) return null;
  const code = Number(status);
  const quotes = [`grpc-status: ${status.trim()}`];
  if (message !== undefined) quotes.push(`grpc-message: ${message.trim().slice(0, 200)}`);
  return {
    code,
    name: GRPC_CODES[code] ?? `code ${code}`,
    message: message !== undefined ? decodeGrpcMessage(message.trim()).slice(0, 300) : '',
    from,
    quotes,
  };
}

/** Header lines of a trailer payload: "grpc-status:16\r\ngrpc-message:..." (names case-insensitive). */
function parseTrailerBlock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Walks length-prefixed frames; returns the payload of the last trailer frame, or null. */
function trailerOfFrames(bytes: Uint8Array): string | null {
  let at = 0;
  let trailer: string | null = null;
  while (at + 5 <= bytes.length) {
    const flag = bytes[at]!;
    const len = ((bytes[at + 1]! << 24) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 8) | bytes[at + 4]!) >>> 0;
    const end = at + 5 + len;
    if (end > bytes.length) return trailer;
    if (flag & 0x80) trailer = latin1(bytes, at + 5, end);
    at = end;
  }
  return trailer;
}

/** grpc-web-text: concatenated base64 chunks, each padded; decode chunk by chunk. */
function fromBase64Chunks(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=]*$/.test(clean) || clean.length === 0) return null;
  const parts = clean.match(/[^=]*=*/g)?.filter(Boolean) ?? [];
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const b = base64ToBytes(p);
    if (!b) return null;
    chunks.push(b);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The body's bytes as captured: base64 in the HAR (binary), text, or grpc-web-text base64. */
function bodyBytes(x: Exchange): Uint8Array | null {
  const content = x.entry.response?.content;
  const raw = typeof content?.text === 'string' ? content.text.slice(0, SCAN) : '';
  if (!raw) return null;
  let bytes: Uint8Array | null =
    content?.encoding === 'base64' ? base64ToBytes(raw) : Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  if (!bytes) return null;
  const type = (x.res.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/grpc-web-text')) bytes = fromBase64Chunks(latin1(bytes)) ?? bytes;
  return bytes;
}

function statusOfBody(x: Exchange): GrpcStatus | null {
  const bytes = bodyBytes(x);
  if (!bytes) return null;
  let block = trailerOfFrames(bytes);
  if (block === null) {
    // A body stored as UTF-8 text loses the frame lengths; the trailer lines still read.
    const text = latin1(bytes);
    const at = text.search(/grpc-status\s*:/i);
    if (at === -1) return null;
    block = text.slice(at, at + 2048);
  }
  const fields = parseTrailerBlock(block);
  return statusFrom(fields.get('grpc-status'), fields.get('grpc-message'), 'trailer');
}

const cache = new WeakMap<Exchange, { text: unknown; status: GrpcStatus | null }>();

/** The gRPC status of a gRPC-web response (headers first, then the body's trailer), or null. */
export function grpcStatusOf(x: Exchange): GrpcStatus | null {
  if (!isGrpcWeb(x)) return null;
  const inHeaders = statusFrom(x.res.get('grpc-status'), x.res.get('grpc-message'), 'header');
  if (inHeaders) return inHeaders;
  // The panel fills the body in later (getContent): cache per body text.
  const text = x.entry.response?.content?.text;
  const hit = cache.get(x);
  if (hit && hit.text === text) return hit.status;
  const status = statusOfBody(x);
  cache.set(x, { text, status });
  return status;
}

/** A gRPC-web refusal (16, 7 or 8), or null. Status 0 (OK) and other failures stay quiet. */
export function grpcRefusal(x: Exchange): GrpcStatus | null {
  if (x.isPreflight) return null;
  const s = grpcStatusOf(x);
  return s && GRPC_REFUSALS.has(s.code) ? s : null;
}
