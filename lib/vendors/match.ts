import type { Evidence } from '../core/causes';
import type { Credentials } from '../inspect/credentials';
import type { Exchange } from '../model/exchange';
import type { HeaderList } from '../model/headers';
import { normalizeBody } from './normalize';
import type { HeaderMatch, Signature } from './types';
import { unreachable } from '../core/unreachable';
import { REFUSAL_STATUSES } from '../core/statuses';

// Query parameters that carry a request signature (SigV4, Azure SAS, CloudFront, GCS):
// such a request is authenticated even without an Authorization header.
const SIGNED_QUERY = new Set([
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'sig',
  'signature',
  'x-goog-signature',
  'key-pair-id',
]);

/** What signatures are matched against, computed once per entry. */
export interface MatchInput {
  status: number;
  host: string;
  res: HeaderList;
  /** Normalised body, or null when absent or binary. */
  text: string | null;
  credentials: boolean;
  /** "Authorization: Bearer (…)", "X-Amz-Signature in the query": safe to show, or null. */
  authorization: string | null;
  /** "x-api-key header (40 chars)": safe to show, or null. */
  apiKey: string | null;
  /** The request URL's scheme when it is not TLS (`http:`, `ws:`), else null. */
  plainScheme: string | null;
}

export function matchInput(x: Exchange, creds: Credentials, scan?: number): MatchInput {
  const raw = x.body.text;
  const head = raw !== null && scan !== undefined && raw.length > scan ? raw.slice(0, scan) : raw;
  let authorization: string | null = null;
  if (creds.authorization !== null) {
    const scheme = creds.authorization.trim().split(/\s/, 1)[0] ?? '';
    authorization = `Authorization: ${scheme.slice(0, 24)} … (${creds.authorization.length} chars)`;
  } else if (x.url) {
    for (const name of x.url.searchParams.keys()) {
      if (SIGNED_QUERY.has(name.toLowerCase())) {
        authorization = `${name.slice(0, 40)} in the query string`;
        break;
      }
    }
  }
  const key = creds.apiKeys[0];
  return {
    status: x.status,
    host: x.url?.hostname.toLowerCase() ?? '',
    res: x.res,
    text: head ? normalizeBody(head) : null,
    credentials: creds.any,
    authorization,
    apiKey: key
      ? `${key.name.slice(0, 40)} ${key.in === 'query' ? 'query parameter' : key.in} (${key.value.length} chars)`
      : null,
    plainScheme: x.url?.protocol === 'http:' || x.url?.protocol === 'ws:' ? x.url.protocol : null,
  };
}

/**
 * Some servers echo the credential they refused ("Invalid API key: sk_live_…"). Long runs of
 * letters and digits (keys, tokens, signatures) are cut to their first 4 characters.
 */
export function maskSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_+=%-]{32,}/g, (run) =>
    /[A-Za-z]/.test(run) && /\d/.test(run) ? `${run.slice(0, 4)}…(${run.length} chars)` : run,
  );
}

/** Quotes the part of the body a signature matched, trimmed to one readable line. */
export function quoteMatch(text: string, m: RegExpExecArray): string {
  const matchEnd = m.index + m[0].length;
  // Patterns anchored near the top ("^[\s\S]{0,2000}?marker") match a long prefix; quote the marker.
  const from = m[0].length > 160 ? matchEnd - 160 : m.index;
  const start = Math.max(0, from - 40);
  const end = Math.min(text.length, matchEnd + 60);
  const snippet = maskSecrets(text.slice(start, end).replace(/\s+/g, ' ').trim());
  return (start > 0 ? '…' : '') + snippet + (end < text.length ? '…' : '');
}

function list<T>(v: T | readonly T[] | undefined): readonly T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

function headerHit(res: HeaderList, h: HeaderMatch): Evidence | null {
  for (const v of res.getAll(h.name)) {
    if (h.value && !h.value.test(v)) continue;
    return { where: 'response.header', name: h.name.toLowerCase(), detail: `${h.name}: ${v.slice(0, 200)}` };
  }
  return null;
}

function requirementHit(s: Signature, m: MatchInput): Evidence | null | undefined {
  switch (s.requires) {
    case undefined:
      return undefined;
    case 'credentials':
      return m.credentials
        ? { where: 'request.header', detail: m.authorization ?? m.apiKey ?? 'credentials sent (cookies)' }
        : null;
    case 'no-credentials':
      return m.credentials
        ? null
        : { where: 'request.header', detail: 'no Authorization header, API key or cookie sent' };
    case 'authorization':
      return m.authorization ? { where: 'request.header', name: 'authorization', detail: m.authorization } : null;
    case 'no-authorization':
      return m.authorization
        ? null
        : { where: 'request.header', name: 'authorization', detail: 'no Authorization header or signed query sent' };
    case 'api-key':
      return m.apiKey ? { where: 'request.header', detail: `API key sent: ${m.apiKey}` } : null;
    case 'no-api-key':
      return m.apiKey ? null : { where: 'request.header', detail: 'no API key header or query parameter sent' };
    case 'no-token':
      return m.authorization || m.apiKey
        ? null
        : { where: 'request.header', detail: 'no Authorization header, signed query or API key sent' };
    case 'plain-http':
      return m.plainScheme
        ? { where: 'request.line', detail: `the request used ${m.plainScheme}//, without TLS` }
        : null;
    default:
      return unreachable(s.requires, 'signature requirement');
  }
}

interface Compiled {
  re: RegExp;
  /** The marker must start within this many characters of the top, or null (anywhere). */
  window: number | null;
}

const compiledCache = new WeakMap<RegExp, Compiled>();
const NEAR_TOP = /^\^\[\\s\\S\]\{0,(\d+)\}\?/;

/**
 * "^[\s\S]{0,4000}?marker" says "marker near the top" but makes V8 try the marker at every
 * offset; on a 10,000-entry HAR those patterns cost more than the rest of the engine together.
 * Compiled once into "search for the marker in the first 4000 characters", which V8 scans fast.
 * Also drops g/y flags, so shared table regexes never carry lastIndex between entries.
 */
function compile(re: RegExp): Compiled {
  let c = compiledCache.get(re);
  if (!c) {
    const flags = re.flags.replace(/[gy]/g, '');
    const near = NEAR_TOP.exec(re.source);
    c = near
      ? { re: new RegExp(re.source.slice(near[0].length), flags), window: Number(near[1]) }
      : { re: flags === re.flags ? re : new RegExp(re.source, flags), window: null };
    compiledCache.set(re, c);
  }
  return c;
}

/** Markers are short; a match that starts inside the window ends well within this slack. */
const MARKER_SLACK = 2000;

export function execNearTop(re: RegExp, text: string): RegExpExecArray | null {
  const c = compile(re);
  if (c.window === null) return c.re.exec(text);
  const head = text.length > c.window + MARKER_SLACK ? text.slice(0, c.window + MARKER_SLACK) : text;
  const found = c.re.exec(head);
  return found && found.index <= c.window ? found : null;
}

/** The evidence for a signature, or null when it does not match. Never throws. */
export function matchSignature(s: Signature, m: MatchInput): Evidence[] | null {
  if (!(s.status ?? REFUSAL_STATUSES).includes(m.status)) return null;
  if (s.host && !s.host.test(m.host)) return null;
  const evidence: Evidence[] = [];
  const req = requirementHit(s, m);
  if (req === null) return null;
  for (const h of list(s.header)) {
    const e = headerHit(m.res, h);
    if (!e) return null;
    evidence.push(e);
  }
  if (s.anyHeader) {
    let hit: Evidence | null = null;
    for (const h of s.anyHeader) if ((hit = headerHit(m.res, h))) break;
    if (!hit) return null;
    evidence.push(hit);
  }
  for (const re of list(s.body)) {
    if (m.text === null) return null;
    const found = execNearTop(re, m.text);
    if (!found) return null;
    evidence.push({ where: 'response.body', detail: quoteMatch(found.input, found) });
  }
  if (req) evidence.push(req);
  return evidence;
}
