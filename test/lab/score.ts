// Scores the committed lab HARs (test/fixtures/lab) without any server: top-1 on the refusals, false flags on the
// look-alikes, rejected files. Used by the unit test (which holds the floor) and by `npm run eval` (printLab).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, HarError, type EntryDiagnosis } from '../../lib';
import { parseHar } from '../../lib/har/read';
import type { LabLabel } from './labels';

export const LAB_DIR = 'test/fixtures/lab';

export interface LabScore {
  servers: number;
  files: number;
  refusals: number;
  top1: number;
  acceptable: number;
  quiet: number;
  falseFlags: number;
  rejected: number;
  misses: string[];
}

export function readLabLabels(dir = LAB_DIR): { servers: Record<string, string>; entries: LabLabel[] } {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
    servers: Record<string, string>;
    entries: LabLabel[];
  };
}

export function scoreLab(dir = LAB_DIR): LabScore {
  const { servers, entries } = readLabLabels(dir);
  const byFile = new Map<string, LabLabel[]>();
  for (const l of entries) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  const s: LabScore = {
    servers: Object.keys(servers).length,
    files: byFile.size,
    refusals: 0,
    top1: 0,
    acceptable: 0,
    quiet: 0,
    falseFlags: 0,
    rejected: 0,
    misses: [],
  };
  for (const [file, labels] of byFile) {
    let results: EntryDiagnosis[];
    try {
      results = diagnose(parseHar(readFileSync(join(dir, file), 'utf8')), { all: true });
    } catch (err) {
      s.rejected++;
      s.misses.push(`REJECTED ${file}: ${err instanceof HarError ? err.message : String(err)}`);
      continue;
    }
    for (const l of labels) {
      const d = results.find((r) => r.index === l.index);
      const where = `${file}#${l.index} (${l.method} ${l.status})`;
      if (l.kind === 'quiet') {
        s.quiet++;
        if (d?.flagged) {
          s.falseFlags++;
          s.misses.push(`FALSE FLAG ${where} -> ${d.causes[0]?.id ?? '?'}: ${l.evidence}`);
        }
        continue;
      }
      s.refusals++;
      const top = d?.flagged ? d.causes[0]?.id : undefined;
      if (top === l.cause) s.top1++;
      if (top && [l.cause, ...(l.alternates ?? [])].includes(top)) s.acceptable++;
      if (top !== l.cause) {
        const got = d?.flagged
          ? d.causes
              .slice(0, 3)
              .map((c) => `${c.id} ${c.confidence}`)
              .join(', ')
          : 'NOT FLAGGED';
        s.misses.push(`MISS ${where} want ${l.cause}: got ${got} (${l.evidence})`);
      }
    }
  }
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** The lab's figures, for `npm run eval`. */
export function printLab(dir = LAB_DIR): LabScore {
  const s = scoreLab(dir);
  console.log(
    `\nreal-server lab (${LAB_DIR}): ${s.servers} servers, ${s.files} files, ${s.refusals} refusals, ${s.quiet} look-alikes\n` +
      `lab top-1 ${s.top1}/${s.refusals} (${pct(s.top1, s.refusals)}), acceptable ${s.acceptable}/${s.refusals} ` +
      `(${pct(s.acceptable, s.refusals)}), false flags ${s.falseFlags}/${s.quiet}, rejected files ${s.rejected}/${s.files}`,
  );
  if (s.misses.length) console.log(s.misses.join('\n'));
  return s;
}
