import type { EntryDiagnosis } from '../../lib';
import { escapeControls as t } from '../terminal';
import { headline, statusLabel, topCause } from './text';

// Workflow commands, escaped as @actions/core does (toolkit packages/core/src/command.ts):
// a message may not hold %, CR or LF raw; a property may not hold ":" or "," either, or a
// captured URL could end the command early or add properties of its own.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(level: 'error' | 'warning', title: string, lines: string[]): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(lines.join('\n'))}`;
}

/**
 * GitHub Actions annotations: one error per flagged request (its top cause and fix, then the
 * other possible causes), shown on the run's summary page. Every captured value is escaped for
 * the terminal first (the log renders ANSI colours), then for the workflow command.
 */
export function formatGithub(results: EntryDiagnosis[], total: number, warnings: string[]): string {
  const flagged = results.filter((d) => d.flagged);
  // The reader's repairs, as one warning annotation: the capture was read, with these caveats.
  const caveats =
    warnings.length > 0
      ? [
          annotation(
            'warning',
            `why403: the capture was read with ${warnings.length} warning${warnings.length > 1 ? 's' : ''}`,
            warnings.map(t),
          ),
        ]
      : [];
  const lines = flagged.map((d) => {
    const others = d.causes.slice(1).map((c) => `Also possible: [${c.id}] ${t(c.title)}`);
    const summary = d.causes[0] ? [t(d.causes[0].summary)] : [];
    return annotation('error', `why403: ${t(d.method)} ${t(d.url)} -> ${statusLabel(d)}`, [
      headline(d),
      topCause(d),
      ...summary,
      ...others,
    ]);
  });
  lines.unshift(...caveats);
  lines.push(`why403: ${flagged.length} flagged of ${total} entries.`);
  return lines.join('\n') + '\n';
}
