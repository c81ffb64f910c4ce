import type { HarEntry } from '../har/types';
import { decodedBody, discover, newClosure, type Closure } from './closure';
import { discoverEntry } from './har';
import { isSecretStructuredField } from './names';
import type { Layer } from './forms';
import { Vault, type SecretHint } from './vault';

// Learn, then seal: before any redacted artefact is rendered, its vault learns every secret of
// the whole log (evidence quotes other entries: the call that set a cookie, the preflight, the
// last success). An entry is learned in two steps. Its known places (headers, URL, cookies,
// bodies by type) name their secrets first, so names say where they live (WHY403_AUTHORIZATION);
// then every string of the entry, at any depth (browser `_` extras, WebSocket frames, comments),
// goes through the decoding closure (closure.ts). What an entry holds is found once and cached;
// the cache is checked against the entry's size, because the panel fills a response body in
// after the entry first arrives.

interface Learned {
  size: number;
  secrets: { value: string; hint: SecretHint; paths: Layer[][] }[];
}

const cache = new WeakMap<HarEntry, Learned>();

// The size is a change check only. A size that is NaN never matches, so the entry is read again
// each time, to the same secrets (speed only). What the panel changes later is one part growing
// (a body filled in); with a term's sign flipped, that part still changes the size.
function sizeOf(e: HarEntry): number {
  // Stryker disable next-line ArrowFunction: see above (NaN)
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  return (
    // Stryker disable next-line ArithmeticOperator: see above (a term's sign)
    len(e.request?.url) +
    len(e.request?.postData?.text) +
    len(e.response?.content?.text) +
    (e.request?.headers?.length ?? 0) +
    (e.response?.headers?.length ?? 0)
  );
}

// HAR's own name/value lists, read by their own rules (har.ts); a pair object anywhere else (an
// extra, a WebSocket frame's JSON) is read by the closure's pair rule.
const OWN_LISTS = new Set(['headers', 'queryString', 'cookies', 'params']);

// Fields whose value is a date, a version, a type or an address, never free text.
const FIXED = new Set([
  'startedDateTime',
  'httpVersion',
  'method',
  'mimeType',
  'encoding',
  'serverIPAddress',
  '_resourceType',
  '_priority',
  'pageref',
]);

interface Item {
  v: unknown;
  key: string;
  /** Where in the entry, for the vault's account of where a secret was found. */
  where: string;
}

/**
 * The place a child `key` of a value at `where` is in, named as the reports name it. Only the
 * entry's own `request.postData` and `response.content` are bodies: a `response` or `content` key
 * deeper down (a browser extra, a logged copy) is a HAR field like any other.
 */
function placeOf(where: string, key: string): string {
  if (where === '') return key === 'request' || key === 'response' ? key : 'HAR field';
  if (where === 'response' && key === 'content') return 'response body';
  if (where === 'request' && key === 'postData') return 'request body';
  return where === 'request' || where === 'response' ? 'HAR field' : where;
}

/** Every string of `entry`, at any depth, with the key it sits under; base64 bodies decoded. */
function everyString(entry: HarEntry, visit: (s: string, key: string, where: string) => void): void {
  const stack: Item[] = [
    {
      v: entry,
      // Stryker disable next-line StringLiteral: the entry's own key is read by no rule: it is no string, has no `name`, and its children are read under their own keys
      key: '',
      where: '',
    },
  ];
  while (stack.length > 0) {
    const { v, key, where } = stack.pop()!;
    if (typeof v === 'string') {
      if (FIXED.has(key)) continue;
      visit(v, key, where);
    } else if (typeof v === 'number' && isSecretStructuredField(key)) visit(String(v), key, where);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // A base64 body is read as what it encodes, and only so: redaction decodes it too
      // (encoded.ts), and its raw text, random-looking as any image's, would otherwise be learned
      // as one long "token" per picture. Text that is not base64 after all is read as it is.
      // A hex chunk array (nock, Polly before v5: content-bytes.ts) is read as what it inflates to.
      let skipText = false;
      const encoding = o.encoding ?? o._encoding;
      if (!Array.isArray(v) && typeof o.text === 'string' && (encoding === 'base64' || o.text.startsWith('["'))) {
        const text = decodedBody(o.text, encoding === 'base64' ? 'base64' : 'hex-chunks');
        if (text !== null) {
          // Stryker disable next-line StringLiteral: 'text' names no secret and no fixed field, as no key ('') does
          stack.push({ v: text, key: 'text', where });
          skipText = true;
        }
      }
      if (!Array.isArray(v) && !OWN_LISTS.has(key) && typeof o.name === 'string' && 'value' in o)
        stack.push({ v: { [o.name]: o.value }, key, where });
      for (const [k, x] of Array.isArray(v) ? v.map((x) => ['', x] as const) : Object.entries(v))
        if (!(skipText && k === 'text')) stack.push({ v: x, key: k === '' ? key : k, where: placeOf(where, k) });
    }
  }
}

/** Teaches `vault` every secret of one entry: its known places, then every string's closure. */
export function discoverAll(e: HarEntry, vault: Vault): void {
  try {
    discoverEntry(e, vault);
  } catch {
    // A malformed entry still has its strings read below.
  }
  // Stryker disable next-line ArrayDeclaration: a string seeded in would be split into one-character fields, too short for any reader
  const strings: [string, string, string][] = [];
  everyString(e, (s, key, where) => strings.push([s, key, where]));
  const closure = newClosure(vault, strings.length);
  const readAll = (c: Closure) => {
    for (const [s, key, where] of strings) {
      // A scalar under a secret key (`"_token": "…"` in an extra, a pair named `password`) is
      // secret whatever it looks like; HAR's own keys (name, value, text, url…) never are.
      if (
        // Stryker disable next-line ConditionalExpression,StringLiteral: isSecretStructuredField('') is false; the check is speed only
        key !== '' &&
        isSecretStructuredField(key)
      )
        vault.secret(s, { base: `HAR_${key}`, kind: 'body', where: `HAR field ${key}` });
      // Bodies are named as the reports name them; any other string by its HAR field (placeOf).
      discover(s, c, where);
    }
  };
  readAll(closure);
  // GraphQL variables named secret by the arguments they feed are known only once the query is
  // read; read again (once) with their names.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: read again with no new names, the entry gives the same secrets
  if (closure.secretNames.size > 0) {
    const again = newClosure(vault, strings.length);
    for (const n of closure.secretNames) again.secretNames.add(n);
    readAll(again);
  }
}

/** Teaches `vault` every secret of `entries`, in order (earlier entries name theirs first). */
export function learnEntries(entries: readonly HarEntry[], vault: Vault): void {
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const size = sizeOf(e);
    let learned = cache.get(e);
    if (!learned || learned.size !== size) {
      const own = new Vault(new Set(), true);
      discoverAll(e, own);
      learned = { size, secrets: own.learned() };
      cache.set(e, learned);
    }
    for (const { value, hint, paths } of learned.secrets) {
      vault.secret(value, hint);
      for (const p of paths) vault.within(p, () => vault.secret(value, hint));
    }
  }
}
