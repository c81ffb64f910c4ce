// What an export says in its comments, and that captured text in a comment stays a comment:
// a line terminator would end it (the rest of the line then runs), a bidi or invisible
// character would make it read differently from what it does, and PowerShell and cmd.exe read
// a saved script in a legacy code page, where a UTF-8 byte can become a quote.
import { describe, expect, it } from 'vitest';
import {
  commentBlock,
  commentLines,
  commentText,
  duplicateHeaders,
  fetchableBody,
  refusal,
  secretLines,
} from '../../../lib/export/comments';
import type { ExportBody, ExportRequest } from '../../../lib/export/types';

const request = (over: Partial<ExportRequest> = {}): ExportRequest => ({
  method: 'GET',
  url: ['https://api.example/x'],
  headers: [],
  body: null,
  dropped: [],
  notes: [],
  secrets: [],
  redacted: false,
  refused: [],
  ...over,
});

// Each end of every range a comment must not hold raw.
const UNSAFE = [
  '\u0000',
  '\u001f',
  '\u007f',
  '\u009f',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200f',
  '\u2028',
  '\u202e',
  '\u2060',
  '\u206f',
  '\ufeff',
  '\ufff9',
  '\ufffb',
  '\ud800',
  '\udfff',
];
// Their neighbours, which are ordinary text.
const SAFE_UNICODE = [
  '\u00a0',
  '\u00ac',
  '\u00ae',
  '\u061b',
  '\u180d',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u2070',
  '\ufefe',
  '\ufff8',
  '\ufffc',
  '😀',
];

describe('captured text in a comment', () => {
  it.each(UNSAFE.map((c) => [c.codePointAt(0)!.toString(16), c]))(
    'U+%s is written as an escape in every style',
    (_hex, c) => {
      for (const style of ['sh', 'js', 'ps', 'cmd'] as const) {
        const out = commentText(`a${c}b`, style);
        expect(out, style).not.toContain(c);
        expect(out).toMatch(/^a\\(x[0-9a-f]{2}|u\{[0-9a-f]{3,4}\})b$/);
      }
    },
  );

  it('spells a character below U+0100 as \\xNN and the rest as \\u{…}, lower case', () => {
    expect(commentText('\u0000\u000a\u00ad\u009f', 'sh')).toBe('\\x00\\x0a\\xad\\x9f');
    expect(commentText('\u061c\u2028\ufeff', 'js')).toBe('\\u{61c}\\u{2028}\\u{feff}');
    expect(commentText('\u00ff\u0100', 'ps')).toBe('\\xff\\u{100}');
    expect(commentText('😀', 'cmd')).toBe('\\u{1f600}');
  });

  it('keeps printable Unicode raw where the reader is UTF-8 (sh, js)', () => {
    for (const c of SAFE_UNICODE) {
      expect(commentText(c, 'sh'), c).toBe(c);
      expect(commentText(c, 'js'), c).toBe(c);
    }
  });

  it('writes PowerShell and cmd comments in printable ASCII only', () => {
    for (const c of SAFE_UNICODE) {
      expect(commentText(c, 'ps'), c).toMatch(/^\\(x[0-9a-f]{2}|u\{[0-9a-f]+\})$/);
      expect(commentText(c, 'cmd'), c).toMatch(/^\\(x[0-9a-f]{2}|u\{[0-9a-f]+\})$/);
    }
    expect(commentText(' ~', 'ps')).toBe(' ~');
  });

  it("gives cmd's REM line no %, caret or operator, and leaves them to the other shells' comments", () => {
    const line = 'a%PATH%^&|<>!"b';
    expect(commentText(line, 'cmd')).toBe('a\\x25PATH\\x25\\x5e\\x26\\x7c\\x3c\\x3e!"b');
    for (const style of ['sh', 'js', 'ps'] as const) expect(commentText(line, style)).toBe(line);
  });

  it('puts each target\u2019s marker before every line, and a bare marker for a blank line', () => {
    expect(commentBlock(['one', '', 'two\nrm -rf ~'], 'cmd')).toEqual(['REM one', 'REM', 'REM two\\x0arm -rf ~']);
    expect(commentBlock(['x'], 'sh')).toEqual(['# x']);
    expect(commentBlock(['x'], 'js')).toEqual(['// x']);
    expect(commentBlock(['', 'x'], 'ps')).toEqual(['#', '# x']);
  });
});

describe('the facts every export states first', () => {
  it('names the target, the entry, whether it is redacted, and the request', () => {
    expect(commentLines(request(), 'curl')).toEqual(['why403: curl: GET https://api.example/x']);
    expect(commentLines(request({ index: 0, redacted: true, method: 'PUT' }), 'curl')[0]).toBe(
      'why403: curl of entry #0 (redacted): PUT https://api.example/x',
    );
    expect(commentLines(request({ url: ['https://a/', { ref: 'WHY403_T' }] }), 'x')[0]).toBe(
      'why403: x: GET https://a/${WHY403_T}',
    );
  });

  it('cuts a long request line at 200 characters', () => {
    const line = commentLines(request({ url: [`https://a/${'p'.repeat(400)}`] }), 'x')[0]!;
    expect(line.length).toBe('why403: x: '.length + 200);
    expect(line.endsWith('…')).toBe(true);
  });

  it('groups the headers left out by reason, in the order met', () => {
    const lines = commentLines(
      request({
        dropped: [
          { name: 'Connection', why: 'hop-by-hop' },
          { name: 'Host', why: 'derived' },
          { name: 'TE', why: 'hop-by-hop' },
          { name: `X-${'n'.repeat(60)}`, why: 'bad' },
        ],
      }),
      'x',
    );
    expect(lines[1]).toBe(`Not sent: Connection, TE (hop-by-hop); Host (derived); X-${'n'.repeat(37)}… (bad).`);
    expect(commentLines(request(), 'x')).toHaveLength(1);
  });

  it('gives each note a line of its own, cut at 200 characters', () => {
    const lines = commentLines(request({ notes: ['one', 'n'.repeat(300)] }), 'x');
    expect(lines.slice(1)).toEqual(['Note: one.', `Note: ${'n'.repeat(199)}….`]);
  });

  it('lists the variables to set, each with what it holds, cut at 160 characters', () => {
    const req = request({
      secrets: [
        { name: 'WHY403_A', note: 'Authorization bearer token' },
        { name: 'WHY403_B', note: 'x'.repeat(200) },
      ] as ExportRequest['secrets'],
    });
    expect(secretLines(req)).toEqual([' WHY403_A: Authorization bearer token', ` WHY403_B: ${'x'.repeat(159)}…`]);
  });

  it('refuses in comments only, with every reason', () => {
    const out = refusal(request({ index: 3 }), 'curl', ['bad method', 'bad url'], 'cmd');
    expect(out).toBe(
      'REM why403: curl of entry #3: GET https://api.example/x\n' +
        'REM Not exported: bad method; bad url. Nothing here runs; the curl export may carry it.\n',
    );
  });
});

describe('what fetch() can send', () => {
  const h = (name: string) => ({ name, value: ['v'] });

  it('names each repeated header once, whatever its case', () => {
    expect(duplicateHeaders(request({ headers: [h('A'), h('b'), h('a'), h('B'), h('A'), h('c')] }))).toEqual([
      'a',
      'b',
    ]);
    expect(duplicateHeaders(request({ headers: [h('A'), h('B')] }))).toEqual([]);
  });

  it('says it joins repeated headers, and keeps the body of a POST', () => {
    const body: ExportBody = { kind: 'text', text: ['x'] };
    const notes: string[] = [];
    expect(fetchableBody(request({ method: 'POST', body, headers: [h('X'), h('x'), h('Y'), h('Y')] }), notes)).toBe(
      body,
    );
    expect(notes).toEqual(['fetch() joins repeated headers into one (x, y).']);
  });

  it.each(['GET', 'get', 'HEAD', 'Head'])('leaves the body of %s out, and says so', (method) => {
    const notes: string[] = [];
    expect(fetchableBody(request({ method, body: { kind: 'text', text: ['x'] } }), notes)).toBeNull();
    expect(notes).toEqual([`fetch() cannot send a body with ${method.toUpperCase()}; the body is left out.`]);
  });

  it('says nothing of a GET that had no body', () => {
    const notes: string[] = [];
    expect(fetchableBody(request(), notes)).toBeNull();
    expect(notes).toEqual([]);
  });
});
