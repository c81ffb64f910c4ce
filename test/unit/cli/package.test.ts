// The CLI as users get it: packed, installed into an empty prefix, run from there. Catches a
// bundle left out of `files`, an install script that needs dev tools, a runtime dependency
// on something only the panel needs, and an install that grows past its budget.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sample = join(root, 'test', 'fixtures', 'har', 'chrome156-cors.har');
const work = mkdtempSync(join(tmpdir(), 'why403-pack-'));
const prefix = join(work, 'prefix');
const bin = join(prefix, 'bin', 'why403');
const installed = join(prefix, 'lib', 'node_modules', 'why403');

function sizeOf(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((sum, name) => sum + sizeOf(join(p, name)), 0);
}

function why403(args: string[]) {
  // A clean environment: no checkout on the path, no tsx, no NODE_OPTIONS.
  const r = spawnSync(bin, args, { encoding: 'utf8', cwd: work, env: { PATH: process.env.PATH, HOME: work } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // What prepack runs, then pack without scripts (prepare would also regenerate .wxt here).
  execFileSync('npm', ['run', '--silent', 'prepack'], { cwd: root, stdio: 'pipe' });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      '--cache',
      join(work, 'cache'),
      join(work, packed.filename),
    ],
    { cwd: work, stdio: 'pipe', env: { ...process.env, HOME: work } },
  );
}, 120_000);

describe('npm pack, npm install -g from the tarball', () => {
  it('runs no install-time script and has no runtime dependency (the bundle holds them)', () => {
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook]).toBeUndefined();
    expect(pkg.scripts.prepack).toMatch(/build-cli/);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(readdirSync(installed).sort()).toEqual([
      '.output',
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin',
      'package.json',
      'playwright',
    ]);
  });

  it('stays under 20 MB installed', () => {
    expect(sizeOf(prefix)).toBeLessThan(20 * 1024 * 1024);
  });

  it('--version, --help and <command> --help exit 0 on stdout', () => {
    expect(why403(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    for (const args of [['--help'], ['diagnose', '--help'], ['export', '-h'], ['report', '--help']]) {
      const r = why403(args);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/^(Usage|why403)/);
    }
  });

  it('diagnoses a real capture; usage errors exit 2 with one line', () => {
    const r = why403(['diagnose', sample, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).entries.length).toBeGreaterThan(0);
    const none = why403([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err.trim().split('\n')).toHaveLength(1);
  });
});
