import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib';
import { makeHar } from '../../support/har';

const root = join(import.meta.dirname, '..', '..', '..');
const sample = join(root, 'test', 'fixtures', 'har', 'chrome156-cors.har');
const dir = mkdtempSync(join(tmpdir(), 'why403-cli-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'why403.mjs'), ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('why403 diagnose', () => {
  it('prints versioned JSON with taxonomy ids, flagged entries only', () => {
    const r = run(['diagnose', sample, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.version).toBe(1);
    // Entry 5 is the 405 preflight without Access-Control-Allow-Origin behind entry 4's block.
    expect(doc.entries.map((e: { index: number }) => e.index)).toEqual([0, 1, 3, 4, 5]);
    expect(doc.entries[4].causes.map((c: { id: string }) => c.id)).toEqual(['cors.missing_allow_origin']);
    for (const e of doc.entries) {
      expect(Object.keys(e).slice(0, 6)).toEqual(['index', 'method', 'url', 'status', 'flagged', 'cors']);
      for (const c of e.causes) expect(CAUSE_IDS).toContain(c.id);
    }
    expect(doc.entries[1].causes[0].id).toBe('cors.missing_allow_origin');
  });

  it('--all lists unflagged entries with no causes; reads standard input', () => {
    const har = JSON.stringify(makeHar([{ url: 'https://a.example/ok', status: 200, body: '{}' }]));
    const r = run(['diagnose', '-', '--all', '--json'], har);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).entries).toEqual([expect.objectContaining({ index: 0, flagged: false, causes: [] })]);
  });

  it('--fail-on-flagged exits 1 when something was refused, 0 otherwise', () => {
    expect(run(['diagnose', sample, '--fail-on-flagged']).code).toBe(1);
    const ok = file('ok.har', JSON.stringify(makeHar([{ url: 'https://a.example/', status: 200 }])));
    expect(run(['diagnose', ok, '--fail-on-flagged']).code).toBe(0);
  });

  it('text output names the cause, evidence and fix', () => {
    const r = run(['diagnose', sample]);
    expect(r.out).toMatch(
      /#1 GET http:\/\/127\.0\.0\.1:8134\/api\/nocors-simple -> 200, blocked by the browser \(CORS\)/,
    );
    expect(r.out).toMatch(/\[cors\.missing_allow_origin\]/);
    expect(r.out).toMatch(/fix: /);
  });

  it.each([
    ['a missing file', () => [join(dir, 'nope.har')], /nope\.har: cannot read: no such file/],
    ['not JSON', () => [file('bad.har', '{"log": [')], /bad\.har: not JSON/],
    ['JSON but not HAR', () => [file('x.har', '{"entries": []}')], /x\.har: not a HAR file/],
    [
      'an entry without a URL',
      () => [
        file(
          'y.har',
          '{"log":{"entries":[{"request":{"method":"GET","headers":[]},"response":{"status":200,"headers":[]}}]}}',
        ),
      ],
      /at \/log\/entries\/0\/request\/url/,
    ],
    ['an unknown option', () => [sample, '--jsn'], /unknown option --jsn/],
  ])('%s: one line on stderr, exit 2, nothing on stdout', (_name, args, message) => {
    const r = run(['diagnose', ...args()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});
