// Markdown escaping at its edges, each stated as what a CommonMark reader would do with the
// raw text (CommonMark 0.31: https://spec.commonmark.org/0.31.2/): a line that would open a
// block, a closing run of # in a heading, emphasis at a word boundary, a mention GitHub would
// link, a code span's padding and a fence's closing line.
import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdFence, mdText, neutraliseMentions } from '../../../lib/report/md-escape';

const ZWJ = '\u200d';

describe('what would open a block at the start of a line', () => {
  it('escapes a heading marker, a list marker or a lone dash even with nothing after it', () => {
    expect(mdText('#')).toBe('\\#');
    expect(mdText('###')).toBe('\\###');
    expect(mdText('+')).toBe('\\+');
    expect(mdText('-')).toBe('\\-');
    expect(mdText('- -')).toBe('\\- -');
  });

  it('escapes the dot or parenthesis of an ordered-list number of any length, keeping the digits', () => {
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('12. item')).toBe('12\\. item');
    expect(mdText('  123) item')).toBe('  123\\) item');
  });

  it('leaves what opens no block as written', () => {
    for (const s of ['-x', '-abc', 'a# b', '#hash', '+1', 'a - b', '1.5 s', 'x-y'])
      expect(mdText(s), s).toBe(s.replace(/#(?=\d)/g, `#${ZWJ}`));
  });

  it('keeps a closing run of # in a heading as text', () => {
    expect(mdText('x ##')).toBe('x \\##');
    expect(mdText('x #')).toBe('x \\#');
    expect(mdText('x#')).toBe('x#');
  });
});

describe('emphasis and mentions', () => {
  it('escapes _ at a word boundary, not inside a word', () => {
    expect(mdText('a _b')).toBe('a \\_b');
    expect(mdText('_b')).toBe('\\_b');
    expect(mdText('b_ c')).toBe('b\\_ c');
    expect(mdText('snake_case')).toBe('snake_case');
    expect(mdText('1_2')).toBe('1_2');
  });

  it('breaks a mention at the start of the text or after punctuation, not a lone @ or an address', () => {
    expect(neutraliseMentions('@octocat')).toBe(`@${ZWJ}octocat`);
    expect(neutraliseMentions('(@1x')).toBe(`(@${ZWJ}1x`);
    expect(neutraliseMentions('a @ b')).toBe('a @ b');
    expect(neutraliseMentions('@-x')).toBe('@-x');
    expect(neutraliseMentions('ada@example.com')).toBe('ada@example.com');
  });
});

describe('code spans, cells and fences', () => {
  it('pads only what CommonMark would strip a space from', () => {
    expect(mdCode('   ')).toBe('`   `');
    expect(mdCode(' a ')).toBe('`  a  `');
    expect(mdCode('a b ')).toBe('`a b `');
    expect(mdCode(' a b')).toBe('` a b`');
    expect(mdCode('`a')).toBe('`` `a ``');
  });

  it('gives an empty or missing cell a dash, and escapes | even in code', () => {
    expect(mdCell(null)).toBe('—');
    expect(mdCell('')).toBe('—');
    expect(mdCell('a|b')).toBe('`a\\|b`');
  });

  it('fences content on lines of its own, one trailing line break dropped, no info unless given', () => {
    expect(mdFence('a\nb\n')).toBe('```\na\nb\n```');
    expect(mdFence('a\nb')).toBe('```\na\nb\n```');
    expect(mdFence('a\n\n', 'http')).toBe('```http\na\n\n```');
    expect(mdFence('x ```` y', 'sh')).toBe('`````sh\nx ```` y\n`````');
  });
});
