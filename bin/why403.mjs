#!/usr/bin/env node
// The `why403` command. An installed package holds only this file and the bundle made at
// `npm pack` (scripts/build-cli.mjs, run by prepack), so it needs no dependency and no build
// step. In a checkout the bundle is used while it is newer than every source file; otherwise
// the TypeScript sources run through tsx, so a checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// V8 then compiles the bundle once and reads it back from Node's compile cache (under os.tmpdir();
// compiled code only, never a capture): about a third of a small run's start-up (npm run bench).
// Node before 22.1 has no such call; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.output', 'cli', 'why403.mjs');
const sources = ['lib', 'cli'].map((d) => join(root, d)).filter((d) => existsSync(d));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return sources.every((d) => newestSource(d) <= built);
}

let cli;
if (bundleIsFresh()) {
  cli = await import(bundle);
} else if (sources.length > 0) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
} else {
  process.stderr.write(`why403: broken install: ${bundle} is missing (the package was packed without npm pack)\n`);
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2), cli.processIo);
