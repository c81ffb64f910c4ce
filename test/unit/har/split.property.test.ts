// splitHar finds a HAR's entries in its text so the panel's import can parse them a chunk at a
// time (issue 19). What it must never do: hand out a different file than JSON.parse reads, or
// let through a file JSON.parse refuses. The properties: on any JSON document, head + spans parse
// back to exactly JSON.parse(text), whatever the strings hold (quotes, backslashes, brackets) and
// however it is spaced; on damaged text, whenever head and every span parse, the whole text
// parses too, to the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitHar } from '../../../lib/har/split';
import { HarStreamSplitter } from '../../../lib/har/split-stream';

const RUNS = Number(process.env.WHY403_PROPERTY_RUNS ?? 150);

// Strings made of what a scanner trips on.
const tricky = fc.string({
  unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', '\u2028', '\u00a0', 'é', '\n'),
  maxLength: 12,
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      tricky,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 3 }),
  ),
}));
const entry = fc.dictionary(tricky, json.value, { maxKeys: 4 });
const har = fc.record({
  before: fc.dictionary(
    tricky.filter((k) => k !== 'log'),
    json.value,
    { maxKeys: 2 },
  ),
  logBefore: fc.dictionary(
    tricky.filter((k) => k !== 'entries'),
    json.value,
    { maxKeys: 2 },
  ),
  entries: fc.array(entry, { maxLength: 6 }),
});
/** JSON.stringify with random JSON whitespace (RFC 8259: space, tab, LF, CR) after each token. */
const spaced = (value: unknown, ws: string[]) => {
  const text = JSON.stringify(value);
  let out = '';
  let inString = false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += c;
    if (inString) {
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (',:[]{}'.includes(c)) out += ws[n++ % ws.length];
  }
  return out;
};
const whitespace = fc.array(fc.stringMatching(/^[ \t\n\r]{0,2}$/), { minLength: 1, maxLength: 5 });

function rebuild(text: string): unknown {
  const split = splitHar(text);
  if (!split) return undefined;
  const head = JSON.parse(split.head) as { log: { entries: unknown[] } };
  for (let i = 0; i < split.spans.length; i += 2)
    head.log.entries.push(JSON.parse(text.slice(split.spans[i], split.spans[i + 1])));
  return head;
}

describe('splitHar', () => {
  it('gives back exactly what JSON.parse reads, however the file is written', () => {
    fc.assert(
      fc.property(har, whitespace, ({ before, logBefore, entries }, ws) => {
        const doc = { ...before, log: { ...logBefore, entries, after: 1 }, tail: [entries.length] };
        const text = spaced(doc, ws);
        const split = splitHar(text);
        expect(split).not.toBeNull();
        expect(split!.spans.length).toBe(2 * entries.length);
        expect(rebuild(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('never lets through a file JSON.parse refuses, nor reads one differently', () => {
    const damage = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      put: fc.constantFrom('', '"', '\\', ',', '}', ']', '{', 'x', '\u00a0'),
    });
    fc.assert(
      fc.property(har, damage, ({ entries }, { at, cut, put }) => {
        const good = JSON.stringify({ log: { entries } });
        const p = at % (good.length + 1);
        const text = good.slice(0, p) + put + good.slice(p + cut);
        let parts: unknown;
        try {
          parts = rebuild(text);
        } catch {
          return; // head or an entry does not parse: the import stops with an error there.
        }
        if (parts === undefined) return; // read whole instead.
        expect(parts).toEqual(JSON.parse(text));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('leaves to the whole-file reader what it cannot read with certainty', () => {
    const cases = {
      'a key named twice (JSON.parse keeps the last)': '{"log":{"entries":[{}],"entries":[]}}',
      '"log" named twice': '{"log":{"entries":[]},"log":{"entries":[{}]}}',
      'an entry that is not an object': '{"log":{"entries":[{},1]}}',
      'a missing comma': '{"log":{"entries":[{"a":1} {"b":2}]}}',
      'a string left open': '{"log":{"entries":[{"a":"open}]}}',
      'no entries': '{"log":{"pages":[]}}',
      'entries not an array': '{"log":{"entries":{}}}',
      'a JSONP wrapper': 'onInputData({"log":{"entries":[]}});',
      'a no-break space between tokens': '{"log":\u00a0{"entries":[]}}',
    };
    for (const [what, text] of Object.entries(cases)) expect(splitHar(text), what).toBeNull();
  });

  it('finds entries wherever "entries" sits in "log", escaped keys included', () => {
    const text = '{"x":[1,{"y":"\\"}]"}],"log":{"v":"1.2","\\u0065ntries":[ {"a":"]"} , {"b":[{}]} ],"z":true}}';
    const split = splitHar(text)!;
    expect(split.spans.map((_, i) => i)).toHaveLength(4);
    expect(JSON.parse(split.head)).toEqual({ x: [1, { y: '"}]' }], log: { v: '1.2', entries: [], z: true } });
    expect(text.slice(split.spans[0], split.spans[1])).toBe('{"a":"]"}');
    expect(text.slice(split.spans[2], split.spans[3])).toBe('{"b":[{}]}');
  });
});

/** Feeds `text` in pieces cut at `cuts`; what the import worker would assemble, or 'whole-file'. */
function streamed(text: string, cuts: number[]): unknown {
  const splitter = new HarStreamSplitter();
  const entries: unknown[] = [];
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const p of [...points, text.length]) {
    for (const t of splitter.push(text.slice(at, p))) entries.push(JSON.parse(t));
    at = p;
  }
  const end = splitter.end();
  if (!end) return 'whole-file';
  const head = JSON.parse(end.head) as { log: { entries: unknown[] } };
  head.log.entries = entries;
  return head;
}

describe('HarStreamSplitter', () => {
  const cuts = fc.array(fc.nat(), { maxLength: 8 });

  it('gives back exactly what JSON.parse reads, wherever the file is cut into pieces', () => {
    fc.assert(
      fc.property(har, whitespace, cuts, ({ before, logBefore, entries }, ws, at) => {
        const text = spaced({ ...before, log: { ...logBefore, entries, after: 1 }, tail: [1] }, ws);
        expect(streamed(text, at)).toEqual(JSON.parse(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('never reads a damaged file differently from JSON.parse: it fails, or leaves it to the whole-file reader', () => {
    const damage = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      put: fc.constantFrom('', '"', '\\', ',', '}', ']', '{', 'x', '1', '\u00a0'),
    });
    fc.assert(
      fc.property(har, damage, cuts, ({ entries }, { at, cut, put }, pieces) => {
        const good = JSON.stringify({ log: { entries } });
        const p = at % (good.length + 1);
        const text = good.slice(0, p) + put + good.slice(p + cut);
        let got: unknown;
        try {
          got = streamed(text, pieces);
        } catch {
          return; // an error with its pointer: the import stops and puts the capture back.
        }
        if (got !== 'whole-file') expect(got).toEqual(JSON.parse(text));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('reads entries of any kind in place, and refuses a key named twice once its entries went out', () => {
    expect(streamed('{"log":{"entries":[{"a":1}, 2, "s", null, [3]]}}', [5, 20, 27])).toEqual({
      log: { entries: [{ a: 1 }, 2, 's', null, [3]] },
    });
    expect(() => streamed('{"log":{"entries":[{}],"entries":[]}}', [])).toThrow(/named twice/);
    expect(() => streamed('{"log":{"entries":[{},]}}', [])).toThrow(/"]" where an entry belongs at \/log\/entries\/1/);
    expect(() => streamed('{"log":{"entries":[{"a":1}', [])).toThrow(/ends inside its entries/);
    expect(streamed('onInputData({"log":{"entries":[]}});', [3])).toBe('whole-file');
    expect(streamed('{"log":{"pages":[]}}', [])).toBe('whole-file');
  });
});
