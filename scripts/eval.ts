// npm run eval: how the engine does on real HAR files other projects published (test/fixtures/realworld).
// A measured figure, never an assertion (the floors live in test/unit/realworld/accuracy-gate.test.ts):
// for the open corpus and the sealed split apart, top-1 and acceptable accuracy on the labelled
// refusals, false flags on the labelled quiet entries and the files the reader rejected, overall and
// by writer, organisation and cause, then every miss. `--json FILE` also writes the figures as JSON;
// `--open-only` leaves the sealed split out. The sealed split's misses are counted but not shown, so
// that whoever runs the eval while changing rules does not learn them; `--show-sealed-misses` prints
// them when a pass is over and they are written up in MISSES.md.
import { writeFileSync } from 'node:fs';
import { evaluateSplit, type SplitFigures, type Tally } from './eval-corpus';

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const row = (name: string, t: Tally) =>
  [
    name.padEnd(36),
    String(t.refusals).padStart(4),
    pct(t.top1, t.refusals).padStart(7),
    pct(t.acceptable, t.refusals).padStart(7),
    String(t.unflagged).padStart(6),
    String(t.quiet).padStart(5),
    String(t.falseFlags).padStart(6),
    `${t.rejected}/${t.files}`.padStart(8),
  ].join(' ');
const header = (what: string) =>
  [what.padEnd(36), ' ref', '  top-1', ' accept', 'unflag', 'quiet', 'falseF', 'rejected'].join(' ');

function table(what: string, m: Record<string, Tally>): void {
  console.log(`\n${header(`by ${what}`)}`);
  for (const [name, t] of Object.entries(m).sort((a, b) => b[1].refusals - a[1].refusals || a[0].localeCompare(b[0])))
    console.log(row(name, t));
}

function report(f: SplitFigures): void {
  const t = f.total;
  console.log(`\n=== ${f.split === 'open' ? 'open corpus' : 'sealed split'} ===`);
  console.log(
    `top-1 ${t.top1}/${t.refusals} (${pct(t.top1, t.refusals)}), ` +
      `acceptable ${t.acceptable}/${t.refusals} (${pct(t.acceptable, t.refusals)}), ` +
      `false flags ${t.falseFlags}/${t.quiet}, rejected files ${t.rejected}/${t.files}, reader warnings ${t.warnings}, ` +
      `${Object.keys(f.byRepository).length} repositories, ${Object.keys(f.byOrganisation).length} organisations`,
  );
  table('writer', f.byWriter);
  table('organisation', f.byOrganisation);
  table('cause (refusals)', f.byCause);
  if (f.misses.length === 0) return;
  if (f.split === 'sealed' && !showSealed)
    console.log(`\n${f.misses.length} misses (not shown: the split stays unseen; --show-sealed-misses)`);
  else console.log(`\n${f.misses.length} misses:\n` + f.misses.join('\n'));
}

const openOnly = process.argv.includes('--open-only');
const showSealed = process.argv.includes('--show-sealed-misses');
const figures: Partial<Record<'open' | 'sealed', SplitFigures>> = { open: evaluateSplit('open') };
if (!openOnly) figures.sealed = evaluateSplit('sealed');
report(figures.open!);
if (figures.sealed) report(figures.sealed);

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1])
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(figures, null, 2) + '\n');

// The real-server lab (test/fixtures/lab, issue 17): its own figures, scored the same way.
const { printLab } = await import('../test/lab/score');
printLab();
