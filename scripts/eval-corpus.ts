// The real-world corpus evaluation as a function (issue 17): scripts/eval.ts prints it, and the
// accuracy gate (test/unit/realworld/accuracy-gate.test.ts) asserts floors on it. Two splits: the
// open corpus (labels.json) and the sealed split (sealed/labels.json), scored apart, each overall
// and by writer (the tool that wrote the HAR), by organisation (the repository owner) and by the
// labelled cause. A measured figure: nothing here decides what is right but the hand labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, HarError, type EntryDiagnosis, type Har } from '../lib';
import * as reader from '../lib/har/read';

export const CORPUS_DIR = 'test/fixtures/realworld';

export type SplitName = 'open' | 'sealed';
const LABEL_FILES: Record<SplitName, string> = { open: 'labels.json', sealed: 'sealed/labels.json' };

interface Label {
  file: string;
  index: number;
  kind: 'refusal' | 'quiet';
  cause?: string;
  alternates?: string[];
  evidence: string;
}

export interface Tally {
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

export interface SplitFigures {
  split: SplitName;
  total: Tally;
  byRepository: Record<string, Tally>;
  byOrganisation: Record<string, Tally>;
  byWriter: Record<string, Tally>;
  /** Refusals only, keyed by the labelled cause. */
  byCause: Record<string, Tally>;
  misses: string[];
}

export const emptyTally = (): Tally => ({
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

/**
 * The tool that wrote the file, from log.creator (and the browser's User-Agent where one creator
 * name covers several browsers: Chrome and Edge both write "WebInspector").
 */
export function writerOf(har: Har | null): string {
  const log = (har as { log?: { creator?: { name?: string }; entries?: { request?: { headers?: unknown } }[] } })?.log;
  const name = String(log?.creator?.name ?? '').trim();
  const ua = (log?.entries ?? [])
    .flatMap((e) =>
      Array.isArray(e.request?.headers) ? (e.request!.headers as { name?: string; value?: string }[]) : [],
    )
    .find((h) => String(h.name).toLowerCase() === 'user-agent')?.value;
  if (/^WebInspector$/i.test(name)) return ua && /\bEdg\//.test(ua) ? 'Edge DevTools' : 'Chrome DevTools';
  if (/^Firefox$/i.test(name)) return 'Firefox DevTools';
  if (/safari|webkit/i.test(name)) return 'Safari Web Inspector';
  if (/polly/i.test(name)) return 'Polly.JS';
  if (/mitmproxy/i.test(name)) return 'mitmproxy';
  if (/charles/i.test(name)) return 'Charles Proxy';
  if (/fiddler/i.test(name)) return 'Fiddler';
  if (/zap/i.test(name)) return 'OWASP ZAP';
  if (/burp/i.test(name)) return 'Burp Suite';
  if (/playwright/i.test(name)) return 'Playwright';
  if (/browsertime|sitespeed/i.test(name)) return 'Browsertime';
  return name || '(no creator)';
}

function add(map: Record<string, Tally>, key: string, field: keyof Tally, n = 1): void {
  (map[key] ??= emptyTally())[field] += n;
}

/** Scores one split against its hand labels. */
export function evaluateSplit(split: SplitName, dir = CORPUS_DIR): SplitFigures {
  const labels = (JSON.parse(readFileSync(join(dir, LABEL_FILES[split]), 'utf8')) as { entries: Label[] }).entries;
  const byFile = new Map<string, Label[]>();
  for (const l of labels) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  const out: SplitFigures = {
    split,
    total: emptyTally(),
    byRepository: {},
    byOrganisation: {},
    byWriter: {},
    byCause: {},
    misses: [],
  };
  for (const [file, ls] of byFile) {
    const repo = file
      .replace(/^sealed\//, '')
      .split('/')[0]!
      .replace('__', '/');
    const org = repo.split('/')[0]!;
    let har: Har | null = null;
    let results: EntryDiagnosis[] | null = null;
    let warnings = 0;
    let why = '';
    try {
      const r = read(readFileSync(join(dir, file), 'utf8'));
      har = r.har;
      warnings = r.warnings.length;
      results = diagnose(har, { all: true });
    } catch (err) {
      why = err instanceof HarError ? err.message : String(err);
    }
    const writer = writerOf(har);
    const tallies = [out.byRepository, out.byOrganisation, out.byWriter];
    const keys = [repo, org, writer];
    const count = (field: keyof Tally, n = 1, cause?: string) => {
      out.total[field] += n;
      tallies.forEach((m, i) => add(m, keys[i]!, field, n));
      if (cause) add(out.byCause, cause, field, n);
    };
    count('files');
    count('warnings', warnings);
    if (!results) {
      count('rejected');
      out.misses.push(`REJECTED ${file}: ${why}`);
      for (const l of ls) count(l.kind === 'refusal' ? 'refusals' : 'quiet', 1, l.cause);
      continue;
    }
    for (const l of ls) {
      const d = results.find((r) => r.index === l.index);
      const where = `${file}#${l.index}`;
      if (l.kind === 'quiet') {
        count('quiet');
        if (d?.flagged) {
          count('falseFlags');
          out.misses.push(
            `FALSE FLAG ${where} (status ${d.status}) -> ${d.causes[0]?.id ?? '?'}; label: ${l.evidence}`,
          );
        }
        continue;
      }
      const cause = l.cause!;
      count('refusals', 1, cause);
      const got = d?.causes ?? [];
      const top = got[0]?.id;
      if (!d?.flagged) count('unflagged', 1, cause);
      if (d?.flagged && top === cause) count('top1', 1, cause);
      if (d?.flagged && top && [cause, ...(l.alternates ?? [])].includes(top)) count('acceptable', 1, cause);
      if (!d?.flagged || top !== cause) {
        const list = got
          .slice(0, 3)
          .map((c) => `${c.id} ${c.confidence}`)
          .join(', ');
        const state = d?.flagged ? `got ${list || 'nothing'}` : 'NOT FLAGGED';
        out.misses.push(`MISS ${where} (status ${d?.status}) want ${cause}: ${state}\n     evidence: ${l.evidence}`);
      }
    }
  }
  return out;
}

/** Both splits, for the eval's report and the accuracy gate. */
export function evaluateCorpus(dir = CORPUS_DIR): Record<SplitName, SplitFigures> {
  return { open: evaluateSplit('open', dir), sealed: evaluateSplit('sealed', dir) };
}

/** top-1 as a fraction (1 when there is nothing to score). */
export const top1Rate = (t: Tally): number => (t.refusals === 0 ? 1 : t.top1 / t.refusals);
