import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { clip } from '../../../lib/inspect/mask';
import { mdCell, mdCode, mdText, mdTextCell, neutraliseMentions } from '../../../lib/report/md-escape';

// A CommonMark renderer (markdown-it, with GFM tables and strikethrough, raw HTML on as GitHub
// allows a safe subset of it) is the judge: whatever captured text holds, it must come out as the
// same text, with no element of its own.
const md = new MarkdownIt({ html: true, linkify: false });
const ZWJ = '\u200d';

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The one element the template makes, and the text inside it; fails when anything else appears. */
function only(html: string, pattern: RegExp): string {
  const m = pattern.exec(html);
  expect(m, html).not.toBeNull();
  return decode(m![1]!);
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '[click](javascript:alert(3))',
  '![x](https://evil.example/pixel.png)',
  '[ref]: https://evil.example',
  '<https://evil.example>',
  '# heading',
  '### not a heading ###',
  '> quoted',
  '- item',
  '1. item',
  '2) item',
  '---',
  '***',
  '___',
  '| a | b |',
  '```js',
  '~~~',
  '`code`',
  '``double`` and ` single',
  '*em* _em_ **strong** ~~del~~ ~x~',
  'snake_case_name and 2*3*4',
  '\\*not em\\* and a trailing backslash\\',
  '&amp; &#65; &copy; & alone',
  '<!-- comment -->',
  '<div>block</div>',
  'line one\nline two\r\n# after a newline',
  '@octocat cc @org/team',
  '#123 fixes GH-45 and owner/repo#6',
  'mail ada@example.com',
  '   leading spaces',
  '`',
  ' ` ',
  '``',
];

describe('mdText: prose that quotes captured text', () => {
  it.each(HOSTILE)('renders %j as the same text, with no element of its own', (s) => {
    const inner = only(md.render(`- ${mdText(s)}`), /^<ul>\n<li>([^<]*)<\/li>\n<\/ul>\n$/);
    expect(inner).toBe(neutraliseMentions(clip(s)).trim());
  });

  it('reads raw: characters that change nothing where they stand stay unescaped', () => {
    const plain = 'Refusals started at +2.1 s (429, rate_limit.exceeded) {x} ! # = 50% - done';
    expect(mdText(plain)).toBe(plain);
    expect(mdText('GET /api/v1/items?q=(a) → 403 Forbidden')).not.toContain('\\');
  });

  it('holds for any mix of Markdown punctuation (property)', () => {
    const alphabet = fc.constantFrom(...'ab1 #@*_`~[]()<>!|\\&;:-+=./"\'\n{}'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        const html = md.render(`- x ${mdText(s)}`);
        const inner = only(html, /^<ul>\n<li>([^<]*)<\/li>\n<\/ul>\n$/);
        expect(inner).toBe(`x ${neutraliseMentions(clip(s))}`.trim());
      }),
      { numRuns: 400 },
    );
  });

  it('in a heading keeps a closing run of # as text', () => {
    expect(only(md.render(`## ${mdText('GET /x #')}`), /^<h2>([^<]*)<\/h2>\n$/)).toBe('GET /x #');
  });
});

describe('mdCode: captured values verbatim in a code span', () => {
  it.each(HOSTILE)('%j', (s) => {
    const inner = only(md.render(`x ${mdCode(s)}`), /^<p>x <code>([^<]*)<\/code><\/p>\n$/);
    expect(inner).toBe(clip(s));
  });

  it('picks a fence longer than any backtick run inside and pads edge backticks', () => {
    expect(mdCode('a ``` b')).toBe('````a ``` b````');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode(' a ')).toBe('`  a  `');
    expect(mdCode('')).toBe('—');
  });

  it('holds for any string of backticks, spaces and text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('`', ' ', 'a', '|', '<', '\\'), { minLength: 1, maxLength: 30 }),
        (chars) => {
          const s = chars.join('');
          const html = md.render(`x ${mdCode(s)}`);
          expect(only(html, /^<p>x <code>([^<]*)<\/code><\/p>\n$/)).toBe(s);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leaves mentions alone inside code: GitHub does not link there', () => {
    expect(mdCode('@octocat #1')).toBe('`@octocat #1`');
  });
});

describe('table cells', () => {
  const table = (cell: string) => md.render(`| a | b |\n|---|---|\n| ${cell} | end |`);
  it.each(HOSTILE)('%j stays in its cell', (s) => {
    const code = only(table(mdCell(s)), /<tbody>\n<tr>\n<td><code>([^<]*)<\/code><\/td>\n<td>end<\/td>\n<\/tr>/);
    expect(code).toBe(clip(s).replace(/\|/g, '|'));
    const prose = only(table(mdTextCell(s)), /<tbody>\n<tr>\n<td>([^<]*)<\/td>\n<td>end<\/td>\n<\/tr>/);
    expect(prose).toBe(neutraliseMentions(clip(s)).trim());
  });
});

describe('GitHub mentions and references in captured text', () => {
  it('breaks @user, #123, GH-123 and owner/repo#1 with a zero-width joiner', () => {
    expect(mdText('ping @octocat about #12, GH-34 and acme/api#5')).toBe(
      `ping @${ZWJ}octocat about #${ZWJ}12, GH-${ZWJ}34 and acme/api#${ZWJ}5`,
    );
  });
  it('leaves e-mail addresses and non-numeric # as they are', () => {
    expect(mdText('ada@example.com #anchor')).toBe('ada@example.com #anchor');
  });
});

describe('fences on hostile sizes', () => {
  // Math.max(0, ...runs) threw "Maximum call stack size exceeded" here before.
  it('a body of 200k backtick runs gets a fence longer than any run, without a stack error', async () => {
    const { mdFence } = await import('../../../lib/report/md-escape');
    const body = '`a'.repeat(200_000) + '``````';
    const fenced = mdFence(body, 'http');
    expect(fenced.startsWith('```````http\n')).toBe(true);
    expect(fenced.endsWith('\n```````')).toBe(true);
  });
});
