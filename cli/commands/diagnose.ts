import { diagnose, type EntryDiagnosis } from '../../lib';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { loadHar, warningSummary, type Io } from '../io';
import { jsonForTerminal, oneLine } from '../terminal';

export const diagnoseUsage = 'why403 diagnose <har|-> [--json] [--all] [--fail-on-flagged]';

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

export function formatText(results: EntryDiagnosis[], total: number): string {
  const lines: string[] = [];
  for (const d of results) {
    const status = d.cors ? `${d.status || 'no status'}, blocked by the browser (CORS)` : String(d.status);
    lines.push(`#${d.index} ${d.method} ${d.url} -> ${status}${d.flagged ? '' : ' (not flagged)'}`);
    d.causes.forEach((c, i) => {
      lines.push(`  ${i + 1}. [${c.id}] ${pct(c.confidence)} ${c.title}`);
      lines.push(`     ${c.summary}`);
      for (const e of c.evidence) lines.push(`     evidence (${e.where}${e.name ? ` ${e.name}` : ''}): ${e.detail}`);
      for (const f of c.fixes) lines.push(`     fix: ${f}`);
    });
    lines.push('');
  }
  const flagged = results.filter((d) => d.flagged).length;
  lines.push(`${flagged} flagged of ${total} entries.`);
  // Each line is made safe whole: a field cannot add a line or an escape sequence.
  return lines.map(oneLine).join('\n') + '\n';
}

export async function runDiagnose(argv: string[], io: Io): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { json: 'bool', all: 'bool', 'fail-on-flagged': 'bool' });
  if (positionals.length > 1)
    throw new CliError(`diagnose takes one HAR file, got ${positionals.length}: ${diagnoseUsage}`);
  const { har, name, warnings } = await loadHar(positionals[0], io);
  const results = diagnose(har, { all: flags.has('all') });
  if (flags.has('json'))
    io.stdout(jsonForTerminal(JSON.stringify({ version: 1, warnings, entries: results.map(toJson) }, null, 2)) + '\n');
  else {
    const summary = warningSummary(name, warnings);
    if (summary) io.stderr(oneLine(summary) + '\n');
    io.stdout(formatText(results, har.log.entries.length));
  }
  return flags.has('fail-on-flagged') && results.some((d) => d.flagged) ? 1 : 0;
}

/** The documented JSON shape (docs/cli.md): fixed key order, nothing internal. */
function toJson(d: EntryDiagnosis) {
  return {
    index: d.index,
    method: d.method,
    url: d.url,
    status: d.status,
    flagged: d.flagged,
    cors: d.cors,
    causes: d.causes,
  };
}
