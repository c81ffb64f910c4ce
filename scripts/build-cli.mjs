// Bundles the CLI into one file so `why403` starts without compiling TypeScript each time.
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
  logLevel: 'warning',
});
