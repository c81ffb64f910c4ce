import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// `why403 --version`, `--help` and a usage error run the CLI's entry only; the engine loads when a
// command runs (cli/commands/*-run.ts, imported dynamically; scripts/build-cli.mjs splits there).
// Bundlers split by file, so one static import of lib/index.ts from the entry side would bring
// the whole engine back into every start (npm run bench: cli start-up).

const ROOT = resolve(__dirname, '../../..');

/** Files a module imports for their values: type-only imports and dynamic import() left out. */
function staticImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const s of src.statements) {
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause;
      const typeOnly =
        c?.isTypeOnly ||
        (c && !c.name && c.namedBindings && ts.isNamedImports(c.namedBindings)
          ? c.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) out.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      out.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

function resolveTs(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // node: built-ins and packages
  const base = resolve(dirname(from), spec);
  for (const f of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(f)) return f;
  if (spec.endsWith('.json')) return null; // package.json, for the version
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`);
}

function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    for (const spec of staticImports(f)) {
      const next = resolveTs(f, spec);
      if (next) visit(next);
      else if (!spec.startsWith('node:') && !spec.endsWith('.json')) packages.add(spec);
    }
  };
  visit(entry);
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

describe("the CLI's entry", () => {
  const { files, packages } = closure(join(ROOT, 'cli/main.ts'));

  it('reads the parser on its own terms: a value import is followed, a type import and import() are not', () => {
    // The commands are reached; their engine halves are not (only a dynamic import names them).
    expect(files).toContain('cli/commands/diagnose.ts');
    expect([...files].filter((f) => f.endsWith('-run.ts'))).toEqual([]);
  });

  it('does not load the engine: not lib/index.ts, no package, a handful of lib/ modules', () => {
    expect(files).not.toContain('lib/index.ts');
    expect([...packages]).toEqual([]);
    const engine = [...files].filter((f) => f.startsWith('lib/'));
    expect(engine).toContain('lib/front.ts');
    // front.ts and one small module per name it exports; a module that imports more grows this.
    expect(engine.length).toBeLessThanOrEqual(8);
  });

  it('each command loads its engine when it runs', async () => {
    for (const name of ['diagnose', 'export', 'report']) {
      const spec = readFileSync(join(ROOT, `cli/commands/${name}.ts`), 'utf8');
      expect(spec).toMatch(new RegExp(`await import\\('\\./${name}-run'\\)`));
      const run = closure(join(ROOT, `cli/commands/${name}-run.ts`));
      expect(run.files).toContain('lib/index.ts');
    }
  });
});
