import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The engine's layers, lowest first (docs/architecture.md). A module may import from its own
// folder or from a lower layer, never from a higher one or a sibling of the same rank.
const RANK: Record<string, number> = {
  har: 0,
  model: 1,
  core: 2,
  inspect: 3,
  cors: 3,
  vendors: 4,
  diagnose: 5,
  redact: 5,
  compare: 6,
  replay: 6,
  export: 7,
  report: 8,
};

const LIB = resolve(__dirname, '../../../lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// The one file outside lib/ the engine may read: package.json, for the version (lib/core/version.ts;
// the bundlers inline the field).
const PACKAGE_JSON = resolve(LIB, '..', 'package.json');

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  if (base === PACKAGE_JSON) return null;
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this shape; try the next
    }
  }
  throw new Error(`${relative(LIB, from)}: cannot resolve '${spec}'`);
}

function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

const layerOf = (file: string): string => relative(LIB, file).split('/')[0]!;

const graph = new Map<string, string[]>();
for (const file of sources(LIB)) {
  const text = readFileSync(file, 'utf8');
  // TypeScript's own pre-processor sees every import form: `import x from`, side-effect
  // `import './x'`, `export … from`, `import type`, dynamic `import('./x')` and `require`.
  const specs = importSpecifiers(text);
  graph.set(
    file,
    specs.map((s) => resolveImport(file, s)).filter((t): t is string => t !== null),
  );
}

describe('lib/ layers', () => {
  it('reads every import form, side effects and dynamic imports included', () => {
    const text = [
      "import a from './a';",
      "import './side-effect';",
      "import type { T } from './types';",
      "export * from './re-export';",
      "export { b } from './named';",
      "const c = await import('./dynamic');",
      "import {\n  d,\n  e,\n} from './multi-line';",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(
      ['./a', './dynamic', './multi-line', './named', './re-export', './side-effect', './types'].sort(),
    );
  });

  it('knows every folder of lib/', () => {
    const folders = [...new Set([...graph.keys()].map(layerOf))].filter((f) => !f.endsWith('.ts'));
    expect(folders.filter((f) => !(f in RANK))).toEqual([]);
  });

  it('every import points down or stays in its folder', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      if (!(from in RANK)) continue; // lib/index.ts is the public surface on top
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !(RANK[to]! < RANK[from]!))
          upward.push(`${relative(LIB, file)} -> ${relative(LIB, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          cycles.push(
            stack
              .slice(stack.indexOf(next))
              .concat(next)
              .map((f) => relative(LIB, f))
              .join(' -> '),
          );
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
