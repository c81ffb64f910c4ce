// Bundles the CLI and everything it imports (lib/, valibot, fflate, tldts) into .output/cli: the
// package then installs with no dependencies, and `why403` starts without compiling TypeScript.
// Runs at `npm pack` (prepack) and in a checkout at `npm install` (prepare). bin/why403.mjs uses
// the bundle only while it is newer than every source file, and falls back to tsx otherwise, so a
// checkout never runs stale code.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// The engine's modules only build tables and functions at load (no import is there for its side
// effect: test/unit/architecture checks), so esbuild may leave out whatever a chunk does not use;
// without this it keeps every module lib/index.ts re-exports, used or not.
const pureEngine = {
  name: 'pure-engine',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'pure-engine') return undefined;
      const { path, ...rest } = args;
      const r = await b.resolve(path, {
        importer: rest.importer,
        resolveDir: rest.resolveDir,
        kind: rest.kind,
        pluginData: 'pure-engine',
      });
      return /[\\/]lib[\\/][^\\/]/.test(r.path) ? { ...r, sideEffects: false } : r;
    });
  },
};

// Split at the commands' dynamic imports (cli/commands/*-run.ts): `why403 --version`, `--help` and
// a usage error load the small entry only, and each command loads the engine it needs.
rmSync('.output/cli', { recursive: true, force: true });
await build({
  entryPoints: { why403: 'cli/main.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: '.output/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // Licences of bundled packages stay in the file that ships them.
  legalComments: 'inline',
  logLevel: 'warning',
  plugins: [pureEngine],
});

// why403/playwright (the package's `./playwright` export): the fixtures and the engine they
// call, in one file; @playwright/test stays the user's own (a peer dependency).
await build({
  entryPoints: ['playwright/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: '.output/playwright/index.mjs',
  external: ['@playwright/test'],
  legalComments: 'inline',
  logLevel: 'warning',
});
