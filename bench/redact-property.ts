// The property-based redaction test of test/unit/redact/closure.property.test.ts at a larger
// setting: N random plantings (random secret, name, nesting of encodings, place in the entry),
// every artefact of each log checked by the decoding oracle. Prints runs, leaks and time per
// run. Figures, not assertions (the unit suite holds the bounded run).
// `npx tsx bench/redact-property.ts [--runs 300] [--seed 16]`
import fc from 'fast-check';
import { leaksOf, logOf } from '../test/unit/redact/artefacts';
import { plantedArb, plantedEntry } from '../test/unit/redact/nesting';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('--runs', 300);
const SEED = arg('--seed', Date.now() % 100000);

const t = performance.now();
const leaks: string[] = [];
for (const p of fc.sample(plantedArb, { numRuns: RUNS, seed: SEED })) {
  const found = leaksOf(logOf([plantedEntry(p)]), [p.secret]);
  if (found.length > 0) leaks.push(`${p.core} ${p.name} [${p.layers.join('>')}] at ${p.place}: ${found[0]}`);
}
const ms = performance.now() - t;
console.log(
  `redaction property (seed ${SEED}): ${RUNS} plantings, every artefact each, ${leaks.length} leaking, ` +
    `${Math.round(ms / RUNS)} ms per planting`,
);
for (const l of leaks.slice(0, 10)) console.log(`  leak: ${l}`);
