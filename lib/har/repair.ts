// Entry-level repairs for HAR as real writers produce it (Polly.JS, proxies, old Firebug, hand-edited files).
// Rule: coerce what has one obvious meaning, skip what cannot be diagnosed, report each with its pointer.
// Copy on write: an entry that needs nothing is returned as is (large captures stay cheap to read).
import type { HarEntry, HarNameValue } from './types';

export type Warn = (pointer: string, what: string) => void;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * A coerced value as its warning shows it. Only numbers and booleans are ever read as text (scalarText),
 * and their text is short (25 characters at most: "-0.0000012345678901234567") and on one line, so it is
 * shown whole; a control-character filter and a cut here could never run.
 */
const shown = (s: string): string => JSON.stringify(s);

/** A scalar that reads as text without doubt: numbers and booleans. */
function scalarText(v: unknown): string | null {
  if (Number.isFinite(v)) return String(v); // true for numbers only: NaN and ±Infinity are not values
  if (typeof v === 'boolean') return String(v);
  return null;
}

/**
 * A name/value list (headers, query string). Array values become one pair per value, which keeps their
 * meaning (two Access-Control-Allow-Origin headers stay two); null values read as empty; items that are
 * not pairs are dropped.
 */
function repairPairs(list: unknown, ptr: string, warn: Warn, required: boolean): HarNameValue[] | undefined {
  if (!Array.isArray(list)) {
    if (list === undefined && !required) return undefined;
    warn(ptr, `${kind(list)}, read as ${required ? 'no headers' : 'empty'}`);
    return [];
  }
  // Copy on write: `out` stays unset while every pair is fine as it is.
  let out: HarNameValue[] | undefined;
  const copyUpTo = (i: number) => (out ??= list.slice(0, i) as HarNameValue[]);
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const at = `${ptr}/${i}`;
    if (!isObject(item)) {
      warn(at, `${kind(item)}, skipped`);
      copyUpTo(i);
      continue;
    }
    let name = item.name;
    if (typeof name !== 'string') {
      const text = scalarText(name);
      if (text === null) {
        warn(`${at}/name`, `${kind(name)}, pair skipped`);
        copyUpTo(i);
        continue;
      }
      warn(`${at}/name`, `${kind(name)}, read as ${shown(text)}`);
      name = text;
    }
    const value = item.value;
    if (typeof value === 'string' && name === item.name) {
      out?.push(item as unknown as HarNameValue);
      continue;
    }
    const pairs = copyUpTo(i);
    if (typeof value === 'string') pairs.push({ ...item, name: name as string, value });
    else if (Array.isArray(value)) {
      const parts = value.map((p) => (typeof p === 'string' ? p : (scalarText(p) ?? null)));
      const kept = parts.filter((p): p is string => p !== null);
      warn(
        `${at}/value`,
        `an array of ${value.length}, read as ${kept.length} ${kept.length === 1 ? 'value' : 'values'}`,
      );
      for (const p of kept) pairs.push({ ...item, name: name as string, value: p });
    } else if (value === null || value === undefined) {
      warn(`${at}/value`, `${kind(value)}, read as ""`);
      pairs.push({ ...item, name: name as string, value: '' });
    } else {
      const text = scalarText(value);
      if (text === null) {
        warn(`${at}/value`, `${kind(value)}, pair skipped`);
        continue;
      }
      warn(`${at}/value`, `${kind(value)}, read as ${shown(text)}`);
      pairs.push({ ...item, name: name as string, value: text });
    }
  }
  return out ?? (list as HarNameValue[]);
}

/** Optional text fields (postData.text, content.text, mimeType…): null is "absent", numbers read as text. */
function repairText(o: Obj, key: string, ptr: string, warn: Warn): void {
  const v = o[key];
  if (v === undefined || typeof v === 'string') return;
  if (v === null) {
    delete o[key]; // a null body is how several writers say "no body": not worth a warning
    return;
  }
  if (key === 'text' && typeof v === 'object') {
    // A recorder that keeps a JSON body parsed (ScaleLeap's Polly recordings write content.text and
    // postData.text as the object or array itself) means that JSON's text. Ignoring it lost the body
    // that states the refusal (`{"code":"403","details":"HTTP 403 Forbidden"}`).
    o[key] = JSON.stringify(v);
    warn(`${ptr}/${key}`, `${kind(v)}, read as its JSON text`);
    return;
  }
  const text = scalarText(v);
  if (text !== null) {
    o[key] = text;
    warn(`${ptr}/${key}`, `${kind(v)}, read as ${shown(text)}`);
  } else {
    delete o[key];
    warn(`${ptr}/${key}`, `${kind(v)}, ignored`);
  }
}

function repairBody(parent: Obj, key: string, ptr: string, warn: Warn, fields: string[]): void {
  const v = parent[key];
  if (v === undefined) return;
  if (!isObject(v)) {
    delete parent[key];
    if (v !== null) warn(`${ptr}/${key}`, `${kind(v)}, ignored`);
    return;
  }
  const copy = { ...v };
  for (const f of fields) repairText(copy, f, `${ptr}/${key}`, warn);
  parent[key] = copy;
}

function repairList(parent: Obj, key: string, ptr: string, warn: Warn): void {
  const v = parent[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    delete parent[key];
    if (v !== null) warn(`${ptr}/${key}`, `${kind(v)}, ignored`);
    return;
  }
  const kept = v.filter(isObject);
  const n = v.length - kept.length;
  if (n === 0) return;
  warn(`${ptr}/${key}`, n === 1 ? '1 item that is not an object, skipped' : `${n} items that are not objects, skipped`);
  parent[key] = kept;
}

function repairStatus(res: Obj, ptr: string, warn: Warn): void {
  const v = res.status;
  if (Number.isInteger(v) && (v as number) >= 0) return; // Number.isInteger is false for all but numbers
  if (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v)) {
    res.status = Number(v);
    warn(`${ptr}/status`, `a string, read as ${Number(v)}`);
    return;
  }
  res.status = 0;
  warn(`${ptr}/status`, `${kind(v)}${typeof v === 'number' ? ` (${v})` : ''}, read as 0 (no response)`);
}

/** A stand-in that keeps the entry's position (entries are addressed by index) and is never flagged. */
function skipped(raw: unknown): HarEntry {
  const req = isObject(raw) && isObject(raw.request) ? raw.request : {};
  return {
    request: {
      method: typeof req.method === 'string' ? req.method : '',
      url: typeof req.url === 'string' ? req.url : '',
      headers: [],
    },
    response: { status: 0, statusText: '', headers: [] },
    comment: 'why403: not readable, skipped',
  };
}

const optText = (v: unknown) => v === undefined || typeof v === 'string';

function pairsOk(list: unknown, required: boolean): boolean {
  if (!Array.isArray(list)) return !required && list === undefined;
  for (const p of list) if (!isObject(p) || typeof p.name !== 'string' || typeof p.value !== 'string') return false;
  return true;
}

function bodyOk(v: unknown): boolean {
  return v === undefined || (isObject(v) && optText(v.text) && optText(v.mimeType) && optText(v.encoding));
}

function cookiesOk(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) && v.every(isObject));
}

/** The common case, checked without allocating: an entry as the spec shapes it needs no repair. */
function wellFormed(raw: Obj): boolean {
  const req = raw.request;
  const res = raw.response;
  return (
    isObject(req) &&
    isObject(res) &&
    typeof req.url === 'string' &&
    typeof req.method === 'string' &&
    pairsOk(req.headers, true) &&
    pairsOk(req.queryString, false) &&
    cookiesOk(req.cookies) &&
    bodyOk(req.postData) &&
    pairsOk(res.headers, true) &&
    cookiesOk(res.cookies) &&
    bodyOk(res.content) &&
    Number.isInteger(res.status) &&
    (res.status as number) >= 0 &&
    optText(raw.startedDateTime) &&
    optText(res.statusText) &&
    optText(raw._resourceType)
  );
}

/** Repairs one entry. `ok` is false when it could not be read at all (it is then a never-flagged stand-in). */
export function repairEntry(raw: unknown, ptr: string, warn: Warn): { entry: HarEntry; ok: boolean } {
  if (!isObject(raw)) {
    warn(ptr, `${kind(raw)}, entry skipped`);
    return { entry: skipped(raw), ok: false };
  }
  if (wellFormed(raw)) return { entry: raw as unknown as HarEntry, ok: true };
  const req = raw.request;
  const res = raw.response;
  if (!isObject(req)) {
    warn(`${ptr}/request`, `${kind(req)}, entry skipped`);
    return { entry: skipped(raw), ok: false };
  }
  if (typeof req.url !== 'string') {
    warn(`${ptr}/request/url`, `${kind(req.url)}, entry skipped`);
    return { entry: skipped(raw), ok: false };
  }
  if (!isObject(res)) {
    // Without a response there is no status to judge: nothing to diagnose.
    warn(`${ptr}/response`, `${kind(res)}, entry skipped`);
    return { entry: skipped(raw), ok: false };
  }
  // wellFormed found something to repair, so the copies below are what is returned: every check there
  // has its repair here, and each repair below leaves a field that check would pass as it was.
  const entry: Obj = { ...raw };
  const request: Obj = { ...req };
  const response: Obj = { ...res };
  if (typeof request.method !== 'string') {
    const text = scalarText(request.method);
    request.method = text ?? 'GET';
    warn(`${ptr}/request/method`, `${kind(req.method)}, read as ${shown(text ?? 'GET')}`);
  }
  for (const [obj, base] of [
    [request, `${ptr}/request`],
    [response, `${ptr}/response`],
  ] as const) {
    obj.headers = repairPairs(obj.headers, `${base}/headers`, warn, true);
    repairList(obj, 'cookies', base, warn);
  }
  const query = repairPairs(request.queryString, `${ptr}/request/queryString`, warn, false);
  if (query) request.queryString = query;
  repairBody(request, 'postData', `${ptr}/request`, warn, ['text', 'mimeType', 'encoding']);
  repairBody(response, 'content', `${ptr}/response`, warn, ['text', 'mimeType', 'encoding']);
  repairStatus(response, `${ptr}/response`, warn);
  for (const [obj, key, base] of [
    [entry, 'startedDateTime', ptr],
    [response, 'statusText', `${ptr}/response`],
    [entry, '_resourceType', ptr],
  ] as const) {
    repairText(obj, key, base, warn);
  }
  entry.request = request;
  entry.response = response;
  return { entry: entry as unknown as HarEntry, ok: true };
}
