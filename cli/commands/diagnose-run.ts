import { basename } from 'node:path';
import { diagnose, type CiOutputKind } from '../../lib';
import { choice, type ParsedArgs } from '../args';
import { CliError } from '../errors';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatJunit } from '../format/junit';
import { formatText } from '../format/text';
import type { Io } from '../io';
import { loadHar, warningSummary } from '../load';
import { emit } from '../output';
import { redactDiagnoses } from '../redact-diagnoses';
import { redactOn } from '../redact-option';
import { DIAGNOSE_FORMATS } from './diagnose';

// What each format is, for CI-safe printing (cli/io.ts ciSafeIo); exhaustive, so a new format must say.
const KIND: { readonly [F in (typeof DIAGNOSE_FORMATS)[number]]: CiOutputKind } = {
  text: 'text',
  json: 'json',
  junit: 'xml',
  github: 'github',
};

export async function runDiagnose({ positionals, values }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 1) throw new CliError(`diagnose takes one capture, got ${positionals.length}`);
  // Arguments first: a wrong format should not wait for a large capture to load.
  const format = choice(values.get('format'), DIAGNOSE_FORMATS, 'diagnose format', 'text');
  const { har, name, warnings } = await loadHar(positionals[0], io, values);
  let results = diagnose(har, { all: values.has('all') });
  if (redactOn(values)) results = redactDiagnoses(har, results);
  const total = har.log.entries.length;
  const source = positionals[0] === '-' ? 'standard input' : basename(name);
  const text =
    format === 'json'
      ? formatJson(results, warnings)
      : format === 'junit'
        ? formatJunit(results, { source, total, warnings })
        : format === 'github'
          ? formatGithub(results, total, warnings)
          : formatText(results, total);
  // JSON carries the warnings in the document; every other format also says so on stderr.
  const summary = format === 'json' ? null : warningSummary(name, warnings);
  if (summary) io.stderr(summary + '\n');
  emit(text, KIND[format], values.get('output'), io);
  return values.has('fail-on-flagged') && results.some((d) => d.flagged) ? 1 : 0;
}
