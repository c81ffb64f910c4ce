// Reading Playwright traces when the archive is odd or hostile. The real thing (a trace this
// suite records, diagnosed like its HAR) is test/e2e/trace-cli.spec.ts; these archives are
// built here to reach every branch: legacy `_sha1`, binary bodies, bad lines, lying sizes.
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isZip, readTrace, TraceError } from '../../../lib/har/trace';
import { makeEntry } from '../../support/har';
import { deflateBomb, rawZip } from '../../support/zip-bomb';
import { file, usageError, why403 } from '../cli/in-process';

// Trace snapshots are untyped JSON; tests poke at them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function snapshot(i: number, patch: (e: Json) => void = () => {}) {
  const e = makeEntry({ url: `https://api.example/${i}`, method: 'POST', status: 403, requestBody: '' }, i) as Json;
  patch(e);
  return JSON.stringify({ type: 'resource-snapshot', snapshot: e });
}

function trace(lines: string[], extra: Record<string, Uint8Array> = {}) {
  return zipSync({
    'trace.trace': strToU8('{"type":"context-options","version":8}\n'),
    'trace.network': strToU8(lines.join('\n') + '\n'),
    ...extra,
  });
}

describe('isZip: a trace is told from HAR text by its first four bytes', () => {
  it('is "PK\\3\\4" (a local file header), whole: four bytes are enough, each one counts', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    expect(isZip(bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
    expect(isZip(zipSync({ 'trace.trace': strToU8('{}') }))).toBe(true);
    expect(isZip(bytes(0x50, 0x4b, 0x03))).toBe(false);
    expect(isZip(bytes())).toBe(false);
    expect(isZip(bytes(0x51, 0x4b, 0x03, 0x04))).toBe(false);
    expect(isZip(bytes(0x50, 0x4c, 0x03, 0x04))).toBe(false);
    // "PK\5\6": the end record an empty zip starts with holds no trace.
    expect(isZip(bytes(0x50, 0x4b, 0x05, 0x06))).toBe(false);
    expect(isZip(bytes(0x50, 0x4b, 0x03, 0x05))).toBe(false);
    expect(isZip(bytes(0x50, 0x4b, 0x05, 0x04))).toBe(false);
    expect(isZip(strToU8('{"log": {"entries": []}}'))).toBe(false);
    expect(isZip(strToU8('\ufeff{"log": {}}'))).toBe(false);
  });
});

describe('readTrace', () => {
  it('reads entries in recording order and inlines bodies by _file (current) and _sha1 (older traces)', () => {
    const bytes = trace(
      [
        snapshot(0, (e) => {
          e.response.content = { size: 15, mimeType: 'application/json', _file: 'resources/aa.json' };
          e.request.postData = { mimeType: 'application/json', text: '', _file: 'resources/bb.json' };
        }),
        '{"type":"frame-snapshot","snapshot":{}}',
        snapshot(1, (e) => {
          e.response.content = { size: 4, mimeType: 'image/png', _sha1: 'cc' };
          e.request.postData = { mimeType: 'text/plain', _sha1: 'dd' };
        }),
      ],
      {
        'resources/aa.json': strToU8('{"error":"nope"}'),
        'resources/bb.json': strToU8('{"é":1}'),
        'resources/cc': new Uint8Array([0x89, 0x50, 0xff, 0x00]),
        'resources/dd': strToU8('a=1'),
      },
    );
    expect(isZip(bytes)).toBe(true);
    const { value, warnings } = readTrace(bytes);
    expect(warnings).toEqual([]);
    // What the report names as the writer of the capture.
    expect(value.log.version).toBe('1.2');
    expect(value.log.creator).toEqual({ name: 'Playwright trace', version: '' });
    const [a, b] = value.log.entries as Json[];
    expect(a!.request.url).toBe('https://api.example/0');
    expect(a!.response.content).toEqual({ size: 15, mimeType: 'application/json', text: '{"error":"nope"}' });
    expect(a!.request.postData).toEqual({ mimeType: 'application/json', text: '{"é":1}' });
    expect(b!.response.content).toEqual({ size: 4, mimeType: 'image/png', text: 'iVD/AA==', encoding: 'base64' });
    expect(b!.request.postData.text).toBe('a=1');
  });

  it('skips unreadable lines and reports missing bodies as warnings, losing nothing else', () => {
    const { value, warnings } = readTrace(
      trace([
        snapshot(0),
        '{"type":"resource-snapshot", oops',
        '{"type":"resource-snapshot","snapshot":42}',
        snapshot(1, (e) => (e.response.content = { mimeType: 'text/html', _file: 'resources/gone.html' })),
        snapshot(2, (e) => (e.request.postData = { mimeType: 'text/plain', _sha1: 'lost' })),
      ]),
    );
    expect(value.log.entries).toHaveLength(3);
    // A missing request body is no body, not an empty one.
    expect((value.log.entries[2] as Json).request.postData).toEqual({ mimeType: 'text/plain' });
    expect(warnings).toEqual([
      'trace.network line 2: not JSON, skipped',
      'trace.network line 3: a resource snapshot without a snapshot, skipped',
      '/log/entries/1: body resources/gone.html is not in the trace',
      '/log/entries/2: body resources/lost is not in the trace',
    ]);
  });

  it.each([
    [
      'a zip that is not a trace',
      zipSync({ 'a.txt': strToU8('x') }),
      /^not a Playwright trace: no \.trace file in the zip$/,
    ],
    ['a trace without network', zipSync({ 'trace.trace': strToU8('{}') }), /^the trace recorded no network$/],
    ['a truncated zip', trace([snapshot(0)]).slice(0, 60), /not a readable zip/],
  ])('%s: a TraceError', (_name, bytes, message) => {
    expect(() => readTrace(bytes)).toThrow(TraceError);
    expect(() => readTrace(bytes)).toThrow(message);
    expect(() => readTrace(bytes)).toThrow(expect.objectContaining({ name: 'TraceError' }));
  });

  it('a body many entries share is read, and charged to the budget, once', () => {
    const body = strToU8('x'.repeat(10_000));
    const lines = [0, 1, 2, 3].map((i) =>
      snapshot(i, (e) => (e.response.content = { mimeType: 'text/plain', _sha1: 'same' })),
    );
    const bytes = trace(lines, { 'resources/same': body });
    // Room for the network and the body once, not four times.
    const { value, warnings } = readTrace(bytes, { maxBytes: 25_000, floor: 0, ratio: 1000 });
    expect(warnings).toEqual([]);
    expect((value.log.entries as Json[]).map((e) => e.response.content.text.length)).toEqual([
      10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('numbers lines as the file does: blank lines (a leading one, CRLF, spaces) are passed over, not read', () => {
    const network = ['', snapshot(0), '   ', 'not json', '\r', snapshot(1) + '\r', ''].join('\n');
    const { value, warnings } = readTrace(zipSync({ 'trace.trace': strToU8('{}'), 'trace.network': strToU8(network) }));
    expect(value.log.entries).toHaveLength(2);
    expect(warnings).toEqual(['trace.network line 4: not JSON, skipped']);
  });

  it('passes on a snapshot whose request or response is null or whose snapshot is null, for the reader to judge', () => {
    const odd = (patch: Json) => JSON.stringify({ type: 'resource-snapshot', snapshot: patch });
    const { value, warnings } = readTrace(
      trace([
        odd({ request: null, response: null }),
        odd({ request: {}, response: {} }),
        '{"type":"resource-snapshot","snapshot":null}',
      ]),
    );
    expect(value.log.entries).toEqual([
      { request: null, response: null },
      { request: {}, response: {} },
    ]);
    expect(warnings).toEqual(['trace.network line 3: a resource snapshot without a snapshot, skipped']);
  });

  it('believes no stated size: a lie in either direction changes nothing, the real bytes count', () => {
    const network = strToU8(snapshot(0) + '\n');
    for (const statedSize of [0x7ffffff0, 1]) {
      const bytes = rawZip([
        { name: 'trace.trace', data: strToU8('{}'), method: 0, statedSize: 2 },
        { name: 'trace.network', data: deflateSync(network), method: 8, statedSize },
      ]);
      expect(readTrace(bytes).value.log.entries).toHaveLength(1);
    }
  });
});

describe('readTrace under a budget', () => {
  // 2 MB of DEFLATE that inflates to ~330 MB (the 2 MB bomb, with fixed Huffman codes).
  const bomb = deflateBomb(1_300_000);
  const zipWith = (data: Uint8Array, name = 'trace.network') =>
    rawZip([
      { name: 'trace.trace', data: strToU8('{}'), method: 0, statedSize: 2 },
      { name, data, method: 8, statedSize: 1000 },
    ]);

  it('refuses a bomb whose stated size is small, before it is all inflated', () => {
    const bytes = zipWith(bomb.subarray(0, 100_000).slice()); // cut short: only the budget matters
    expect(() => readTrace(bytes, { maxBytes: 1024 * 1024 })).toThrow(
      /^refused: inflating trace\.network passes the limit of 1 MiB \(the smaller of 1 MiB and 100 times/,
    );
  });

  it('counts the multiple of the archive size once past the floor', () => {
    const small = zipWith(deflateSync(new Uint8Array(4 * 1024 * 1024)));
    expect(() => readTrace(small, { ratio: 10, floor: 0 })).toThrow(/refused: .* 10 times the archive's size/);
    // The same archive within the floor is read (it is no trace network, so: not JSON).
    expect(readTrace(small, { ratio: 10 }).warnings).toEqual(['trace.network line 1: not JSON, skipped']);
  });

  it('counts bodies too: every read draws on one budget', () => {
    const big = new Uint8Array(600 * 1024);
    const bytes = trace(
      [
        snapshot(0, (e) => (e.response.content = { mimeType: 'text/plain', _file: 'resources/a' })),
        snapshot(1, (e) => (e.response.content = { mimeType: 'text/plain', _file: 'resources/b' })),
      ],
      { 'resources/a': big, 'resources/b': big },
    );
    expect(readTrace(bytes, { maxBytes: 1.5 * 1024 * 1024 }).value.log.entries).toHaveLength(2);
    expect(() => readTrace(bytes, { maxBytes: 1024 * 1024 })).toThrow(/refused: inflating resources\/b/);
  });

  it('why403: the 2 MB bomb is one line and exit 2 under the default limits', async () => {
    const r = await why403(['diagnose', file('bomb.zip', zipWith(bomb)), '-f', 'json']);
    expect(usageError(r)).toMatch(
      /^why403: .*bomb\.zip: refused: inflating trace\.network passes the limit of \d+ MiB .*--max-trace-size/,
    );
  });
});

describe('names from the archive are never object keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a body referenced as %s is missing (a warning), or read when present',
    (name) => {
      const ref = (e: Json) => (e.response.content = { mimeType: 'text/plain', _file: name });
      expect(readTrace(trace([snapshot(0, ref)])).warnings).toEqual([
        `/log/entries/0: body ${name} is not in the trace`,
      ]);
      // Built by hand: fflate's own zipSync reads its input object by key and trips on __proto__.
      const present = readTrace(
        rawZip([
          { name: 'trace.trace', data: strToU8('{}'), method: 0, statedSize: 2 },
          { name: 'trace.network', data: strToU8(snapshot(0, ref)), method: 0, statedSize: 0 },
          { name, data: strToU8('hello'), method: 0, statedSize: 5 },
        ]),
      );
      expect(present.warnings).toEqual([]);
      expect((present.value.log.entries[0] as Json).response.content.text).toBe('hello');
    },
  );
});

describe('why403 with a trace', () => {
  it('diagnoses a trace from a path or standard input; a broken one is one line, exit 2', async () => {
    const bytes = trace([snapshot(0)]);
    const r = await why403(['diagnose', file('t.zip', bytes), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).entries[0]).toMatchObject({ index: 0, status: 403, flagged: true });
    expect((await why403(['diagnose', '-', '-f', 'json'], bytes)).out).toBe(r.out);
    expect(usageError(await why403(['diagnose', file('bad.zip', bytes.slice(0, 60))]))).toMatch(
      /^why403: .*bad\.zip: not a readable zip/,
    );
  });
});
