#!/usr/bin/env node
// Runs the CLI with no build step: the bundle made at install (scripts/build-cli.mjs) when it
// is fresh, else the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.output', 'cli', 'why403.mjs');

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
  return ['lib', 'cli'].every((d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= built);
}

let cli;
if (bundleIsFresh()) {
  cli = await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli/main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2), cli.processIo);
