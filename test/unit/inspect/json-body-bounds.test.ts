// The bounds before an error body is parsed (lib/inspect/json-body.ts): 64 KiB, 32 levels, and
// a text that starts like JSON. Brackets inside strings, escaped quotes included, are text and do
// not count as nesting: a message may quote "[[[[" freely.
import { describe, expect, it } from 'vitest';
import { jsonDepth, parseJsonBody, STRUCTURED_DEPTH, STRUCTURED_MAX } from '../../../lib/inspect/json-body';

describe('jsonDepth', () => {
  it('counts objects and arrays, not brackets inside strings or after an escaped quote', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[{"b":[]}]}')).toBe(4);
    expect(jsonDepth('[1,[2],[3]]')).toBe(2);
    expect(jsonDepth('{"message":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('{"message":"say \\"[[[\\" twice"}')).toBe(1);
    expect(jsonDepth('{"message":"a backslash \\\\","b":[[1]]}')).toBe(3);
    expect(jsonDepth('')).toBe(0);
  });

  it('stops counting just past the limit', () => {
    expect(jsonDepth('['.repeat(10) + ']'.repeat(10), 3)).toBe(4);
    expect(jsonDepth('['.repeat(3) + ']'.repeat(3), 3)).toBe(3);
  });
});

describe('parseJsonBody', () => {
  it('parses an object or a list, around whitespace', () => {
    expect(parseJsonBody(' \n{"error":"invalid_grant"}\n')).toEqual({ error: 'invalid_grant' });
    expect(parseJsonBody('[{"error":"x"}]')).toEqual([{ error: 'x' }]);
  });

  it('refuses what cannot be an error document', () => {
    expect(parseJsonBody(null)).toBeUndefined();
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('"invalid_grant"')).toBeUndefined();
    expect(parseJsonBody('403')).toBeUndefined();
    expect(parseJsonBody('<html>{"error":"x"}</html>')).toBeUndefined();
    expect(parseJsonBody('{"error":')).toBeUndefined();
  });

  it(`up to ${STRUCTURED_MAX} characters and ${STRUCTURED_DEPTH} levels, not more`, () => {
    const sized = (n: number) => `{"error":"invalid_grant","pad":"${'a'.repeat(n - 34)}"}`;
    expect(sized(STRUCTURED_MAX)).toHaveLength(STRUCTURED_MAX);
    expect(parseJsonBody(sized(STRUCTURED_MAX))).toMatchObject({ error: 'invalid_grant' });
    expect(parseJsonBody(sized(STRUCTURED_MAX + 1))).toBeUndefined();
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJsonBody(deep(STRUCTURED_DEPTH))).toBeDefined();
    expect(parseJsonBody(deep(STRUCTURED_DEPTH + 1))).toBeUndefined();
  });
});
