// Dumps the full diagnosis of every fixture and corpus HAR (test/fixtures/**, .har and .json), so
// a refactor that must not change what the engine says can be proven with a plain diff:
//   npx tsx scripts/dump-diagnoses.ts > /tmp/before.jsonl   (on the old commit)
//   npx tsx scripts/dump-diagnoses.ts > /tmp/after.jsonl    (on the new one)
//   diff /tmp/before.jsonl /tmp/after.jsonl
// One line per diagnosed entry, in file then entry order: the whole EntryDiagnosis (cause ids in
// rank order, confidences, titles, summaries, evidence, fixes), both for the flagged entries and
// with `all: true`. Cause and negative fixtures are
// rebuilt with the unit suite's makeHar (fixed clock). Files the reader rejects print their error, so a change there shows too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagnose, readHar, type Har } from '../lib';
import { makeHar, type EntrySpec } from '../test/support/har';

const ROOTS = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/fixtures'];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(har|json)$/.test(name)) out.push(p);
  }
  return out;
}

for (const root of ROOTS) {
  for (const file of walk(root)) {
    const name = relative(process.cwd(), file);
    let har: Har;
    try {
      const text = readFileSync(file, 'utf8');
      // Cause and negative fixtures are entry specs rebuilt as a HAR, as the unit suite does.
      const spec = /^(causes|negative)\//.test(relative(root, file))
        ? (JSON.parse(text) as { entries?: EntrySpec[] }).entries
        : undefined;
      har = spec ? makeHar(spec) : readHar(text).har;
    } catch (err) {
      console.log(JSON.stringify({ file: name, error: err instanceof Error ? err.message : String(err) }));
      continue;
    }
    for (const d of diagnose(har)) console.log(JSON.stringify({ file: name, mode: 'flagged', ...d }));
    for (const d of diagnose(har, { all: true }))
      console.log(
        JSON.stringify({ file: name, mode: 'all', index: d.index, causes: d.causes.map((c) => [c.id, c.confidence]) }),
      );
  }
}
