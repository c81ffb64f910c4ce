import { basename } from 'node:path';
import { diagnose, REFUSAL_STATUSES, type CiOutputKind } from '../../lib';
import { choice } from '../args';
import { USAGE_ERROR, type CommandSpec } from '../command';
import { CliError } from '../errors';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatJunit } from '../format/junit';
import { formatText } from '../format/text';
import { loadHar, warningSummary, TRACE_OPTION } from '../io';
import { emit, OUTPUT_OPTION } from '../output';
import { redactDiagnoses } from '../redact-diagnoses';
import { REDACT_OPTIONS, redactOn } from '../redact-option';

export const DIAGNOSE_FORMATS = ['text', 'json', 'junit', 'github'] as const;

// What each format is, for CI-safe printing (cli/io.ts ciSafeIo); exhaustive, so a new format must say.
const KIND: { readonly [F in (typeof DIAGNOSE_FORMATS)[number]]: CiOutputKind } = {
  text: 'text',
  json: 'json',
  junit: 'xml',
  github: 'github',
};

export const diagnoseCommand: CommandSpec = {
  name: 'diagnose',
  synopsis: '<capture|-> [-f text|json|junit|github] [--all] [--fail-on-flagged] [-o FILE]',
  summary: 'Explain every refused request of a capture (text, JSON, JUnit, GitHub annotations)',
  description: [
    `Diagnoses every flagged request (refused: ${REFUSAL_STATUSES.join(', ')}, CORS, a refusal hidden in a 200)`,
    'of a HAR file or a Playwright trace (trace.zip), using the whole log as context. - reads standard input.',
    'Secrets in URLs and evidence are redacted unless --no-redact.',
  ],
  options: [
    {
      long: 'format',
      short: 'f',
      value: 'FMT',
      help: 'text, json, junit (one test case per flagged request) or github (workflow annotations)',
      default: 'text',
    },
    { long: 'json', help: 'Same as --format json', sets: { option: 'format', value: 'json' } },
    { long: 'all', help: 'List every entry, not only flagged ones' },
    { long: 'fail-on-flagged', help: 'Exit 1 when any request was flagged (for CI)' },
    OUTPUT_OPTION,
    ...REDACT_OPTIONS,
    TRACE_OPTION,
  ],
  exitCodes: [[0, 'success'], [1, '--fail-on-flagged and a request was flagged'], USAGE_ERROR],
  examples: [
    'why403 diagnose capture.har',
    'why403 diagnose test-results/trace.zip -f junit -o why403-junit.xml --fail-on-flagged',
  ],
  async run({ positionals, values }, io) {
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
  },
};
