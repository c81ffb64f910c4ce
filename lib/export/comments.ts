import { clip, displayText } from '../redact';
import type { ExportRequest } from './types';

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
  return req.secrets.map((s) => `  ${s.name}: ${clip(s.note, 160)}`);
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
