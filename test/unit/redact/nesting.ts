// Generators for the property-based redaction tests (issue 16 item 7): a random secret, named
// by a random secret name, inside a random nesting of the encodings captures carry, placed at a
// random place of a HAR entry; and an independent decoding oracle that looks for the secret in
// an artefact through every one of those encodings. The oracle is written apart from
// lib/redact on purpose: the test must not share the code it checks.
import fc from 'fast-check';
import type { HarEntry } from '../../../lib/har/types';
import { makeEntry } from '../../support/har';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const uEscape = (s: string) => [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** Names forms, serialisers and APIs give secrets (lib/redact/names.ts must know each). */
export const SECRET_NAMES = [
  'password',
  'passwd',
  'api_key',
  'apiKey',
  'access_token',
  'refreshToken',
  'client_secret',
  'otp',
  'pin',
  'auth_code',
  'session_id',
  'passphrase',
  'x-api-key',
] as const;

/** The text that names the secret, before any encoding. */
const CORES = {
  json: (n: string, v: string) => `{"${n}":"${v}","other":"kept"}`,
  form: (n: string, v: string) => `keep=1&${n}=${encodeURIComponent(v)}&also=2`,
  graphqlInline: (n: string, v: string) => `mutation { login(user: "ann", ${n.replace(/-/g, '_')}: "${v}") { ok } }`,
  graphqlVariables: (n: string, v: string) =>
    `{"query":"mutation L($p: String!) { login(input: $p) { ok } }","variables":{"${n}":"${v}"}}`,
  nameValue: (n: string, v: string) => `[{"name":"user","value":"ann"},{"name":"${n}","value":"${v}"}]`,
  jsLiteral: (n: string, v: string) => `{${n.replace(/-/g, '_')}: '${v}', other: 1}`,
} as const;

/** One layer of encoding around a text; each returns text a capture could hold. */
const LAYERS = {
  url: (t: string) => encodeURIComponent(t),
  jsonString: (t: string) => JSON.stringify({ data: t }),
  base64: (t: string) => b64(t),
  base64url: (t: string) => b64url(t),
  html: (t: string) => `<input type="hidden" name="state" value="${html(t)}">`,
  unicode: (t: string) => `{"d":"${uEscape(t)}"}`,
  jsonp: (t: string) => `callback(${JSON.stringify({ payload: t })});`,
  xssi: (t: string) => `)]}'\n${JSON.stringify({ payload: t })}`,
  whitespace: (t: string) => `${' '.repeat(2048)}${t}`,
  formField: (t: string) => `a=1&data=${encodeURIComponent(t)}`,
  graphqlVariablesString: (t: string) => `query=${encodeURIComponent('{ me }')}&variables=${encodeURIComponent(t)}`,
  multipart: (t: string) => `--XyZb0und\r\nContent-Disposition: form-data; name="blob"\r\n\r\n${t}\r\n--XyZb0und--\r\n`,
} as const;

/** Where the final text goes in an entry. */
export const PLACES = [
  'query',
  'requestBody',
  'responseBody',
  'webSocket',
  'deepExtra',
  'header',
  'formParams',
] as const;

export type Place = (typeof PLACES)[number];

export interface Planted {
  secret: string;
  name: string;
  core: keyof typeof CORES;
  layers: (keyof typeof LAYERS)[];
  place: Place;
  depth: number;
}

/** A random secret: letters and digits, long enough to be one (a 6-digit OTP is tried apart). */
export const secretArb = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{10,24}$/), fc.integer({ min: 0, max: 9 }))
  .map(([s, d]) => `Zq${s}${d}`);

export const plantedArb: fc.Arbitrary<Planted> = fc.record({
  secret: secretArb,
  name: fc.constantFrom(...SECRET_NAMES),
  core: fc.constantFrom(...(Object.keys(CORES) as (keyof typeof CORES)[])),
  layers: fc.array(fc.constantFrom(...(Object.keys(LAYERS) as (keyof typeof LAYERS)[])), { maxLength: 4 }),
  place: fc.constantFrom(...PLACES),
  depth: fc.integer({ min: 1, max: 300 }),
});

export function plantedText(p: Planted): string {
  let t: string = CORES[p.core](p.name, p.secret);
  for (const l of p.layers) t = LAYERS[l](t);
  return t;
}

function deep(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { level: v };
  return v;
}

/** A refused request (403) carrying the planted text at its place. */
export function plantedEntry(p: Planted): HarEntry {
  const text = plantedText(p);
  const headerSafe = !/[\r\n]/.test(text);
  const place: Place = p.place === 'header' && !headerSafe ? 'requestBody' : p.place;
  const e = makeEntry({
    method: place === 'query' ? 'GET' : 'POST',
    url: `https://api.example.com/v1/login${place === 'query' ? `?q=${encodeURIComponent(text)}&page=2` : ''}`,
    status: 403,
    requestHeaders: place === 'header' ? { 'X-Debug-State': text } : {},
    requestBody: place === 'requestBody' || place === 'formParams' ? text : undefined,
    requestMimeType: 'text/plain',
    body: place === 'responseBody' ? text : '{"error":"forbidden"}',
    mimeType: 'application/json',
  });
  if (place === 'formParams' && e.request.postData) {
    e.request.postData.mimeType = 'application/x-www-form-urlencoded';
    e.request.postData.text = `blob=${encodeURIComponent(text)}`;
    e.request.postData.params = [{ name: 'blob', value: encodeURIComponent(text) }];
  }
  const extra = e as unknown as Record<string, unknown>;
  if (place === 'webSocket') extra._webSocketMessages = [{ type: 'receive', time: 1, opcode: 1, data: text }];
  if (place === 'deepExtra') extra._debug = deep(p.depth, { note: text });
  return e;
}

// ---- the oracle ----

function percentDecodeAll(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
const htmlDecodeAll = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
const jsUnescape = (s: string) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|[\\"'/nrt])/g, (_, e: string) =>
    e.length > 1
      ? String.fromCharCode(parseInt(e.slice(1), 16))
      : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e),
  );

/**
 * Whether `secret` can be read in `text` through any chain of the encodings above (URL, HTML,
 * JS escapes, base64 of any run), up to `budget` decoded texts.
 */
export function survives(text: string, secret: string, budget = 400): boolean {
  const seen = new Set<string>();
  const work = [text];
  while (work.length > 0 && seen.size < budget) {
    const t = work.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (t.includes(secret)) return true;
    for (const d of [percentDecodeAll(t), htmlDecodeAll(t), jsUnescape(t), t.replace(/\+/g, ' ')])
      if (d !== t) work.push(d);
    for (const m of t.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)) {
      const run = m[0];
      for (let skip = 0; skip < 4; skip++) {
        const bytes = Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        const d = bytes.toString('latin1');
        if (d.includes(secret)) return true;
        if (
          d.length >= 8 &&
          [...d].every((ch) => ch === '\t' || ch === '\n' || ch === '\r' || (ch >= ' ' && ch <= '~'))
        )
          work.push(d);
      }
    }
  }
  return false;
}
