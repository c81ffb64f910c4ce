// npm run eval: how the engine does on real HAR files other projects published (test/fixtures/realworld).
// A measured figure, never an assertion: it prints top-1 and acceptable accuracy on the labelled refusals,
// false flags on the labelled quiet entries and the files the reader rejected, per source and overall,
// then every miss. `--json FILE` also writes the figures as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, HarError, type EntryDiagnosis, type Har } from '../lib';
import * as reader from '../lib/har/read';

const DIR = 'test/fixtures/realworld';

interface Label {
  file: string;
  index: number;
  kind: 'refusal' | 'quiet';
  cause?: string;
  alternates?: string[];
  evidence: string;
}

interface Tally {
  refusals: number;
  top1: number;
  acceptable: number;
  unflagged: number;
  quiet: number;
  falseFlags: number;
  files: number;
  rejected: number;
  warnings: number;
}

const empty = (): Tally => ({
  refusals: 0,
  top1: 0,
  acceptable: 0,
  unflagged: 0,
  quiet: 0,
  falseFlags: 0,
  files: 0,
  rejected: 0,
  warnings: 0,
});

/** Reads a file the way the CLI does: the tolerant reader when this build has one, else the strict parser. */
function read(text: string): { har: Har; warnings: string[] } {
  const tolerant = (reader as { readHar?: (t: string) => { har: Har; warnings: string[] } }).readHar;
  return tolerant ? tolerant(text) : { har: reader.parseHar(text), warnings: [] };
}

const labels = (JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as { entries: Label[] }).entries;
const byFile = new Map<string, Label[]>();
for (const l of labels) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);

const sources = new Map<string, Tally>();
const total = empty();
const misses: string[] = [];
const add = (source: string, key: keyof Tally, n = 1) => {
  const t = sources.get(source) ?? empty();
  sources.set(source, t);
  t[key] += n;
  total[key] += n;
};

for (const [file, ls] of byFile) {
  const source = file.split('/')[0]!.replace('__', '/');
  add(source, 'files');
  let results: EntryDiagnosis[];
  try {
    const { har, warnings } = read(readFileSync(join(DIR, file), 'utf8'));
    add(source, 'warnings', warnings.length);
    results = diagnose(har, { all: true });
  } catch (err) {
    add(source, 'rejected');
    const why = err instanceof HarError ? err.message : String(err);
    misses.push(`REJECTED ${file}: ${why}`);
    for (const l of ls) add(source, l.kind === 'refusal' ? 'refusals' : 'quiet');
    continue;
  }
  for (const l of ls) {
    const d = results.find((r) => r.index === l.index);
    const where = `${file}#${l.index}`;
    if (l.kind === 'quiet') {
      add(source, 'quiet');
      if (d?.flagged) {
        add(source, 'falseFlags');
        misses.push(`FALSE FLAG ${where} (status ${d.status}) -> ${d.causes[0]?.id ?? '?'}; label: ${l.evidence}`);
      }
      continue;
    }
    add(source, 'refusals');
    const got = d?.causes ?? [];
    const top = got[0]?.id;
    const ok = [l.cause, ...(l.alternates ?? [])];
    if (!d?.flagged) add(source, 'unflagged');
    if (d?.flagged && top === l.cause) add(source, 'top1');
    if (d?.flagged && top && ok.includes(top)) add(source, 'acceptable');
    if (!d?.flagged || top !== l.cause) {
      const list = got
        .slice(0, 3)
        .map((c) => `${c.id} ${c.confidence}`)
        .join(', ');
      const state = d?.flagged ? `got ${list || 'nothing'}` : 'NOT FLAGGED';
      misses.push(`MISS ${where} (status ${d?.status}) want ${l.cause}: ${state}\n     evidence: ${l.evidence}`);
    }
  }
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const row = (name: string, t: Tally) =>
  [
    name.padEnd(44),
    String(t.refusals).padStart(4),
    pct(t.top1, t.refusals).padStart(7),
    pct(t.acceptable, t.refusals).padStart(7),
    String(t.unflagged).padStart(6),
    String(t.quiet).padStart(5),
    String(t.falseFlags).padStart(6),
    `${t.rejected}/${t.files}`.padStart(8),
    String(t.warnings).padStart(6),
  ].join(' ');

console.log(
  ['source'.padEnd(44), 'ref', '  top-1', ' accept', 'unflag', 'quiet', 'falseF', 'rejected', ' warns'].join(' '),
);
for (const [name, t] of [...sources].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(name, t));
console.log(row('OVERALL', total));
console.log(
  `\ntop-1 ${total.top1}/${total.refusals} (${pct(total.top1, total.refusals)}), ` +
    `acceptable ${total.acceptable}/${total.refusals} (${pct(total.acceptable, total.refusals)}), ` +
    `false flags ${total.falseFlags}/${total.quiet}, rejected files ${total.rejected}/${total.files}, ` +
    `reader warnings ${total.warnings}`,
);
if (misses.length) console.log(`\n${misses.length} misses:\n` + misses.join('\n'));

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1]) {
  const out = { total, sources: Object.fromEntries(sources), misses };
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(out, null, 2) + '\n');
}

// The real-server lab (test/fixtures/lab, issue 17): its own figures, scored the same way.
const { printLab } = await import('../test/lab/score');
printLab();
