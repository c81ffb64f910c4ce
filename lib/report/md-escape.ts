import { clip } from '../redact';

/**
 * Inline Markdown text: one line, and every character that could start markup, a link or
 * raw HTML backslash-escaped, so a hostile header value renders as text, never as HTML.
 */
export function mdText(s: string, max = 600): string {
  return clip(s, max).replace(/[\\`*_[\]<>|~&!#{}()]/g, '\\$&');
}

/** A fenced block whose fence is longer than any backtick run inside, so it cannot be closed early. */
export function mdFence(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/** A table cell: inline text, with `|` escaped (done by mdText) and never empty. */
export function mdCell(s: string | null, max = 300): string {
  return s === null || s === '' ? '—' : mdText(s, max);
}
