// Trace reading (issue 16, bounds): the trace.zip reader before (the code at BEFORE, the commit
// this work started from) and after (lib/har/trace.ts), on
// - 18,000 trace/network pairs against one pair and 18,000 other files (the name lookups were
//   `includes` inside loops: quadratic in the number of files);
// - a 2 MB zip bomb (~330 MB of DEFLATE output): refused under the budget, with the time and
//   peak memory it takes; "before" inflates it all (run in a child with a timeout).
// Figures only. `npx tsx bench/trace.ts`
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { readTrace } from '../lib/har/trace';
import { deflateBomb, rawZip } from '../test/support/zip-bomb';

const BEFORE = 'c853694';
const PAIRS = 18_000;

mkdirSync('bench/out', { recursive: true });
// The reader as it was: its source from git, run through tsx like the rest.
writeFileSync('bench/out/trace-before.ts', execFileSync('git', ['show', `${BEFORE}:lib/har/trace.ts`]));
const beforePath = './out/trace-before.ts'; // a variable: the file exists only once this has run
const before = (await import(beforePath)) as { readTrace: typeof readTrace };

const line = (i: number) =>
  JSON.stringify({
    type: 'resource-snapshot',
    snapshot: {
      request: { method: 'GET', url: `https://api.example/${i}`, headers: [] },
      response: { status: 403, headers: [], content: { mimeType: 'text/plain', _sha1: `r${i}` } },
    },
  }) + '\n';

function pairs(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < PAIRS; i++) {
    files[`p${i}.trace`] = strToU8('{}\n');
    files[`p${i}.network`] = strToU8(line(i));
    files[`resources/r${i}`] = strToU8('x');
  }
  return zipSync(files, { level: 1 });
}

function others(): Uint8Array {
  const files: Record<string, Uint8Array> = { 'p.trace': strToU8('{}\n') };
  let network = '';
  for (let i = 0; i < PAIRS; i++) {
    network += line(i);
    files[`resources/r${i}`] = strToU8('x');
    files[`other/o${i}`] = strToU8('{}\n');
    files[`other/q${i}`] = strToU8('{}\n');
  }
  files['p.network'] = strToU8(network);
  return zipSync(files, { level: 1 });
}

function time(read: (b: Uint8Array) => unknown, bytes: Uint8Array): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    read(bytes);
    runs.push(performance.now() - t);
  }
  return Math.round(runs.sort((a, b) => a - b)[1]!);
}

const results: Record<string, unknown> = {};
const p = pairs();
const o = others();
for (const [name, read] of [
  ['before', before.readTrace],
  ['after', readTrace],
] as const) {
  const a = time(read, p);
  const b = time(read, o);
  results[`trace ${name}`] = { pairsMs: a, otherFilesMs: b, ratio: +(a / b).toFixed(1) };
  console.log(
    `trace.zip ${name}: ${PAIRS} trace/network pairs ${a} ms, one pair + ${3 * PAIRS} other files ${b} ms (${(a / b).toFixed(1)}x)`,
  );
}

// The bomb, each reader in a child process of its own (peak RSS is per process).
const bomb = rawZip([
  { name: 'trace.trace', data: strToU8('{}'), method: 0, statedSize: 2 },
  { name: 'trace.network', data: deflateBomb(1_300_000), method: 8, statedSize: 1000 },
]);
writeFileSync('bench/out/bomb.zip', bomb);
for (const [name, module] of [
  ['before', './bench/out/trace-before.ts'],
  ['after', './lib/har/trace.ts'],
] as const) {
  const script = `
    import { readFileSync } from 'node:fs';
    const { readTrace } = await import(${JSON.stringify(module)});
    const t = performance.now();
    let outcome = 'read';
    try { readTrace(readFileSync('bench/out/bomb.zip')); } catch (e) { outcome = String(e.message).slice(0, 60); }
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t), outcome, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const figures = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').at(-1)!) : { failed: r.signal ?? r.status };
  results[`2 MB bomb ${name}`] = figures;
  console.log(`trace.zip ${name}: 2 MB bomb (${(bomb.length / 1e6).toFixed(1)} MB): ${JSON.stringify(figures)}`);
}
console.log(`__RESULTS__ ${JSON.stringify(results)}`);
