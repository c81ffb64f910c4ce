// Every artefact Why403 makes from a log, redacted, by name: all export formats of every entry
// (knowing the whole log), every report format (the whole log and the last entry alone, as the
// panel shares it), the redacted HAR, and every `diagnose` format through its library function.
// Shared by the property-based tests and bench/redact-property.ts.
import { diagnose, diagnoseExchange, LogIndex } from '../../../lib';
import { EXPORT_FORMATS, exportEntry } from '../../../lib/export';
import type { Har, HarEntry } from '../../../lib/har/types';
import { redactHar } from '../../../lib/redact';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { formatGithub } from '../../../cli/format/github';
import { formatJson } from '../../../cli/format/json';
import { formatJunit } from '../../../cli/format/junit';
import { formatText } from '../../../cli/format/text';
import { redactDiagnoses } from '../../../cli/redact-diagnoses';
import { makeEntry } from '../../support/har';
import { survives } from './nesting';

/** A log: an ordinary success, then the entry holding the planted secret. */
export function logOf(entries: HarEntry[]): Har {
  const ok = makeEntry({ url: 'https://api.example.com/v1/health', status: 200, body: '{"ok":true}' });
  return { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [ok, ...entries] } };
}

/** Every artefact of the log, by name, redacted. */
export function artefacts(har: Har): Map<string, string> {
  const out = new Map<string, string>();
  const entries = har.log.entries;
  entries.forEach((e, i) => {
    for (const f of EXPORT_FORMATS) out.set(`${f} #${i}`, exportEntry(e, f, { redact: true, index: i, log: entries }));
  });
  const log = new LogIndex(har);
  const all = log.exchanges.map((x) => diagnoseExchange(log, x));
  for (const f of REPORT_FORMATS) {
    out.set(`report ${f}`, renderReport(buildReport(log, all), f));
    out.set(`report ${f} #last`, renderReport(buildReport(log, [all[all.length - 1]!]), f));
  }
  out.set('redacted HAR', JSON.stringify(redactHar(har).har));
  const results = redactDiagnoses(har, diagnose(har, { all: true }));
  out.set('diagnose text', formatText(results, entries.length));
  out.set('diagnose json', formatJson(results, []));
  out.set('diagnose junit', formatJunit(results, { source: 'capture.har', total: entries.length, warnings: [] }));
  out.set('diagnose github', formatGithub(results, entries.length, []));
  return out;
}

export function leaksOf(har: Har, secrets: string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of artefacts(har))
    for (const s of secrets) if (survives(text, s)) found.push(`${name}: ${s}`);
  return found;
}
