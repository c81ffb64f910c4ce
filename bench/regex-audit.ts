// Every regular expression in lib/, tried on pathological inputs built from its own source
// (repeated literal words and their prefixes, long runs of each character class, with and
// without a character that makes the match fail). A pattern whose time grows faster than its
// input (4x the input, more than `LIMIT` times the time) is printed: that is a backtracking trap.
// Figures only, never assertions: `npx tsx bench/regex-audit.ts [--json]`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { SIGNATURES } from '../lib/vendors';

const ROOT = new URL('..', import.meta.url).pathname;
const SMALL = 1000;
const LARGE = 4000;
const LIMIT = 8; // linear: ~4; quadratic: ~16

interface Pattern {
  where: string;
  re: RegExp;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function literals(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of files(join(ROOT, 'lib'))) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(src);
        const slash = text.lastIndexOf('/');
        try {
          const re = new RegExp(text.slice(1, slash), text.slice(slash + 1));
          const line = src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
          out.push({ where: `${relative(ROOT, file)}:${line}`, re });
        } catch {
          /* not a pattern this engine compiles */
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

function signaturePatterns(): Pattern[] {
  const out: Pattern[] = [];
  const list = <T>(v: T | readonly T[] | undefined): readonly T[] =>
    v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];
  for (const s of SIGNATURES) {
    for (const re of list(s.body)) out.push({ where: `signature ${s.id} body`, re });
    for (const h of [...list(s.header), ...(s.anyHeader ?? [])])
      if (h.value) out.push({ where: `signature ${s.id} header ${h.name}`, re: h.value });
    if (s.host) out.push({ where: `signature ${s.id} host`, re: s.host });
  }
  return out;
}

const CHARS = [...' \t\n\r"\'=:;,.-_/<>&%{}[]()@#?+\\*|!~$^aA0zZ9', '\u00e9', '\u2028'];

/** Units to repeat: literal words of the pattern, their prefixes, and single characters. */
function units(re: RegExp): string[] {
  const words = re.source
    .replace(/\\[dDwWsSbB]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .split(/[^A-Za-z0-9_\-.:/=<>"' ]+/)
    .flatMap((w) => [w, ...w.split(' ')])
    .filter((w) => w.length > 1)
    .slice(0, 60);
  const out = new Set<string>(CHARS);
  for (const w of words) {
    out.add(w);
    out.add(`${w} `);
    for (let k = 2; k < Math.min(w.length, 8); k++) out.add(w.slice(0, k));
  }
  return [...out];
}

function prefixes(re: RegExp): string[] {
  const words = re.source
    .replace(/\\[dDwWsSbB]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .split(/[^A-Za-z0-9_\-.:/=<>"' ]+/)
    .filter((w) => w.length > 1)
    .slice(0, 8);
  return ['a', 'a ', 'a=', 'a:', '"a":', ...words];
}

function run(re: RegExp, input: string): number {
  const t = performance.now();
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    for (const _m of input.matchAll(re.global ? re : new RegExp(re.source, re.flags + 'g'))) void _m;
  } else re.exec(input);
  return performance.now() - t;
}

function build(unit: string, size: number, tail: string): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
}

export interface AuditRow {
  where: string;
  pattern: string;
  unit: string;
  smallMs: number;
  largeMs: number;
  ratio: number;
}

export function audit(onTrap?: (t: AuditRow) => void): { patterns: number; traps: AuditRow[] } {
  const patterns = [...literals(), ...signaturePatterns()];
  const traps: AuditRow[] = [];
  for (const p of patterns) {
    let worst: AuditRow | null = null;
    const us = units(p.re);
    // Repeated units alone, then after a prefix that lets the pattern start (a scheme, a name).
    const cases = [
      ...us.flatMap((unit) => ['', '\u0000'].map((tail) => ({ prefix: '', unit, tail }))),
      ...prefixes(p.re).flatMap((prefix) =>
        [' ', '\t', 'a', '0', '=', '-', '.', '"'].map((unit) => ({ prefix, unit, tail: '!' })),
      ),
    ];
    for (const { prefix, unit, tail } of cases) {
      {
        const small = Math.max(run(p.re, prefix + build(unit, SMALL, tail)), 0.02);
        // Already slow on the small input: no need to wait for the large one.
        const large = small > 200 ? small * 16 : run(p.re, prefix + build(unit, LARGE, tail));
        if (large < 2) continue;
        const again = small > 200 ? large : run(p.re, prefix + build(unit, LARGE, tail)); // the first run may compile
        const ratio = Math.min(large, again) / small;
        if (ratio > LIMIT && (!worst || ratio > worst.ratio))
          worst = {
            where: p.where,
            pattern: p.re.source.slice(0, 100),
            unit: JSON.stringify(prefix) + ' + ' + JSON.stringify(unit) + '…',
            smallMs: +small.toFixed(1),
            largeMs: +Math.min(large, again).toFixed(1),
            ratio: +ratio.toFixed(1),
          };
      }
    }
    if (worst) {
      traps.push(worst);
      onTrap?.(worst);
    }
  }
  return { patterns: patterns.length, traps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes('--json');
  const { patterns, traps } = audit((t) => {
    if (!json) console.log(`${t.where}  x${t.ratio} (${t.smallMs} → ${t.largeMs} ms) on ${t.unit}  /${t.pattern}/`);
  });
  if (json) console.log(JSON.stringify({ patterns, traps }));
  else console.log(`${patterns} patterns audited, ${traps.length} grow faster than their input`);
}
