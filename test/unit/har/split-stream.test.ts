// HarStreamSplitter, stated case by case where the properties (split.property.test.ts) only say
// "same as JSON.parse, or fails, or whole file": which of the three, with which words and
// pointer, for the shapes the panel's import meets; every entry kept, whatever the cuts.
import { describe, expect, it } from 'vitest';
import { HarError } from '../../../lib/har/read';
import { HarStreamSplitter } from '../../../lib/har/split-stream';

/** Pushes `pieces` one by one; the entries each push completed, and the splitter. */
function feed(pieces: string[]) {
  const s = new HarStreamSplitter();
  const out = pieces.map((p) => s.push(p));
  return { s, out, entries: out.flat() };
}

function harError(f: () => unknown): HarError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(HarError);
    return err as HarError;
  }
  throw new Error('expected a HarError');
}

/** Every cut of `text` into two pieces, and into single characters. */
function cuts(text: string): string[][] {
  const two = Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
  return [...two, [...text]];
}

describe('HarStreamSplitter: every entry, whatever the cuts', () => {
  const text =
    '\ufeff {"log": {"version": "1.2", "entries": [ {"a": "x\\"}]\\\\"}, 12.5e3 ,"s\\\\" ,true,null,[1,{"b":[]}] , {} ]\r\n, "pages": []}, "z": 1}';
  const entries = ['{"a": "x\\"}]\\\\"}', '12.5e3', '"s\\\\"', 'true', 'null', '[1,{"b":[]}]', '{}'];

  it('hands out each entry as its own text, in order, and the head with the entries emptied', () => {
    for (const pieces of cuts(text)) {
      const { s, entries: got } = feed(pieces);
      expect(got, JSON.stringify(pieces.slice(0, 2))).toEqual(entries);
      expect(s.started).toBe(true);
      expect(s.wholeFile).toBe(false);
      const { head } = s.end()!;
      expect(head).toBe(' {"log": {"version": "1.2", "entries": []\r\n, "pages": []}, "z": 1}');
    }
  });

  it('a byte order mark is not part of the file: the entries are found after it', () => {
    const { entries: got, s } = feed(['\ufeff{"log":{"entries":[{"a":1}]}}']);
    expect(got).toEqual(['{"a":1}']);
    expect(s.end()).toEqual({ head: '{"log":{"entries":[]}}' });
  });

  it('says nothing until the entries start, and is neither started nor whole-file meanwhile', () => {
    const s = new HarStreamSplitter();
    expect([s.started, s.wholeFile]).toEqual([false, false]);
    expect(s.push('  \n')).toEqual([]);
    expect(s.push('{"log":{"version":"1.2","ent')).toEqual([]);
    expect([s.started, s.wholeFile]).toEqual([false, false]);
    expect(s.push('ries":[{"a":1},')).toEqual(['{"a":1}']);
    expect([s.started, s.wholeFile]).toEqual([true, false]);
    expect(s.push('{"b":2}]')).toEqual(['{"b":2}']);
    expect(s.push('}}')).toEqual([]);
    expect(s.started).toBe(true);
    expect(s.end()).toEqual({ head: '  \n{"log":{"version":"1.2","entries":[]}}' });
  });
});

describe('HarStreamSplitter: what it leaves to the whole-file reader', () => {
  it.each([
    ['a JSONP wrapper', ['onInputData({"log":{"entries":[{}]}});']],
    ['a JSON array', ['[{"log":{}}]']],
    ['no entries in the whole file', ['{"log":{"pages":[]}}']],
    ['entries that are not an array', ['{"log":{"entries":{}}}']],
    ['nothing but spaces', [' \n\t']],
    ['nothing at all', []],
  ])('%s: whole file, nothing handed out', (_what, pieces) => {
    const { s, entries } = feed(pieces);
    expect(entries).toEqual([]);
    expect(s.end()).toBeNull();
    expect(s.wholeFile).toBe(true);
    expect(s.started).toBe(false);
  });

  it('decides "whole file" as soon as the first character says it is not an object, and then takes nothing', () => {
    const s = new HarStreamSplitter();
    s.push(' o');
    expect(s.wholeFile).toBe(true);
    expect(s.push('{"log":{"entries":[{}]}}')).toEqual([]);
    expect(s.end()).toBeNull();
  });

  it('a head of 4 MiB without entries is still read this way; one character more is read whole', () => {
    const head = (n: number) => '{"log":{"comment":"' + 'x'.repeat(n - 19);
    const at = new HarStreamSplitter();
    at.push(head(4 * 1024 * 1024));
    expect(at.wholeFile).toBe(false);
    expect(at.push('","entries":[{}]}}')).toEqual(['{}']);
    const over = new HarStreamSplitter();
    over.push(head(4 * 1024 * 1024 + 1));
    expect(over.wholeFile).toBe(true);
    expect(over.push('","entries":[{}]}}')).toEqual([]);
  });
});

describe('HarStreamSplitter: what it refuses once entries went out, with the entry it was at', () => {
  it.each([
    ['{"log":{"entries":[,{}]}}', 'not JSON: a comma where an entry belongs at /log/entries/0'],
    ['{"log":{"entries":[{},,{}]}}', 'not JSON: a comma where an entry belongs at /log/entries/1'],
    ['{"log":{"entries":[{} {}]}}', 'not JSON: "{" after an entry, where a comma belongs at /log/entries/1'],
    ['{"log":{"entries":[{},]}}', 'not JSON: "]" where an entry belongs at /log/entries/1'],
    ['{"log":{"entries":[{},}]}}', 'not JSON: "}" where an entry belongs at /log/entries/1'],
    ['{"log":{"entries":[x]}}', 'not JSON: "x" where an entry belongs at /log/entries/0'],
  ])('%s', (text, message) => {
    for (const pieces of cuts(text)) {
      const e = harError(() => {
        const s = feed(pieces).s;
        s.end();
      });
      expect(e.message).toBe(message);
    }
  });

  it('a file that ends inside its entries, or inside an entry', () => {
    for (const [text, at] of [
      ['{"log":{"entries":[{"a":1}', 1],
      ['{"log":{"entries":[{"a":1},{"b":"', 1],
      ['{"log":{"entries":[{"a":1},', 1],
      ['{"log":{"entries":[', 0],
      ['{"log":{"entries":[12', 0],
    ] as const) {
      const e = harError(() => feed([text]).s.end());
      expect(e.message).toBe(`not JSON: the file ends inside its entries at /log/entries/${at}`);
      expect(e.pointer).toBe(`/log/entries/${at}`);
    }
  });

  it('a head that does not parse, or that names "log" or "entries" twice', () => {
    const bad = harError(() => feed(['{"log":{"entries":[{}]},}']).s.end());
    expect(bad.pointer).toBe('');
    expect(bad.message).toMatch(/^not JSON: \S/);
    expect(bad.message).not.toMatch(/ at $/);
    for (const text of ['{"log":{"entries":[{}],"entries":[]}}', '{"log":{"entries":[{}]},"log":{}}']) {
      const e = harError(() => feed([text]).s.end());
      expect(e.message).toBe(
        'not a valid HAR: "log" or "entries" is named twice, and readers differ on which to keep at /log',
      );
      expect(e.pointer).toBe('/log');
    }
  });
});
