import type { EntryDiagnosis } from '../../lib';
import { escapeControls as t } from '../terminal';

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

/** The status as a person reads it: a CORS block is the browser's refusal, not the server's. */
export function statusLabel(d: EntryDiagnosis): string {
  return d.cors ? `${d.status > 0 ? d.status : 'no status'}, blocked by the browser (CORS)` : String(d.status);
}

/** One request as human lines: the request, then each cause with its evidence and fixes. */
export function entryLines(d: EntryDiagnosis): string[] {
  const lines = [`${headline(d)}${d.flagged ? '' : ' (not flagged)'}`];
  d.causes.forEach((c, i) => {
    lines.push(`  ${i + 1}. [${c.id}] ${pct(c.confidence)} ${t(c.title)}`);
    lines.push(`     ${t(c.summary)}`);
    for (const e of c.evidence)
      lines.push(`     evidence (${e.where}${e.name ? ` ${t(e.name)}` : ''}): ${t(e.detail)}`);
    for (const f of c.fixes) lines.push(`     fix: ${t(f)}`);
  });
  return lines;
}

/** One line naming a request: `#3 GET https://… -> 403`. */
export function headline(d: EntryDiagnosis): string {
  return `#${d.index} ${t(d.method)} ${t(d.url)} -> ${statusLabel(d)}`;
}

/** The top cause and its first fix on one line, for CI summaries. */
export function topCause(d: EntryDiagnosis): string {
  const c = d.causes[0];
  if (!c) return `refused (${statusLabel(d)}), no cause found`;
  return `[${c.id}] ${t(c.title)}${c.fixes[0] ? `. Fix: ${t(c.fixes[0])}` : ''}`;
}

/** The human report: every value from the capture escaped, one request per paragraph. */
export function formatText(results: EntryDiagnosis[], total: number): string {
  const lines: string[] = [];
  for (const d of results) lines.push(...entryLines(d), '');
  const flagged = results.filter((d) => d.flagged).length;
  lines.push(`${flagged} flagged of ${total} entries.`);
  return lines.join('\n') + '\n';
}
