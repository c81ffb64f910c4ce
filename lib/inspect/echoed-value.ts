import type { Exchange } from '../model/exchange';

// A server that quotes back a credential it refused received one, whatever place it travelled in.
// Apache Shindig answers a gadget's security token, sent in the `st` query parameter that no
// credential table names, with the status text "Malformed security token e=AOG8Gn…
// AuthTokenException: Unknown token format" (test/fixtures/realworld/iiithyd-websec__CORP-Headers);
// without this the engine read "no credential sent" and named auth.missing.

/** A run of a token alphabet (base64, base64url, percent-encoded). */
const RUN = /[A-Za-z0-9%+/=_~-]{20,}/g;
/**
 * How much of a run must have been sent: a message may glue words onto the token it quotes
 * (Shindig's "…W6Q%3D%3Dcom.google.gadgets…"), so the run's first characters are compared.
 */
const QUOTED = 20;
const DISTINCTIVE = (s: string) => /[A-Za-z]/.test(s) && /\d/.test(s);

// Headers that carry the page, the client or the body's shape, never a credential; a server
// quoting the User-Agent or the Referer back is not quoting a credential.
const NOT_CREDENTIAL = new Set([
  'host',
  'origin',
  'referer',
  'user-agent',
  'accept',
  'accept-language',
  'accept-encoding',
  'content-type',
  'content-length',
  'connection',
]);

/** Where the request carried `run`: a query parameter, a header or the body; null when nowhere. */
function sentIn(x: Exchange, run: string): string | null {
  // A server quotes a query value decoded, or as it sat in the URL: "…W6Q%3D%3D" (Shindig). Each
  // pair is compared both ways, so a %2B or %3D among the first characters still matches.
  for (const pair of x.url?.search.slice(1).split('&') ?? []) {
    const [name, value] = [...new URLSearchParams(pair)][0] ?? ['', ''];
    if (pair.includes(run) || value.includes(run)) return `query parameter ${name}`;
  }
  for (const h of x.req.raw) {
    const name = typeof h?.name === 'string' ? h.name : '';
    if (NOT_CREDENTIAL.has(name.toLowerCase()) || name.startsWith(':')) continue;
    if (typeof h.value === 'string' && h.value.includes(run)) return `header ${name}`;
  }
  return x.requestBody?.includes(run) ? 'the request body' : null;
}

/**
 * The first distinctive run of `message` (the first 20 characters of a token alphabet's run, letters
 * and digits both) that the request sent in a query parameter, a header or its body, with where; null
 * when the message quotes nothing the request carried. The URL's path does not count: a server
 * quoting the resource it refused ("project 5f0c… not found") is not quoting a credential.
 */
export function echoedRequestValue(x: Exchange, message: string): { run: string; where: string } | null {
  for (const m of message.matchAll(RUN)) {
    const head = m[0].slice(0, QUOTED);
    if (!DISTINCTIVE(head)) continue;
    const where = sentIn(x, head);
    if (where) return { run: head, where };
  }
  return null;
}
