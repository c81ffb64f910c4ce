#!/usr/bin/env node
// `npm run publish:check` (CI, after npm test): what `npm publish` would do, checked.
// 1. `npm publish --dry-run` warns about nothing but the missing login (a dry run needs none);
// 2. the tarball holds the CLI (bin + bundle), LICENSE, README and CHANGELOG, and no sources,
//    tests or fixtures;
// 3. the packed CLI runs from an unpacked tarball outside the checkout (no dependency, no build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failures = [];

const dry = spawnSync(npm, ['publish', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' });
if (dry.status !== 0) {
  process.stderr.write(dry.stdout + dry.stderr);
  console.error('publish-check: npm publish --dry-run failed');
  process.exit(1);
}
// A dry run is never logged in; every other warning (a bad field, a file list npm fixed) counts.
const warnings = dry.stderr.split('\n').filter((l) => /^npm warn/i.test(l) && !/requires you to be logged in/.test(l));
failures.push(...warnings.map((w) => `npm warned: ${w}`));

// Lifecycle scripts (prepack, prepare) print before the JSON document on stdout.
const report = JSON.parse(dry.stdout.slice(dry.stdout.search(/^\{/m)));
const files = Object.values(report)[0].files.map((f) => f.path);
for (const want of [
  'bin/why403.mjs',
  '.output/cli/why403.mjs',
  '.output/playwright/index.mjs',
  'playwright/public.d.ts',
  'LICENSE',
  'README.md',
  'CHANGELOG.md',
  'package.json',
])
  if (!files.includes(want)) failures.push(`the tarball lacks ${want}`);
// The CLI's entry loads each command's engine from its chunks (scripts/build-cli.mjs).
if (!files.some((f) => f.startsWith('.output/cli/chunks/diagnose-run-')))
  failures.push('the tarball lacks the CLI chunks (.output/cli/chunks/)');
for (const f of files)
  if (/^(test|lib|cli|bench|components|entrypoints|scripts|docs)\//.test(f) || /(?<!\.d)\.tsx?$/.test(f))
    failures.push(`the tarball holds ${f} (sources and tests stay out)`);

const scratch = mkdtempSync(join(tmpdir(), 'why403-pack-'));
try {
  const tgz = execFileSync(npm, ['pack', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(scratch, tgz), '-C', scratch]);
  const run = spawnSync(process.execPath, [join(scratch, 'package', 'bin', 'why403.mjs'), '--version'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  const { version } = report[Object.keys(report)[0]];
  if (run.status !== 0 || !run.stdout.includes(version))
    failures.push(
      `the packed CLI did not run: exit ${run.status}, ${JSON.stringify((run.stdout + run.stderr).trim())}`,
    );
  // --version loads the entry only: a diagnosis loads the engine's chunks too.
  const refused = { request: { method: 'GET', url: 'https://api.example.test/me', headers: [] } };
  const har = { log: { entries: [{ ...refused, response: { status: 401, headers: [], content: {} } }] } };
  const diag = spawnSync(process.execPath, [join(scratch, 'package', 'bin', 'why403.mjs'), 'diagnose', '-', '--json'], {
    cwd: scratch,
    input: JSON.stringify(har),
    encoding: 'utf8',
  });
  if (diag.status !== 0 || !diag.stdout.includes('"status": 401'))
    failures.push(
      `the packed CLI did not diagnose: exit ${diag.status}, ${JSON.stringify((diag.stdout + diag.stderr).trim().slice(0, 300))}`,
    );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length) {
  for (const f of failures) console.error(`publish-check: ${f}`);
  process.exit(1);
}
console.log(`publish-check: ok (${files.length} files: ${files.join(', ')}; the packed CLI runs)`);
