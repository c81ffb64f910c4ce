import type { EntryDiagnosis } from '../../lib';

/** The documented JSON shape (docs/cli.md): fixed key order, nothing internal. */
export function formatJson(results: EntryDiagnosis[], warnings: string[]): string {
  const entries = results.map((d) => ({
    index: d.index,
    method: d.method,
    url: d.url,
    status: d.status,
    flagged: d.flagged,
    cors: d.cors,
    causes: d.causes,
  }));
  return JSON.stringify({ version: 1, warnings, entries }, null, 2) + '\n';
}
