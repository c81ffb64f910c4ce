// npm run bench: measured figures, never assertions. Prints a table and writes bench/out/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { generateHar } from './generate-har.mjs';

mkdirSync('bench/out', { recursive: true });
// The CLI figures are of the bundle an installed package runs: build it from the current sources.
spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'ignore' });
const results = {};

function cli(name, count, args) {
  const file = `bench/out/${count}.har`;
  writeFileSync(file, JSON.stringify(generateHar(count)));
  const mb = statSync(file).size / 1e6;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['bench/measure-cli.mjs', ...args(file)], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = performance.now() - t;
    const m = /__BENCH__ (.*)/.exec(r.stderr);
    if (!m) throw new Error(`bench run failed: ${r.stderr}`);
    runs.push({ ms, ...JSON.parse(m[1]) });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[2];
  results[name] = {
    entries: count,
    harMB: +mb.toFixed(1),
    medianMs: Math.round(median.ms),
    entriesPerSecond: Math.round(count / (median.ms / 1000)),
    peakRssMB: Math.round(Math.max(...runs.map((r) => r.maxRssKiB)) / 1024),
  };
  console.log(
    `${name}: ${count} entries (${mb.toFixed(1)} MB HAR) in ${results[name].medianMs} ms median of 5 ` +
      `(${results[name].entriesPerSecond} entries/s, whole process incl. startup), peak RSS ${results[name].peakRssMB} MB`,
  );
}

// freeCodeCamp's API calls (test/fixtures/realworld, open split): 50 KB, 5 entries.
const SMALL_CAPTURE = 'test/fixtures/realworld/Danu28__har-analyzer/www.freecodecamp.org.har';

cli('cli diagnose --json', 10000, (f) => ['diagnose', f, '--json']);
cliAgainstBaselines();
cli('cli diagnose --all --json', 10000, (f) => ['diagnose', f, '--all', '--json']);

/**
 * Issue 19, measured in one run with their baselines interleaved: `diagnose` on a 10,000-entry
 * HAR against JSON.parse of the same file (in-process, no start-up on either side), and the
 * installed CLI's start-up against bare node.
 */
function cliAgainstBaselines() {
  const file = 'bench/out/10000.har';
  const runs = { diagnose: [], parse: [], start: [], bare: [], small: [] };
  const pairs = [
    ['diagnose', ['bin/why403.mjs', 'diagnose', file, '--json']],
    ['parse', ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]],
    ['start', ['bin/why403.mjs', '--version']],
    ['bare', ['-e', '0']],
    // What a user waits for on an everyday capture: start-up, reading, diagnosis and redaction.
    ['small', ['bin/why403.mjs', 'diagnose', SMALL_CAPTURE, '--json']],
  ];
  // CPU time (user + system) of each process: wall time on a busy machine measures the neighbours.
  for (let i = 0; i < 7; i++) {
    for (const [name, args] of pairs) {
      const r = spawnSync(process.execPath, ['--import', './bench/cpu-report.mjs', ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      runs[name].push(Number(/__CPU__ (\S+)/.exec(r.stderr)?.[1] ?? NaN));
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ratio = (a, b, goal) => `${(med(runs[a]) / med(runs[b])).toFixed(2)} (goal <= ${goal})`;
  results['cli diagnose 10,000 entries vs JSON.parse of the file (whole processes)'] = {
    diagnoseCpuMs: Math.round(med(runs.diagnose)),
    jsonParseCpuMs: Math.round(med(runs.parse)),
    ratio: ratio('diagnose', 'parse', 1.2),
  };
  results['cli start-up (bin/why403.mjs --version) vs bare node -e 0'] = {
    why403CpuMs: Math.round(med(runs.start)),
    nodeCpuMs: Math.round(med(runs.bare)),
    ratio: ratio('start', 'bare', 2),
  };
  results['cli diagnose of a real 50 KB capture (whole process)'] = { cpuMs: Math.round(med(runs.small)) };
  for (const k of Object.keys(results).filter((k) => k.includes(' vs ') || k.includes('50 KB')))
    console.log(`${k}: ${JSON.stringify(results[k])}`);
}

// Pathological inputs (issue 10): each engine entry point on crafted 256 KB bodies vs a plain one.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/pathological.ts'], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  const line = r.stdout.trim().split('\n').filter(Boolean);
  if (r.status === 0) results['pathological 256 KB bodies'] = line;
  else console.log(`pathological benchmark failed: ${r.stderr.split('\n')[0]}`);
}

// Redaction (issue 16): the vault with thousands of distinct secrets, and the property-based
// leak test at a larger setting than the unit suite's.
for (const [name, script, args] of [
  ['redaction vault, SigV4 logs', 'bench/vault.ts', ['--sizes', '8000,16000']],
  ['redaction property, 300 plantings', 'bench/redact-property.ts', ['--runs', '300']],
  ['redaction of a token-rich page', 'bench/token-page.ts', []],
]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status === 0) results[name] = r.stdout.trim().split('\n').filter(Boolean);
  else console.log(`${name} failed: ${r.stderr.split('\n')[0]}`);
}
// Trace reading under a budget (issue 16): before (the code this work started from) and after.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/trace.ts'], { encoding: 'utf8' });
  process.stdout.write(r.stdout.replace(/^__RESULTS__.*\n?/m, ''));
  const m = /^__RESULTS__ (.*)$/m.exec(r.stdout);
  if (r.status === 0 && m) Object.assign(results, JSON.parse(m[1]));
  else console.log(`trace benchmark failed: ${r.stderr.split('\n')[0]}`);
}

// why403/playwright on a suite that passes (issue 21): its cost beside plain @playwright/test.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/playwright-cost.ts'], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status === 0) results['why403/playwright cost'] = r.stdout.trim();
  else console.log(`playwright cost benchmark failed: ${r.stderr.split('\n')[0]}`);
}

const extra = process.argv.slice(2);
if (!extra.includes('--cli-only')) {
  try {
    const { runPanelBench } = await import('./panel-bench.mjs');
    // The soak is the (30,000 requests, about five minutes); --soak=N any size, 0 skips it.
    const flag = extra.find((a) => a.startsWith('--soak='));
    const soak = flag ? Number(flag.split('=')[1]) : 30000;
    Object.assign(results, await runPanelBench({ soak }));
  } catch (err) {
    console.log(`panel benchmark skipped: ${err instanceof Error ? err.message : err}`);
  }
}
writeFileSync('bench/out/results.json', JSON.stringify(results, null, 2));
