// splitHar and entriesStart case by case, beside the properties of split.property.test.ts:
// which layouts it reads (and then every entry's exact text), and which it leaves to the
// whole-file reader (null), including the ones a property's damage rarely draws.
import { describe, expect, it } from 'vitest';
import { entriesStart, splitHar } from '../../../lib/har/split';

/** The text of each entry splitHar found, and its head. */
function parts(text: string) {
  const split = splitHar(text);
  if (!split) return null;
  const entries: string[] = [];
  for (let i = 0; i < split.spans.length; i += 2) entries.push(text.slice(split.spans[i], split.spans[i + 1]));
  return { head: split.head, entries };
}

describe('splitHar reads', () => {
  it('every entry as its exact text, the head with the entries emptied, around any JSON whitespace', () => {
    const text = '\t{ "log" :\r\n{ "version":"1.2" , "entries" : [ {"a":1}\n,{ "b" : [ {} ] } ] , "pages":[] } }\n';
    expect(parts(text)).toEqual({
      head: '\t{ "log" :\r\n{ "version":"1.2" , "entries" : [] , "pages":[] } }\n',
      entries: ['{"a":1}', '{ "b" : [ {} ] }'],
    });
  });

  it('an empty entries array: no span, and the head is the text', () => {
    expect(parts('{"log":{"entries":[ ]}}')).toEqual({ head: '{"log":{"entries":[]}}', entries: [] });
    expect(parts('{"log":{"entries":[]}}')).toEqual({ head: '{"log":{"entries":[]}}', entries: [] });
  });

  it('strings with quotes after runs of backslashes, odd and even, in keys and values', () => {
    const text = String.raw`{"k\\":"v\"}","log":{"e\"":"\\\\","entries":[{"x":"\\\"]"},{"y\\\\":"\\"}]},"z":"\\\\\""}`;
    const got = parts(text)!;
    expect(got.entries).toEqual([String.raw`{"x":"\\\"]"}`, String.raw`{"y\\\\":"\\"}`]);
    expect(JSON.parse(got.head)).toEqual({ 'k\\': 'v"}', log: { 'e"': '\\\\', entries: [] }, z: '\\\\"' });
  });

  it('scalars and nested values beside "log" and "entries" are passed over, whatever they hold', () => {
    const text =
      '{"n":-1.5e3,"t":true,"f":false,"z":null,"a":[1,[2,{"]":"["}]],"log":{"c":"}","entries":[{"q":"{"}],"x":0}}';
    expect(parts(text)!.entries).toEqual(['{"q":"{"}']);
  });
});

describe('splitHar leaves to the whole-file reader', () => {
  it.each([
    ['a value missing', '{"log":{"x":,"entries":[{}]}}'],
    ['a value missing at the end', '{"log":{"entries":[{}],"x":}}'],
    ['a key without a colon', '{"log":{"x" 1,"entries":[{}]}}'],
    ['a key that is not a string', '{"log":{x:1,"entries":[{}]}}'],
    ['a key with a bad escape', '{"log":{"\\x":1,"entries":[{}]}}'],
    ['a key never closed', '{"log":{"entries":[{}]},"x'],
    ['members not separated by a comma', '{"log":{"a":1 "entries":[{}]}}'],
    ['an object never closed', '{"log":{"entries":[{}]}'],
    ['an entry never closed', '{"log":{"entries":[{"a":[}]}}'],
    ['an entry holding a string never closed', '{"log":{"entries":[{"a":"}]}}'],
    ['entries not separated by a comma', '{"log":{"entries":[{} {}]}}'],
    ['a comma after the last entry', '{"log":{"entries":[{},]}}'],
    ['an array never closed', '{"log":{"entries":[{}'],
    ['a scalar entry', '{"log":{"entries":[{}, 3]}}'],
    ['"entries" named twice', '{"log":{"entries":[],"entries":[{}]}}'],
    ['"log" named twice', '{"log":{"entries":[{}]},"log":{"entries":[]}}'],
    ['"log" not an object', '{"log":[{"entries":[]}]}'],
    ['"entries" not an array', '{"log":{"entries":{"0":{}}}}'],
    ['no "entries"', '{"log":{"pages":[]}}'],
    ['no "log"', '{"entries":[{}]}'],
    ['an empty object', '{}'],
    ['an empty "log"', '{"log":{}}'],
    ['an array', '[{"log":{"entries":[]}}]'],
    ['nothing', ''],
    ['a no-break space before the first brace', '\u00a0{"log":{"entries":[]}}'],
  ])('%s', (_what, text) => {
    expect(splitHar(text)).toBeNull();
  });

  // After the entries were found, each check is the only one left between a damaged file and a
  // split that JSON.parse would not give.
  it.each([
    ['"log" again, without entries (JSON.parse keeps the last)', '{"log":{"entries":[{}]},"log":{"pages":[]}}'],
    ['"log" again, not an object', '{"log":{"entries":[{}]},"log":1}'],
    ['"entries" again, not an array', '{"log":{"entries":[{}],"entries":1}}'],
    ['a key that is not a string', '{"log":{"entries":[{}]},x:1}'],
    ['a key that is not a string, in "log"', '{"log":{"entries":[{}],x:1}}'],
    ['a key with a bad escape', '{"log":{"entries":[{}]},"\\x":1}'],
    ['a key never closed', '{"log":{"entries":[{}],"x'],
    ['a key without a colon', '{"log":{"entries":[{}]},"x" 1}'],
    ['a value missing', '{"log":{"entries":[{}],"x":}}'],
    ['members without a comma', '{"log":{"entries":[{}]} "x":1}'],
    ['members with something else between them', '{"log":{"entries":[{}]};"x":1}'],
    ['members of "log" without a comma', '{"log":{"entries":[{}] "x":1}}'],
    ['an array value never closed', '{"log":{"entries":[{}],"x":[1'],
    ['a string value never closed', '{"log":{"entries":[{}],"x":"ab'],
    ['a string never closed inside a value', '{"log":{"entries":[{}],"x":["ab]}}'],
    ['the root never closed', '{"log":{"entries":[{}]}'],
    ['"log" never closed', '{"log":{"entries":[{}]'],
  ])('after the entries: %s', (_what, text) => {
    expect(splitHar(text)).toBeNull();
  });
});

describe('entriesStart: where the entries begin, from the head alone', () => {
  it('is the position after the "[" of log.entries, wherever they sit, before anything after is read', () => {
    const head = ' {"a":{"entries":[1]},"log":{"v":"}","entries" : [';
    expect(entriesStart(head)).toBe(head.length);
    expect(entriesStart(head + '{"broken')).toBe(head.length);
    expect(entriesStart('{"log":{"entries":[]}}')).toBe('{"log":{"entries":['.length);
  });

  it('is -1 while the head does not show them, or when they are not an array', () => {
    for (const text of [
      '',
      ' ',
      '{',
      '{"log":{"version":"1.2","ent',
      '{"log":{"entries":',
      '{"log":{"entries":{}}}',
      '{"log":[]}',
      '[{"log":{"entries":[]}}]',
      '{"x":1',
      '{"log":{"pages":[]}}',
    ])
      expect(entriesStart(text), JSON.stringify(text)).toBe(-1);
  });
});
