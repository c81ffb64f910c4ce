#!/usr/bin/env node
// npm run mutate:sample [-- LINES [SEED] [--under lib/LAYER]…]: an estimate of the mutation score of the whole of lib/
// (issue 22) in a bounded time. A full `npm run mutate` takes several hours on a 2-core machine, so
// this draws LINES code lines of lib/ at random (a seeded draw, so a run can be repeated), lets
// StrykerJS mutate only those lines, and reports killed/total over the mutants found there with a
// 95 % interval from a bootstrap over the drawn lines (mutants of one line are not independent).
// The files are those stryker.config.mjs mutates; a line is a candidate when it holds code (not a
// blank line, a comment, an import or a type-only line).
// --under narrows the draw to one or more folders (or files) of lib/, so a layer with its own goal
// (lib/export, lib/redact, lib/cors, lib/har: 90 %) gets an estimate of its own: the lib/-wide
// draw lands only a few lines in each, too few for an interval worth reading.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const under = [];
for (let i = args.indexOf('--under'); i !== -1; i = args.indexOf('--under')) {
  // `--under lib` is the whole of lib/, the same draw as no --under at all.
  under.push(
    ...args
      .splice(i, 2)
      .slice(1)
      .filter((u) => u !== 'lib' && u !== 'lib/'),
  );
}
const positional = args.filter((a) => !a.startsWith('--'));
const LINES = Number(positional[0] ?? 120);
const SEED = Number(positional[1] ?? 22);
if (!Number.isInteger(LINES) || LINES < 1 || !Number.isInteger(SEED) || under.some((u) => !u?.startsWith('lib/'))) {
  console.error('mutate:sample: usage: npm run mutate:sample -- [LINES] [SEED] [--under lib/FOLDER]…');
  process.exit(2);
}
// The goals of issue 22, as scripts/mutation-scores.mjs prints them for a full run.
const GOAL_90 = ['lib/export', 'lib/redact', 'lib/cors', 'lib/har', 'lib/diagnose/flag.ts', 'lib/diagnose/merge.ts'];
const goalOf = (prefix) => (GOAL_90.some((g) => prefix === g || prefix.startsWith(`${g}/`)) ? 90 : 80);
const GOAL = under.length === 0 ? 80 : Math.max(...under.map(goalOf));
const SCOPE = under.length === 0 ? 'lib/ (all)' : under.join(', ');
// Stryker's JSON reporter writes here (stryker.config.mjs); the CLI cannot move it.
const REPORT = 'reports/mutation/mutation.json';

/** mulberry32: a small seeded generator, so the same seed draws the same lines. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const excluded = (p) => p.startsWith('lib/vendors/samples/') || p.endsWith('/index.ts') || p === 'lib/har/types.ts';
const files = readdirSync('lib', { recursive: true })
  .map((p) => join('lib', String(p)).replaceAll('\\', '/'))
  .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !excluded(p))
  .filter((p) => under.length === 0 || under.some((u) => p === u || p.startsWith(u.endsWith('/') ? u : `${u}/`)))
  .sort();
if (files.length === 0) {
  console.error(`mutate:sample: no engine file under ${under.join(', ')}`);
  process.exit(2);
}

const CODE = /[A-Za-z0-9_)\]}'"`]/;
const NOT_CODE = /^\s*(?:\/\/|\/\*|\*|import\s|export\s+(?:type|interface)\s|(?:type|interface)\s|$)/;
const candidates = [];
for (const f of files) {
  readFileSync(f, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!NOT_CODE.test(text) && CODE.test(text)) candidates.push([f, i + 1]);
    });
}

const next = rng(SEED);
const drawn = new Map();
while (drawn.size < Math.min(LINES, candidates.length)) {
  const [f, line] = candidates[Math.floor(next() * candidates.length)];
  drawn.set(`${f}:${line}`, [f, line]);
}
const ranges = [...drawn.values()].map(([f, line]) => `${f}:${line}-${line}`);
console.log(
  `mutate:sample: ${ranges.length} of ${candidates.length} code lines in ${files.length} files of ${SCOPE} (seed ${SEED})`,
);

if (!process.argv.includes('--score-only')) {
  const run = spawnSync('npx', ['stryker', 'run', '--mutate', ranges.join(','), '--reporters', 'json,progress'], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 2);
}

// Score per drawn line, then the ratio and a bootstrap interval over lines.
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const perLine = new Map();
for (const [path, f] of Object.entries(report.files)) {
  const rel = path.replace(`${process.cwd()}/`, '');
  for (const m of f.mutants) {
    const detected = m.status === 'Killed' || m.status === 'Timeout';
    const undetected = m.status === 'Survived' || m.status === 'NoCoverage';
    if (!detected && !undetected) continue;
    const key = `${rel}:${m.location.start.line}`;
    // --score-only may read a report that a wider run wrote: only the drawn lines count.
    if (!drawn.has(key)) continue;
    const t = perLine.get(key) ?? { detected: 0, total: 0 };
    t.total++;
    if (detected) t.detected++;
    perLine.set(key, t);
  }
}
if (perLine.size === 0) {
  console.log(`${SCOPE}, sampled: no mutant on the drawn lines in ${REPORT}; nothing to score`);
  process.exit(0);
}
const ratio = (ls) =>
  ls.reduce((s, t) => s + t.detected, 0) /
  Math.max(
    1,
    ls.reduce((s, t) => s + t.total, 0),
  );
const pct = (v) => `${(100 * v).toFixed(1)} %`;
/** One scope's estimate, its bootstrap interval over lines, and the verdict against its goal. */
function verdict(scope, lines, goalPct) {
  const boot = rng(SEED + 1);
  const stats = Array.from({ length: 2000 }, () =>
    ratio(Array.from(lines, () => lines[Math.floor(boot() * lines.length)])),
  ).sort((a, b) => a - b);
  const detected = lines.reduce((s, t) => s + t.detected, 0);
  const total = lines.reduce((s, t) => s + t.total, 0);
  const goal = goalPct / 100;
  const met = stats[50] >= goal ? 'met' : ratio(lines) >= goal ? 'met on the estimate, not on its interval' : 'NOT met';
  console.log(
    `${scope}, sampled: ${pct(ratio(lines))} (${detected}/${total} mutants on ${lines.length} lines with mutants), ` +
      `95 % interval ${pct(stats[50])}–${pct(stats[1949])}; goal ≥ ${goalPct} % ${met}`,
  );
}
verdict(SCOPE, [...perLine.values()], GOAL);
// With several --under scopes, each is also judged alone against its own goal.
if (under.length > 1) {
  for (const u of under) {
    const lines = [...perLine].filter(([key]) => key.startsWith(u)).map(([, t]) => t);
    if (lines.length > 0) verdict(`  ${u}`, lines, goalOf(u));
  }
}
// Where the drawn mutants sit, by folder of lib/, and the lines that kept survivors: what to read next.
const byLayer = new Map();
const survivors = [];
for (const [key, t] of perLine) {
  const layer = key.split('/').slice(0, 2).join('/').replace(/:\d+$/, '');
  const l = byLayer.get(layer) ?? { detected: 0, total: 0 };
  l.detected += t.detected;
  l.total += t.total;
  byLayer.set(layer, l);
  if (t.detected < t.total) survivors.push(`${key} (${t.total - t.detected})`);
}
console.log(
  `by folder: ${[...byLayer]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([l, t]) => `${l} ${t.detected}/${t.total}`)
    .join(', ')}`,
);
if (survivors.length > 0) console.log(`lines with survivors: ${survivors.sort().join(', ')}`);
