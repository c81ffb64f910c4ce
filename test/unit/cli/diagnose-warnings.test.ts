// The CLI reads HAR as real writers produce it and says what it had to repair: a top-level "warnings" array in
// the JSON (always present), one summary line on stderr in text mode. Real files from the corpus, unmodified.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const corpus = join(root, 'test', 'fixtures', 'realworld');
// Polly.JS wrote `content-length` as the number 178 in two request headers.
const numeric = join(corpus, 'JupiterOne__graph-azure', 'rm-keyvault-keys_2665320765.har');
const jsonp = join(corpus, 'janodvarko__harviewer', 'jsonp.har');
const clean = join(root, 'test', 'fixtures', 'har', 'chrome156-cors.har');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'why403.mjs'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('why403 diagnose: warnings', () => {
  it('lists each repair with its JSON pointer in --json, and still diagnoses the file', () => {
    const r = run(['diagnose', numeric, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { version: number; warnings: string[]; entries: { index: number }[] };
    expect(Object.keys(doc)).toEqual(['version', 'warnings', 'entries']);
    expect(doc.warnings).toEqual([
      '/log/entries/3/request/headers/10/value: a number, read as "178"',
      '/log/entries/6/request/headers/10/value: a number, read as "178"',
    ]);
    expect(doc.entries.map((e) => e.index)).toEqual([14, 17, 19]);
    expect(r.err).toBe('');
  });

  it('has an empty warnings array for a file read as is', () => {
    const doc = JSON.parse(run(['diagnose', clean, '--json']).out) as { warnings: string[] };
    expect(doc.warnings).toEqual([]);
  });

  it('summarises the warnings in one stderr line in text mode', () => {
    const r = run(['diagnose', numeric]);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/read with 2 warnings: \/log\/entries\/3\/request\/headers\/10\/value: a number/);
    expect(lines[0]).toMatch(/\+1 more/);
    expect(r.out).toMatch(/#14 GET https:\/\/vaultbymetron\.vault\.azure\.net\/keys/);
    expect(run(['diagnose', clean]).err).toBe('');
  });

  it('reads a harviewer JSONP file', () => {
    const r = run(['diagnose', jsonp, '--json', '--all']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { warnings: string[]; entries: unknown[] };
    expect(doc.warnings[0]).toMatch(/onInputData\(\.\.\.\) \(JSONP\)/);
    expect(doc.entries).toHaveLength(1);
  });
});
