#!/usr/bin/env node
// Prints the mutation score of each engine layer beside its goal (issue 22), from the JSON report
// StrykerJS writes (reports/mutation/mutation.json). Score = detected / (detected + undetected),
// where detected = killed + timed out, undetected = survived + no coverage; ignored mutants
// (equivalent ones, declared with a reason in the source or stryker.config.mjs) are left out,
// as Stryker itself counts them.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`mutation-scores: cannot read ${file} (${e.code ?? e.message}); run npm run mutate first`);
  process.exit(2);
}

// Goals: 80 % for lib/ overall, 90 % for the layers a user's safety rests on.
const GOALS = [
  ['lib/ (all)', (p) => p.startsWith('lib/'), 80],
  ['lib/export', (p) => p.startsWith('lib/export/'), 90],
  ['lib/redact', (p) => p.startsWith('lib/redact/'), 90],
  ['lib/cors', (p) => p.startsWith('lib/cors/'), 90],
  ['lib/har', (p) => p.startsWith('lib/har/'), 90],
  ['lib/diagnose/{flag,merge}.ts', (p) => /^lib\/diagnose\/(flag|merge)\.ts$/.test(p), 90],
];

const tally = (pred) => {
  let detected = 0;
  let undetected = 0;
  for (const [path, f] of Object.entries(report.files)) {
    const p = relative(process.cwd(), path).replaceAll('\\', '/');
    if (!pred(p)) continue;
    for (const m of f.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') undetected++;
    }
  }
  return { detected, undetected };
};

const layers = new Set(
  Object.keys(report.files)
    .map((p) => relative(process.cwd(), p).replaceAll('\\', '/'))
    .filter((p) => p.startsWith('lib/'))
    .map((p) => p.split('/').slice(0, 2).join('/')),
);
const rows = [
  ...GOALS.map(([name, pred, goal]) => [name, tally(pred), goal]),
  ...[...layers]
    .sort()
    .filter((l) => !GOALS.some(([n]) => n === l))
    .map((l) => [l, tally((p) => p.startsWith(`${l}/`)), null]),
];
console.log('layer                           score   killed/total  goal');
for (const [name, { detected, undetected }, goal] of rows) {
  const total = detected + undetected;
  if (total === 0) continue;
  const score = (100 * detected) / total;
  const verdict = goal === null ? '' : score >= goal ? `≥ ${goal} % met` : `≥ ${goal} % NOT met`;
  console.log(
    `${name.padEnd(31)} ${score.toFixed(1).padStart(5)} %  ${`${detected}/${total}`.padStart(12)}  ${verdict}`,
  );
}
