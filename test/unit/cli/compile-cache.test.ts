import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/why403.mjs keeps V8's compiled code in the user's own cache folder (never the shared tmp),
// and a folder it cannot make leaves the cache off: the command still runs, and does not hang.
const ROOT = resolve(__dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'why403-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function version(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'why403.mjs'), '--version'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined, ...env },
    // A recursive mkdir under /proc spins forever in Node 22: the run would never end.
    timeout: 20_000,
  });
}

describe('the compile cache', () => {
  it('lives under XDG_CACHE_HOME/why403, readable by the user only', () => {
    const r = version({ XDG_CACHE_HOME: scratch });
    expect(r.status).toBe(0);
    const dir = join(scratch, 'why403', 'compile');
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(statSync(join(scratch, 'why403')).mode & 0o777).toBe(0o700);
  });

  it.runIf(process.platform === 'linux')('is left off where no folder can be made, and the command runs', () => {
    for (const env of [{ HOME: '/proc', XDG_CACHE_HOME: undefined }, { XDG_CACHE_HOME: '/proc/why403-none' }]) {
      const r = version(env);
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it('a relative XDG_CACHE_HOME is ignored, as the XDG spec says', () => {
    const home = join(scratch, 'home');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'why403.mjs'), '--version'], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CACHE_HOME: 'relative', NODE_DISABLE_COMPILE_CACHE: undefined },
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    expect(readdirSync(join(home, '.cache', 'why403', 'compile')).length).toBeGreaterThan(0);
    expect(() => statSync(join(scratch, 'relative'))).toThrow();
  });
});
