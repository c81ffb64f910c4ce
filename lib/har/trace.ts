import { openZip, ZipBudgetError, ZipError, type ZipLimits, type ZipReader } from './zip';

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
  // Past the end a Uint8Array reads undefined, which is no signature byte: no length check is needed.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function base64(bytes: Uint8Array): string {
  let s = '';
  // Stryker disable next-line EqualityOperator: one more turn at i === length adds the empty string
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
export function readTrace(bytes: Uint8Array, limits: ZipLimits = {}): TraceRead {
  try {
    return readNetwork(openZip(bytes, limits));
  } catch (err) {
    if (err instanceof ZipBudgetError) throw new TraceError(`refused: ${err.message}`);
    if (err instanceof ZipError) throw new TraceError(`not a readable zip: ${err.message}`);
    throw err;
  }
}

/** Each non-blank line of `text` with its 1-based number, without an array of every line. */
function* lines(text: string): Generator<[string, number]> {
  let line = 0;
  // Stryker disable next-line EqualityOperator: one more turn at at === length reads an empty line, which is not yielded
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    line++;
    const raw = text.slice(at, end);
    if (raw.trim() !== '') yield [raw, line];
    at = end + 1;
  }
}

function readNetwork(zip: ZipReader): TraceRead {
  const warnings: string[] = [];
  // Sets and maps throughout: a trace of many pages has tens of thousands of names, and a name
  // is untrusted text (`constructor`, `__proto__`), never a key into a plain object.
  const names = new Set(zip.names);
  const traces = zip.names.filter((n) => n.endsWith('.trace'));
  const networks = traces.map((t) => `${t.slice(0, -'.trace'.length)}.network`).filter((n) => names.has(n));
  if (networks.length === 0)
    throw new TraceError(
      traces.length === 0 ? 'not a Playwright trace: no .trace file in the zip' : 'the trace recorded no network',
    );

  const snapshots: Record<string, unknown>[] = [];
  for (const name of networks) {
    for (const [raw, line] of lines(lenient.decode(zip.read(name)!))) {
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

  const bodies = new Map<string, Uint8Array | undefined>();
  const body = (path: string) => {
    if (!bodies.has(path)) bodies.set(path, zip.read(path));
    return bodies.get(path);
  };

  const entries = snapshots.map((s, i) => {
    const { post, content } = bodyRefs(s);
    const missing = (path: string) => warnings.push(`/log/entries/${i}: body ${path} is not in the trace`);
    if (content) {
      const path = bodyPath(content)!;
      const bytes = body(path);
      const { _file: _f, _sha1: _s, ...rest } = content;
      if (!bytes) missing(path);
      else {
        try {
          Object.assign(rest, { text: utf8.decode(bytes) });
        } catch {
          Object.assign(rest, { text: base64(bytes), encoding: 'base64' });
        }
      }
      (s.response as Record<string, unknown>).content = rest;
    }
    if (post) {
      const path = bodyPath(post)!;
      const bytes = body(path);
      const { _file: _f, _sha1: _s, ...rest } = post;
      // HAR's postData has no encoding: a binary request body is kept as text, as browsers do.
      if (!bytes) missing(path);
      else rest.text = lenient.decode(bytes);
      (s.request as Record<string, unknown>).postData = rest;
    }
    return s;
  });
  return {
    value: { log: { version: '1.2', creator: { name: 'Playwright trace', version: '' }, entries } },
    warnings,
  };
}
