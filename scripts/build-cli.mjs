// Bundles the CLI and everything it imports (lib/, valibot, fflate) into one file: the
// package then installs with no dependencies, and `why403` starts without compiling
// TypeScript. Runs at `npm pack` (prepack) and in a checkout at `npm install` (prepare).
// bin/why403.mjs uses the bundle only while it is newer than every source file, and falls
// back to tsx otherwise, so a checkout never runs stale code.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: '.output/cli/why403.mjs',
  // Licences of bundled packages stay in the file that ships them.
  legalComments: 'inline',
  logLevel: 'warning',
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
