import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  diagnose,
  EXPORTERS,
  exportEntry,
  LogIndex,
  readHar,
  REPORT_FORMATS,
  renderReport,
  type ExportFormat,
  type Har,
  type HarEntry,
} from '../../../lib';

// Golden files: what every export format and every report format prints for a handful of real
// entries, checked in under test/golden/ so a reviewer sees any change in output as a diff (as
// mitmproxy's export tests do). After a deliberate change, regenerate and review the diff:
//   npm run golden:update        (= vitest run test/unit/golden --update)
// Inputs are fixture HARs, unmodified; the report's clock is fixed.

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const GOLDEN = join(import.meta.dirname, '..', '..', 'golden');
const GENERATED_AT = '2026-11-21T12:00:00.000Z';

function harFile(path: string): Har {
  return readHar(readFileSync(join(FIXTURES, path), 'utf8')).har;
}

/** A hostile-requests case as a one-entry HAR (the request as given, a plain 403 answer). */
function hostile(name: string): Har {
  const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'export', 'hostile-requests.json'), 'utf8')) as {
    cases: { name: string; request: HarEntry['request'] }[];
  };
  const request = cases.find((c) => c.name === name)!.request;
  const entry = {
    startedDateTime: GENERATED_AT,
    time: 1,
    request,
    response: {
      status: 403,
      statusText: 'Forbidden',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  } as unknown as HarEntry;
  return { log: { version: '1.2', creator: { name: 'fixture', version: '1' }, entries: [entry] } } as Har;
}

interface Case {
  name: string;
  har: () => Har;
  /** The entry exported and reported: the first flagged one unless given. */
  index?: number;
}

const CASES: Case[] = [
  // A real 401 from a recorded integration test (Polly), Basic credentials refused.
  {
    name: 'plain',
    har: () =>
      harFile('realworld/JupiterOne__graph-servicenow/validateInvocationFailsWithBadCredentials_3561388249.har'),
  },
  // A real Chrome 156 capture of a CORS failure.
  { name: 'cors', har: () => harFile('har/chrome156-cors.har') },
  // Every shell's quoting rules at once, in header values.
  { name: 'hostile', har: () => hostile('hostile-header-values'), index: 0 },
  // Secrets planted in every place a secret can be.
  {
    name: 'secrets',
    har: () => (JSON.parse(readFileSync(join(FIXTURES, 'export', 'planted-secrets.json'), 'utf8')) as { har: Har }).har,
  },
];

const MODES = [
  { name: 'redacted', redact: true },
  { name: 'no-redact', redact: false },
] as const;

describe.each(CASES)('golden output: $name', (c) => {
  const har = c.har();
  const entries = har.log.entries;
  const index = c.index ?? diagnose(har)[0]?.index ?? 0;
  const entry = entries[index]!;

  it.each(MODES)('exports ($name)', async ({ name, redact }) => {
    for (const format of Object.keys(EXPORTERS) as ExportFormat[]) {
      const out = exportEntry(entry, format, { redact, index, log: entries });
      await expect(out).toMatchFileSnapshot(
        join(GOLDEN, 'export', c.name, `${name}.${format}.${EXPORTERS[format].extension}`),
      );
    }
  });

  it.each(MODES)('reports ($name)', async ({ name, redact }) => {
    const log = new LogIndex(har);
    const diagnoses = diagnose(har).filter((d) => d.index === index);
    const report = buildReport(log, diagnoses, { redact, source: `${c.name}.har`, generatedAt: GENERATED_AT });
    for (const format of REPORT_FORMATS) {
      await expect(renderReport(report, format)).toMatchFileSnapshot(
        join(GOLDEN, 'report', c.name, `${name}.${format}`),
      );
    }
  });
});
