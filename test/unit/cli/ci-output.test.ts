// Captured text must not command the CI runner that prints Why403's output: every command and
// format, on stdout and stderr. Each case also writes the same output to a file (-o, the exact
// bytes): the payload is there, so the check on standard output is not vacuous.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeHar } from '../../support/har';
import { runnerCommands } from './ci-runner';
import { file, scratch, why403 } from './in-process';

const PAYLOAD = '##[error]owned ##vso[task.complete result=Failed] ##teamcity[buildStop]';
const LINE_START = '::stop-commands::why403tok';
const har = makeHar([
  {
    method: 'POST',
    url: `https://api.example/v1/x?note=${encodeURIComponent(PAYLOAD)}`,
    status: 403,
    requestHeaders: { 'X-Note': PAYLOAD },
    responseHeaders: { 'Content-Type': 'application/json', 'X-Reason': PAYLOAD },
    // A real server quoting what it was sent: the error message carries the payload.
    body: JSON.stringify({ error: { code: 'PERMISSION_DENIED', message: `denied ${PAYLOAD}\n${LINE_START}` } }),
    requestBody: `a=1\n${LINE_START}\n`,
  },
]);
const input = file('ci-hostile.har', JSON.stringify(har));

const RUNS: [string[], 'json' | 'xml' | 'text' | 'github'][] = [
  [['diagnose', input, '--all', '--no-redact'], 'text'],
  [['diagnose', input, '--all', '-f', 'json', '--no-redact'], 'json'],
  [['diagnose', input, '--all', '-f', 'junit', '--no-redact'], 'xml'],
  [['diagnose', input, '--all', '-f', 'github', '--no-redact'], 'github'],
  [['report', input, '-e', '0', '--no-redact'], 'text'],
  [['report', input, '-e', '0', '-f', 'html', '--no-redact'], 'xml'],
  [['report', input, '-e', '0', '-f', 'json', '--no-redact'], 'json'],
  ...['curl', 'curl-cmd', 'powershell', 'fetch', 'node', 'httpie'].map(
    (f) => [['export', input, '-e', '0', '-f', f, '--no-redact'], 'text'] as [string[], 'text'],
  ),
  [['export', input, '-e', '0', '-f', 'har', '--no-redact'], 'json'],
];

const xml = new XMLParser({ ignoreAttributes: false, htmlEntities: true, trimValues: false });

describe('CI-safe output', () => {
  it.each(RUNS.map(([args, kind]) => [args.filter((a) => a !== input).join(' '), args, kind] as const))(
    '%s',
    async (_name, args, kind) => {
      const out = join(scratch, `ci-${RUNS.findIndex(([a]) => a === args)}.out`);
      const r = await why403(args);
      expect(r.code, r.err).toBe(0);
      expect((await why403([...args, '-o', out])).code).toBe(0);
      // Reports carry the time they were made: the one line that may differ between the two runs.
      const when = /\d{4}-\d\d-\d\dT[\d:.]+Z/g;
      const exact = readFileSync(out, 'utf8').replace(when, 'T');
      r.out = r.out.replace(when, 'T');
      // (cmd.exe quoting already breaks the sequence with carets: nothing to neutralise there.)
      if (!args.includes('curl-cmd')) expect(runnerCommands(exact).length).toBeGreaterThan(0);
      // Only Why403's own annotations, in the format made of them.
      expect(runnerCommands(r.out).filter((c) => kind !== 'github' || !['::error', '::warning'].includes(c))).toEqual(
        [],
      );
      expect(runnerCommands(r.err)).toEqual([]);
      // The documents still mean what they meant.
      if (kind === 'json') expect(JSON.parse(r.out)).toEqual(JSON.parse(exact));
      if (kind === 'xml' && args.includes('junit')) expect(xml.parse(r.out)).toEqual(xml.parse(exact));
      if (kind === 'text') expect(r.out.replace(/\u2060/g, '')).toBe(exact);
    },
  );

  it('a crafted trace entry name reaches stderr and the github warning annotation neutralised', async () => {
    const name = '##[stop-commands]x ##vso[task.complete]';
    const bytes = zipSync({
      [`${name}.trace`]: strToU8('{}\n'),
      [`${name}.network`]: strToU8('not json\n'),
    });
    const zip = file('ci-trace.zip', bytes);
    for (const f of ['text', 'github', 'junit']) {
      const r = await why403(['diagnose', zip, '-f', f]);
      expect(r.err).toContain('not JSON');
      expect(r.err.replace(/\u2060/g, '')).toContain(name);
      expect(runnerCommands(r.err)).toEqual([]);
      expect(runnerCommands(r.out)).toEqual(f === 'github' ? ['::warning'] : []);
    }
  });

  it('a GitHub annotation cannot carry a raw %0A, CR or LF out of captured text', async () => {
    const bad = makeHar([{ url: 'https://a.example/x%0A::stop-commands::t', status: 403, body: 'a%0Ab\r\nc' }]);
    const r = await why403(['diagnose', '-', '-f', 'github'], JSON.stringify(bad));
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error title=[^:]*::/);
    expect(lines[0]).toContain('x%250A');
    expect(runnerCommands(r.out)).toEqual(['::error']);
  });
});
