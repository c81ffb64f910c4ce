import { clip, displayText } from '../redact';
import type { ExportRequest } from './types';

/** How each target writes a comment line. */
export type CommentStyle = 'sh' | 'js' | 'ps' | 'cmd';
const MARKER: Record<CommentStyle, string> = { sh: '#', js: '//', ps: '#', cmd: 'REM' };

// Characters a comment must never hold raw. Line terminators end a comment (JS: LF, CR,
// U+2028, U+2029; some consoles also NEL); the rest of the line would then run as code.
// Bidi and invisible format characters make a line read differently from what it does.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udfff]/u;

function escapeChar(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * The one place a comment's text is made safe, per target: every character that could end
 * the comment or hide what follows is written as an escape. PowerShell and cmd.exe read a
 * saved script in a legacy code page (a UTF-8 byte could become a quote), so their comments
 * are ASCII; cmd's REM line also gets no % (expanded before REM is seen), no caret (a
 * trailing one joins the next line) and no operator characters, whatever its version does.
 */
export function commentText(line: string, style: CommentStyle): string {
  let out = '';
  for (const c of line) {
    const code = c.codePointAt(0)!;
    const ascii = style === 'ps' || style === 'cmd';
    if (UNSAFE.test(c) || (ascii && code > 0x7e) || (style === 'cmd' && '%^&|<>'.includes(c))) out += escapeChar(c);
    else out += c;
  }
  return out;
}

/** Comment lines for a target, each built from escaped text only. */
export function commentBlock(lines: string[], style: CommentStyle): string[] {
  return lines.map((l) => (l === '' ? MARKER[style] : `${MARKER[style]} ${commentText(l, style)}`));
}

/**
 * The facts every export states first, as plain lines (each format adds its comment marker):
 * what it is, what it leaves out and why, what it could not reproduce.
 */
export function commentLines(req: ExportRequest, what: string): string[] {
  const where = req.index === undefined ? '' : ` of entry #${req.index}`;
  const lines = [
    `why403: ${what}${where}${req.redacted ? ' (redacted)' : ''}: ${clip(`${req.method} ${displayText(req.url)}`, 200)}`,
  ];
  if (req.dropped.length > 0) {
    const groups = new Map<string, string[]>();
    for (const d of req.dropped) groups.set(d.why, [...(groups.get(d.why) ?? []), clip(d.name, 40)]);
    lines.push(`Not sent: ${[...groups].map(([why, names]) => `${names.join(', ')} (${why})`).join('; ')}.`);
  }
  for (const n of req.notes) lines.push(`Note: ${clip(n, 200)}.`);
  return lines;
}

/** "NAME  what it holds" lines for the variables a redacted export needs. */
export function secretLines(req: ExportRequest): string[] {
  return req.secrets.map((s) => ` ${s.name}: ${clip(s.note, 160)}`);
}

/** True when the same header name appears twice (fetch joins such headers with ", "). */
export function duplicateHeaders(req: ExportRequest): string[] {
  const seen = new Map<string, number>();
  for (const h of req.headers) seen.set(h.name.toLowerCase(), (seen.get(h.name.toLowerCase()) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

/**
 * What fetch() (browser or Node) can send of the body, noting in `out` what it cannot
 * reproduce: repeated headers are joined, GET and HEAD carry no body.
 */
export function fetchableBody(req: ExportRequest, out: string[]): ExportRequest['body'] {
  const dup = duplicateHeaders(req);
  if (dup.length > 0) out.push(`fetch() joins repeated headers into one (${dup.join(', ')}).`);
  const method = req.method.toUpperCase();
  const body = req.body && method !== 'GET' && method !== 'HEAD' ? req.body : null;
  if (req.body && !body) out.push(`fetch() cannot send a body with ${method}; the body is left out.`);
  return body;
}

/**
 * What a target writes when it cannot reproduce the request: the usual facts and the reasons,
 * as comments only, so running it does nothing.
 */
export function refusal(req: ExportRequest, what: string, reasons: string[], style: CommentStyle): string {
  const lines = [
    ...commentLines(req, what),
    `Not exported: ${reasons.join('; ')}. Nothing here runs; the curl export may carry it.`,
  ];
  return commentBlock(lines, style).join('\n') + '\n';
}
