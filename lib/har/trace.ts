import { unzipSync, type UnzipFileInfo } from 'fflate';

// A Playwright trace (trace.zip, https://playwright.dev/docs/trace-viewer) records the network
// as HAR entries: each `<name>.network` file is newline-delimited JSON holding
// {"type":"resource-snapshot","snapshot":{…HAR entry…}} events, and the bodies live apart,
// under resources/. Playwright 1.4x wrote `_sha1` (the file resources/<sha1>); newer versions
// write `_file` (the path in the zip). The trace viewer reads, for each `<name>.trace` in the
// archive, its `<name>.network`; so do we, in the same order: that is the recording order.

/** A trace read as a HAR value (to be validated like any HAR), and what could not be read. */
export interface TraceRead {
  value: { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } };
  warnings: string[];
}

export class TraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

/** ZIP's local file header signature, "PK\3\4": how a trace is told from HAR text. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// A zip states each file's size, and a hostile one can state anything: refuse what would not
// fit in a JavaScript string rather than let an allocation fail somewhere less clear.
const MAX_FILE = 512 * 1024 * 1024;
const MAX_TOTAL = 1024 * 1024 * 1024;

function unzip(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  let total = 0;
  const filter = (f: UnzipFileInfo) => {
    if (!want(f.name)) return false;
    total += f.originalSize;
    if (f.originalSize > MAX_FILE || total > MAX_TOTAL)
      throw new TraceError(`${f.name} is too large to read (${f.originalSize} bytes)`);
    return true;
  };
  try {
    return unzipSync(bytes, { filter });
  } catch (err) {
    if (err instanceof TraceError) throw err;
    throw new TraceError(`not a readable zip: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a body lives in the zip: `_file` (a path) or `_sha1` (a name under resources/). */
function bodyPath(holder: Record<string, unknown>): string | null {
  if (typeof holder._file === 'string') return holder._file;
  if (typeof holder._sha1 === 'string') return `resources/${holder._sha1}`;
  return null;
}

function bodyRefs(snapshot: Record<string, unknown>): {
  post: Record<string, unknown> | null;
  content: Record<string, unknown> | null;
} {
  const request = isObject(snapshot.request) ? snapshot.request : null;
  const response = isObject(snapshot.response) ? snapshot.response : null;
  const post = request && isObject(request.postData) ? request.postData : null;
  const content = response && isObject(response.content) ? response.content : null;
  return { post: post && bodyPath(post) ? post : null, content: content && bodyPath(content) ? content : null };
}

/**
 * Reads the network of a Playwright trace as a HAR log, bodies inlined as a HAR with
 * `content: 'embed'` holds them: UTF-8 text as text, anything else base64. Lines that are not
 * resource snapshots are other events and are passed over; lines that cannot be read, and
 * bodies missing from the archive, are warnings. Throws TraceError when there is no network.
 */
export function readTrace(bytes: Uint8Array): TraceRead {
  const warnings: string[] = [];
  // Names first (a .trace file can be large and is not needed), then only the network files.
  const names: string[] = [];
  unzip(bytes, (name) => {
    names.push(name);
    return false;
  });
  const traces = names.filter((n) => n.endsWith('.trace'));
  const networks = traces.map((t) => `${t.slice(0, -'.trace'.length)}.network`).filter((n) => names.includes(n));
  if (networks.length === 0)
    throw new TraceError(
      traces.length === 0 ? 'not a Playwright trace: no .trace file in the zip' : 'the trace recorded no network',
    );

  const snapshots: Record<string, unknown>[] = [];
  const files = unzip(bytes, (name) => networks.includes(name));
  for (const name of networks) {
    const text = lenient.decode(files[name]!);
    delete files[name];
    let line = 0;
    for (const raw of text.split('\n')) {
      line++;
      if (raw.trim() === '') continue;
      let event: unknown;
      try {
        event = JSON.parse(raw);
      } catch {
        warnings.push(`${name} line ${line}: not JSON, skipped`);
        continue;
      }
      if (!isObject(event) || event.type !== 'resource-snapshot') continue;
      if (!isObject(event.snapshot)) {
        warnings.push(`${name} line ${line}: a resource snapshot without a snapshot, skipped`);
        continue;
      }
      snapshots.push(event.snapshot);
    }
  }

  const wanted = new Set<string>();
  for (const s of snapshots) {
    const { post, content } = bodyRefs(s);
    if (post) wanted.add(bodyPath(post)!);
    if (content) wanted.add(bodyPath(content)!);
  }
  const bodies = wanted.size > 0 ? unzip(bytes, (name) => wanted.has(name)) : {};

  const entries = snapshots.map((s, i) => {
    const { post, content } = bodyRefs(s);
    const missing = (path: string) => warnings.push(`/log/entries/${i}: body ${path} is not in the trace`);
    if (content) {
      const path = bodyPath(content)!;
      const body = bodies[path];
      const { _file: _f, _sha1: _s, ...rest } = content;
      if (!body) missing(path);
      else {
        try {
          Object.assign(rest, { text: utf8.decode(body) });
        } catch {
          Object.assign(rest, { text: base64(body), encoding: 'base64' });
        }
      }
      (s.response as Record<string, unknown>).content = rest;
    }
    if (post) {
      const path = bodyPath(post)!;
      const body = bodies[path];
      const { _file: _f, _sha1: _s, ...rest } = post;
      // HAR's postData has no encoding: a binary request body is kept as text, as browsers do.
      if (!body) missing(path);
      else rest.text = lenient.decode(body);
      (s.request as Record<string, unknown>).postData = rest;
    }
    return s;
  });
  return {
    value: { log: { version: '1.2', creator: { name: 'Playwright trace', version: '' }, entries } },
    warnings,
  };
}
