// What a replay must not carry over from a capture. Content-Length is recomputed from the
// body; HTTP/2 pseudo-headers are the URL and method again; hop-by-hop headers describe the
// browser's connection, not the request (RFC 9110 §7.6.1), and curl or fetch set their own.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function dropReason(name: string, value: string): string | null {
  const n = name.toLowerCase();
  if (n.startsWith(':')) return 'HTTP/2 pseudo-header, carried by the URL and method';
  if (n === 'content-length') return 'recomputed from the body';
  if (HOP_BY_HOP.has(n)) return "hop-by-hop, belongs to the browser's connection";
  if (!TOKEN.test(name)) return 'not a valid header name';
  if (/[\r\n\0]/.test(value)) return 'value holds a line break or NUL, which HTTP cannot carry';
  // RFC 9110 §5.5: a field value is visible characters, space, tab and obs-text, nothing else.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\x01-\x08\x0a-\x1f\x7f]/.test(value)) return 'value holds a control character, which HTTP does not allow';
  return null;
}

/**
 * Why a request cannot be sent as recorded by any client: a method that is not an HTTP token
 * (a space or line break in it would forge the request line) or a URL that is not an absolute
 * http(s) URL made of characters a request line can hold. Null when it can.
 */
export function refuseReason(method: string, rawUrl: string): string | null {
  if (!TOKEN.test(method)) return 'the method is not a valid HTTP token';
  if (!/^https?:\/\/[^/?#\s]/i.test(rawUrl)) return 'the URL is not an absolute http(s) URL';
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\x00-\x20\x7f-\x9f]/.test(rawUrl))
    return 'the URL holds a space or a control character, which a request line cannot carry';
  // Browsers record URLs percent-encoded; raw non-ASCII only comes from an edited HAR, and each
  // client would encode it its own way (curl in lower case, fetch by WHATWG rules).
  if (/[^\x21-\x7e]/.test(rawUrl)) return 'the URL holds characters outside ASCII, which clients encode differently';
  return null;
}

const DEFAULT_PORT = new Map<string, string>([
  ['http:', '80'],
  ['https:', '443'],
  ['ws:', '80'],
  ['wss:', '443'],
]);

/**
 * Host is dropped when it names the URL's own authority (every client derives it from the
 * URL) and kept when it differs: a capture through a proxy or a virtual-host test sent
 * that exact value, and replaying it is the faithful choice.
 */
export function hostMatchesUrl(host: string, rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  const h = host.trim().toLowerCase();
  const port = DEFAULT_PORT.get(url.protocol);
  const stripped = port && h.endsWith(`:${port}`) ? h.slice(0, -port.length - 1) : h;
  return stripped === url.host.toLowerCase();
}
