import { clip } from '../inspect/mask';

// Markdown that reads raw (issue 18) and never lets captured text command the renderer (issue 16).
// Captured values go in code spans, where nothing is markup; prose that quotes captured text
// escapes only the characters that would change the rendering where the text sits (inline, one
// line, possibly at the start of a list item or heading); GitHub's mentions and issue references
// are broken with a zero-width joiner wherever text is not in a code span, since GitHub links
// them after Markdown rendering and a backslash does not stop it.
// CommonMark 0.31: https://spec.commonmark.org/0.31.2/ ; GFM tables:
// https://github.github.com/gfm/#tables-extension- ; GitHub autolinked references:
// https://docs.github.com/en/get-started/writing-on-github/working-with-advanced-formatting/autolinked-references-and-urls

const ZWJ = '\u200d';

/**
 * `@name`, `#123`, `GH-123`, `owner/repo#1`: a joiner after the `@`, `#` or `-` keeps them as
 * text. An `@` inside a word (an e-mail address) is not a mention and is left alone.
 */
export function neutraliseMentions(s: string): string {
  return s
    .replace(/(^|[^\p{L}\p{N}_`])@(?=[\p{L}\p{N}])/gu, `$1@${ZWJ}`)
    .replace(/#(?=\p{N})/gu, `#${ZWJ}`)
    .replace(/\b(GH-)(?=\p{N})/giu, `$1${ZWJ}`);
}

/** The longest run of backticks in `s`: a fence one longer cannot be closed from inside. */
function longestBacktickRun(s: string): number {
  // A loop, not Math.max(...runs): a body of 100k short runs would exceed the argument limit.
  let longest = 0;
  let run = 0;
  // Stryker disable next-line EqualityOperator: one more step reads NaN, not a backtick, and ends no run
  for (let i = 0; i < s.length; i++) {
    run = s.charCodeAt(i) === 96 ? run + 1 : 0;
    // Stryker disable next-line EqualityOperator: taking an equal run again changes nothing
    if (run > longest) longest = run;
  }
  return longest;
}

/** Backslash escapes for what would start markup inside a line (CommonMark §2.4, §6). */
function escapeInline(s: string): string {
  return (
    s
      // A backslash before punctuation would be read as an escape itself.
      .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
      // Code spans, emphasis, strikethrough, links and images (`!` is harmless once `[` is escaped).
      .replace(/[`*~[\]]/g, '\\$&')
      // `_` opens or closes emphasis only at a word boundary: snake_case stays as written.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      // Raw HTML and autolinks start with `<` then a letter, `/`, `!` or `?`.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // Entity and numeric character references would render as another character.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  );
}

/**
 * What makes a line a block when it comes first: an ATX heading, a block quote, a list item, a
 * thematic break (fences, `***`, `___` and HTML blocks are already escaped inline). The text may
 * open a list item or a heading line, so its first non-space character is escaped when it would.
 */
function escapeLineStart(s: string): string {
  return s.replace(
    /^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-(?=[\s-]*$)|\d{1,9}[.)](?=\s|$))/,
    // Stryker disable next-line Regex: the marker holds a digit only when it is a list number, which starts with it
    (_m, sp: string, c: string) => (/^\d/.test(c) ? `${sp}${c.slice(0, -1)}\\${c.slice(-1)}` : `${sp}\\${c}`),
  );
}

/** A heading drops a closing run of `#` after a space (CommonMark §4.2): keep it as text. */
function escapeClosingHashes(s: string): string {
  return s.replace(/(\s)(#+\s*)$/, '$1\\$2');
}

/** Prose that may quote captured text: one line, read as written, rendered as written. */
export function mdText(s: string, max = 600): string {
  return neutraliseMentions(escapeClosingHashes(escapeLineStart(escapeInline(clip(s, max)))));
}

/**
 * A code span holding `s` verbatim on one line: the fence is one backtick longer than the
 * longest run inside, and a space pads content that starts or ends with a backtick or starts
 * and ends with a space (CommonMark §6.1 strips one such space from each side).
 */
export function mdCode(s: string, max = 600): string {
  const one = clip(s, max);
  if (one === '') return '—';
  const fence = '`'.repeat(longestBacktickRun(one) + 1);
  const pad = /^`|`$/.test(one) || (/^ [\s\S]* $/.test(one) && one.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so it cannot be closed early. */
export function mdFence(content: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${fence}${info}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/**
 * A table cell holding a captured value: a code span, never empty, and `|` escaped even there,
 * because GFM splits the row into cells before it reads code spans.
 */
export function mdCell(s: string | null, max = 300): string {
  return s === null ? '—' : mdCode(s, max).replace(/\|/g, '\\|');
}

/** A table cell of prose: as mdText, with `|` escaped. */
export function mdTextCell(s: string, max = 300): string {
  return mdText(s, max).replace(/\|/g, '\\|');
}
