// `why403 diagnose x.har | head -c 100`: the reader closes the pipe early. The command must end
// quietly with its own exit code, never a stack trace or exit 1 (issue 16). Run as a real process:
// only a real pipe can be closed under it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHar } from '../../../bench/generate-har.mjs';
import { file } from './in-process';

const root = join(import.meta.dirname, '..', '..', '..');
// Enough flagged requests that the output is far larger than a pipe's buffer (64 KiB).
const har = file('epipe.har', JSON.stringify(generateHar(400)));

function readThenClose(args: string[]): Promise<{ code: number | null; head: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'why403.mjs'), ...args], { cwd: root });
    let head = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', (d) => {
      head = String(d).slice(0, 100);
      child.stdout.destroy(); // what `head -c 100` does once it has its 100 bytes
    });
    child.on('close', (code) => resolve({ code, head, err }));
  });
}

describe('a reader that closes the pipe early', () => {
  it.each([
    [['diagnose', har], 0],
    [['diagnose', har, '--fail-on-flagged'], 1],
  ] as const)('%j ends quietly with exit %d', async (args, expected) => {
    const r = await readThenClose([...args]);
    expect(r.head.length).toBeGreaterThan(0);
    expect(r.err).toBe('');
    expect(r.code).toBe(expected);
  });
});
