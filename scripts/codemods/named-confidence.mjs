#!/usr/bin/env node
// Codemod: bare confidence numbers -> the named rungs of lib/core/confidence.ts.
//
//   node scripts/codemods/named-confidence.mjs [--check] [files or folders…]
//
// Default targets: lib/diagnose, lib/cors, lib/vendors (not lib/vendors/samples), where every
// fractional literal is a confidence or an adjustment to one, plus a `confidence:` property
// anywhere in lib/. A literal whose value is a rung of CONFIDENCE becomes `CONFIDENCE.<rung>`
// and the import is added. It never guesses: an adjustment (`x - 0.05`, `c -= 0.1`) or a value
// that is not on the scale is listed with its place and left alone, for a person to name (add a
// NUDGE or a rung in lib/core/confidence.ts, in order) — ESLint keeps failing until they do.
// Re-runnable: a file with nothing bare left is not touched. `--check` lists and changes nothing.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const SCALE_FILE = join(ROOT, 'lib', 'core', 'confidence.ts');
const ALL_FRACTIONS = ['lib/diagnose', 'lib/cors', 'lib/vendors'];
const SKIP = [/lib\/vendors\/samples\//, /lib\/core\/confidence\.ts$/];

/** value -> rung name, read from the CONFIDENCE table itself (one source of truth). */
function readScale() {
  const text = readFileSync(SCALE_FILE, 'utf8');
  const bands = Object.fromEntries([...text.matchAll(/^ {2}(\w+): (0?\.\d+|0),$/gm)].map((m) => [m[1], Number(m[2])]));
  const table = text.slice(text.indexOf('export const CONFIDENCE'));
  const body = table.slice(0, table.indexOf('} as const'));
  const byValue = new Map();
  for (const m of body.matchAll(/^ {2}(\w+): (?:(\d*\.?\d+)|BANDS\.(\w+)),$/gm)) {
    const value = m[2] !== undefined ? Number(m[2]) : bands[m[3]];
    if (!byValue.has(value)) byValue.set(value, m[1]);
  }
  return byValue;
}

function files(target) {
  const p = join(ROOT, target);
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((n) => (/\.(ts|tsx)$/.test(n) || !n.includes('.') ? files(join(target, n)) : []));
}

function isAdjustment(node) {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const K = ts.SyntaxKind;
    if ([K.MinusEqualsToken, K.PlusEqualsToken, K.AsteriskEqualsToken].includes(op)) return true;
    if (op === K.MinusToken || op === K.PlusToken) return parent.right === node;
    if (op === K.AsteriskToken) return true;
  }
  return false;
}

function isConfidenceProperty(node) {
  // confidence: 0.9, confidence: a ? 0.9 : 0.7 (any depth of conditionals)
  let n = node;
  while (ts.isConditionalExpression(n.parent) && n.parent.condition !== n) n = n.parent;
  const p = n.parent;
  return (
    (ts.isPropertyAssignment(p) && p.initializer === n && p.name.getText() === 'confidence') ||
    (ts.isVariableDeclaration(p) && p.initializer === n && p.name.getText() === 'confidence')
  );
}

function importPath(file) {
  let rel = relative(dirname(file), SCALE_FILE).split(sep).join('/').replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function ensureImport(text, file, names) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const spec = importPath(file);
  const existing = sf.statements.find(
    (s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === spec && !s.importClause?.isTypeOnly,
  );
  if (existing) {
    const bindings = existing.importClause?.namedBindings;
    const have = new Set(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []);
    const all = [...new Set([...have, ...names])].sort();
    if (all.length === have.size) return text;
    const stmt = `import { ${all.join(', ')} } from '${spec}';`;
    return text.slice(0, existing.getStart(sf)) + stmt + text.slice(existing.getEnd());
  }
  const imports = sf.statements.filter((s) => ts.isImportDeclaration(s));
  const at = imports.length > 0 ? imports[imports.length - 1].getEnd() : 0;
  const stmt = `import { ${[...names].sort().join(', ')} } from '${spec}';`;
  return at === 0 ? `${stmt}\n${text}` : `${text.slice(0, at)}\n${stmt}${text.slice(at)}`;
}

const check = process.argv.includes('--check');
const args = process.argv.slice(2).filter((a) => a !== '--check');
const scale = readScale();
const targets = (args.length > 0 ? args : ['lib']).flatMap(files).filter((f) => !SKIP.some((re) => re.test(f)));
let changed = 0;
const left = [];
for (const file of targets) {
  const rel = relative(ROOT, file).split(sep).join('/');
  const everyFraction = ALL_FRACTIONS.some((d) => rel.startsWith(`${d}/`));
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isNumericLiteral(node)) {
      const fraction = /^\d*\.\d+$/.test(node.text);
      const inProperty = isConfidenceProperty(node);
      if ((everyFraction && fraction) || inProperty) {
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
        const rung = scale.get(Number(node.text));
        if (isAdjustment(node)) left.push(`${where}: adjustment ${node.text}: name it in NUDGE`);
        else if (rung === undefined) left.push(`${where}: ${node.text} is not on the scale: add a rung`);
        else {
          edits.push({ start: node.getStart(sf), end: node.getEnd(), text: `CONFIDENCE.${rung}` });
          widenLet(node);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  // `let c = a ? 0.9 : 0.8` inferred number; with the rungs' literal types it would infer
  // `0.9 | 0.8` and reject a later `c -= NUDGE.x`, so such a `let` is typed `number`.
  const widenLet = (node) => {
    for (let n = node.parent; n && !ts.isStatement(n); n = n.parent) {
      if (ts.isVariableDeclaration(n) && !n.type && (n.parent.flags & ts.NodeFlags.Let) !== 0) {
        const at = n.name.getEnd();
        if (!edits.some((e) => e.start === at)) edits.push({ start: at, end: at, text: ': number' });
        return;
      }
    }
  };
  visit(sf);
  if (check) {
    left.push(...edits.filter((e) => e.start !== e.end).map(() => `${rel}: bare rung value`));
    continue;
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // Hand-named adjustments need the import as much as the rungs do.
  const names = ['CONFIDENCE', 'NUDGE', 'CONFIDENCE_CEILING'].filter((n) => new RegExp(`\\b${n}\\b`).test(out));
  if (names.length > 0) out = ensureImport(out, file, names);
  if (out === text) continue;
  writeFileSync(file, out);
  changed += 1;
  console.log(`${rel}: ${edits.length} named`);
}
for (const l of left) console.log(`LEFT ${l}`);
console.log(`${changed} file(s) changed, ${left.length} left for a person`);
process.exitCode = left.length > 0 && check ? 1 : 0;
