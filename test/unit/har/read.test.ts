import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, HarError, parseHar, readHar, readHarValue, toHar } from '../../../lib';

const entry = (over: Record<string, unknown> = {}, res: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-01-01T00:00:00Z',
  request: { method: 'GET', url: 'https://api.example.com/a', headers: [{ name: 'Accept', value: '*/*' }] },
  response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { text: '{}' } },
  ...over,
  ...(Object.keys(res).length ? { response: { status: 200, headers: [], ...res } } : {}),
});
const har = (...entries: unknown[]) => ({ log: { version: '1.2', entries } });

function rejects(f: () => unknown, pointer: string | RegExp): HarError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(HarError);
    const e = err as HarError;
    if (typeof pointer === 'string') expect(e.pointer).toBe(pointer);
    else expect(e.pointer).toMatch(pointer);
    return e;
  }
  throw new Error('expected a HarError');
}

describe('readHar: what real writers write', () => {
  it('passes a clean HAR through untouched, without warnings', () => {
    const value = har(entry(), entry());
    const read = readHarValue(value);
    expect(read.warnings).toEqual([]);
    expect(read.har).toBe(value);
  });

  it('reads a number header value as text and says where', () => {
    const e = entry({}, { status: 403, headers: [{ name: 'content-length', value: 178 }] });
    const { har: h, warnings } = readHarValue(har(entry(), e));
    expect(h.log.entries[1]!.response.headers[0]!.value).toBe('178');
    expect(warnings).toEqual(['/log/entries/1/response/headers/0/value: a number, read as "178"']);
  });

  it('reads an array header value as one header per value (two ACAO stay two)', () => {
    const e = entry(
      {},
      { status: 200, headers: [{ name: 'access-control-allow-origin', value: ['https://a', 'https://b'] }] },
    );
    const { har: h, warnings } = readHarValue(har(e));
    expect(h.log.entries[0]!.response.headers.map((x) => x.value)).toEqual(['https://a', 'https://b']);
    expect(warnings[0]).toMatch(/^\/log\/entries\/0\/response\/headers\/0\/value: an array of 2/);
  });

  it('reads null values as empty, drops pairs that are not pairs, reads a null body as no body', () => {
    const e = entry(
      {},
      {
        status: 401,
        headers: [{ name: 'x-a', value: null }, null, { value: 'no name' }],
        content: { text: null, size: 0 },
      },
    );
    const { har: h, warnings } = readHarValue(har(e));
    const res = h.log.entries[0]!.response;
    expect(res.headers).toEqual([{ name: 'x-a', value: '' }]);
    expect(res.content?.text).toBeUndefined();
    expect(warnings).toEqual([
      '/log/entries/0/response/headers/0/value: null, read as ""',
      '/log/entries/0/response/headers/1: null, skipped',
      '/log/entries/0/response/headers/2/name: missing, pair skipped',
    ]);
  });

  it('reads a status written as a string', () => {
    const { har: h, warnings } = readHarValue(har(entry({}, { status: '403' })));
    expect(h.log.entries[0]!.response.status).toBe(403);
    expect(warnings).toEqual(['/log/entries/0/response/status: a string, read as 403']);
    expect(diagnose(h)[0]!.flagged).toBe(true);
  });

  it('reads missing header lists as empty', () => {
    const e = { request: { method: 'GET', url: 'https://a.example/' }, response: { status: 401 } };
    const { har: h, warnings } = readHarValue(har(e));
    expect(h.log.entries[0]!.request.headers).toEqual([]);
    expect(warnings).toEqual([
      '/log/entries/0/request/headers: missing, read as no headers',
      '/log/entries/0/response/headers: missing, read as no headers',
    ]);
    expect(diagnose(h)[0]!.causes[0]!.id).toBeTruthy();
  });

  it('skips null entries and entries without a response in place: positions never shift', () => {
    const refused = entry({}, { status: 401, headers: [] });
    const { har: h, warnings } = readHarValue(har(null, { request: entry().request }, refused));
    expect(h.log.entries).toHaveLength(3);
    expect(warnings).toEqual([
      '/log/entries/0: null, entry skipped',
      '/log/entries/1/response: missing, entry skipped',
    ]);
    const results = diagnose(h, { all: true });
    expect(results.filter((d) => d.flagged).map((d) => d.index)).toEqual([2]);
  });

  it('reads a harviewer JSONP file and a BOM', () => {
    const text = JSON.stringify(har(entry()));
    expect(readHar(`onInputData(${text});`).warnings).toEqual([
      '(root): wrapped as onInputData(...) (JSONP), read the JSON inside',
    ]);
    expect(readHar('\uFEFF' + text).warnings).toEqual([]);
  });

  it('reads a log without entries as empty, with a warning', () => {
    const { har: h, warnings } = readHarValue({ log: { version: '1.2', pages: [] } });
    expect(h.log.entries).toEqual([]);
    expect(warnings).toEqual(['/log/entries: missing, read as no entries']);
  });

  it('never changes the value it was given', () => {
    const value = har(null, entry({}, { status: '401', headers: [{ name: 'a', value: 1 }] }));
    const before = JSON.stringify(value);
    readHarValue(value);
    expect(JSON.stringify(value)).toBe(before);
  });

  it('parseHar and toHar read what readHar and readHarValue read, without the warnings', () => {
    const value = har(
      entry({}, { status: '401', headers: [{ name: 'WWW-Authenticate', value: ['Bearer', 'Basic'] }] }),
    );
    const text = JSON.stringify(value);
    for (const h of [parseHar(text), toHar(value)]) {
      expect(h).toEqual(readHarValue(value).har);
      expect(h.log.entries[0]!.response.status).toBe(401);
      expect(h.log.entries[0]!.response.headers).toEqual([
        { name: 'WWW-Authenticate', value: 'Bearer' },
        { name: 'WWW-Authenticate', value: 'Basic' },
      ]);
    }
    expect(() => toHar({ log: { entries: [null] } })).toThrow(HarError);
    expect(() => parseHar('{"log": {"entries": true}}')).toThrow('got a boolean');
  });

  it('lists the first 50 warnings and counts the rest', () => {
    const many = Array.from({ length: 80 }, () => entry({}, { status: 200, headers: [{ name: 'n', value: 1 }] }));
    const { warnings } = readHarValue(har(...many));
    expect(warnings).toHaveLength(51);
    expect(warnings[50]).toBe('/log/entries: 30 more warnings like these, not listed');
  });
});

describe('readHar: rejects only what holds nothing readable', () => {
  it.each([
    ['not JSON', () => readHar('{"log": ['), ''],
    ['JSONP around broken JSON', () => readHar('onInputData({"log": );'), ''],
    ['no log', () => readHar('{"entries": []}'), ''],
    ['log is not an object', () => readHar('{"log": 3}'), '/log'],
    ['entries is an object', () => readHar('{"log": {"entries": {}}}'), '/log/entries'],
    ['every entry unreadable', () => readHar('{"log": {"entries": [null, 3]}}'), '/log/entries/0'],
    [
      'the only entry has no URL',
      () => readHarValue(har({ request: { method: 'GET', headers: [] }, response: { status: 200, headers: [] } })),
      '/log/entries/0/request/url',
    ],
  ])('%s', (_name, f, pointer) => {
    rejects(f, pointer);
  });
});

// Fuzz: one random deletion or type swap anywhere in a real capture. Whatever it hits, the reader either reads
// the file (and the engine diagnoses it without throwing, with every entry still at its position) or rejects
// it with a HarError, and it rejects only when the damage leaves nothing readable: the log or its entry list.
describe('readHar: fuzzed real captures', () => {
  const files = [
    'test/fixtures/realworld/JupiterOne__graph-azure/refresh-access-token_2395700497.har',
    'test/fixtures/realworld/JupiterOne__graph-gitlab/fetch-users-429_2676423230.har',
    'test/fixtures/realworld/mitmproxy__mitmproxy/chrome.har',
  ];
  let seed = 8;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const swaps: unknown[] = [null, 0, 178, '', 'x', true, [], ['a', 'b'], {}, { name: 1 }];

  function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
    if (at.length) out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
    return out;
  }

  it.each(files)('%s survives 150 random mutations', (file) => {
    const text = readFileSync(file, 'utf8');
    const all = paths(JSON.parse(text));
    for (let round = 0; round < 150; round++) {
      const value = JSON.parse(text) as Record<string, unknown>;
      const path = all[rand(all.length)]!;
      let parent: Record<string | number, unknown> = value;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      if (rand(3) === 0 && !Array.isArray(parent)) delete parent[key];
      else parent[key] = swaps[rand(swaps.length)];
      const where = '/' + path.join('/');
      const count = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries.length;
      let read;
      try {
        read = readHarValue(value);
      } catch (err) {
        expect(err, where).toBeInstanceOf(HarError);
        // Only damage to the log itself (or the single entry of a one-entry capture) leaves nothing to read.
        const fatal = path.length <= 2 || (count === 1 && path.length <= 5);
        expect(fatal, `rejected after a change at ${where}: ${(err as Error).message}`).toBe(true);
        continue;
      }
      for (const w of read.warnings) expect(w, where).toMatch(/^(\/\S*|\(root\)): \S/);
      if (path.length > 3) expect(read.har.log.entries, where).toHaveLength(count);
      expect(() => diagnose(read.har, { all: true }), where).not.toThrow();
    }
  });
});
