#!/usr/bin/env node
// The `why403` command. An installed package holds only this file and the bundle made at
// `npm pack` (scripts/build-cli.mjs, run by prepack), so it needs no dependency and no build
// step. In a checkout the bundle is used while it is newer than every source file; otherwise
// the TypeScript sources run through tsx, so a checkout never runs stale code.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// V8 then compiles the bundle once and reads it back from Node's compile cache: about a third of
// `--version`'s CPU time (npm run bench). Compiled code only, never a capture. In the user's own
// cache folder, not Node's default under the shared os.tmpdir(): code another local account could
// write there would run as this user. Node before 22.1 has no such call; NODE_DISABLE_COMPILE_CACHE=1
// turns it off, and a folder that cannot be made only leaves it off.
function compileCacheDir() {
  try {
    const xdg = process.env.XDG_CACHE_HOME;
    const dir = join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'why403', 'compile');
    const chain = [];
    for (let p = dir; dirname(p) !== p; p = dirname(p)) chain.unshift(p);
    // One level at a time: Node's recursive mkdir (its compile cache's too) spins forever under a
    // folder the kernel answers ENOENT for whatever exists (HOME=/proc).
    for (const p of chain) {
      try {
        mkdirSync(p, { mode: 0o700 });
      } catch (err) {
        if (err.code !== 'EEXIST') return null;
      }
    }
    return dir;
  } catch {
    return null; // no home folder
  }
}
const cacheDir = module.enableCompileCache ? compileCacheDir() : null;
if (cacheDir) module.enableCompileCache(cacheDir);

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
