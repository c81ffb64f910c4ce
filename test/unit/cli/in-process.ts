// Runs the CLI's main() in this process with captured streams: the same code path as the
// binary (bin/why403.mjs only adds process wiring), fast enough to check every flag.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/main';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function why403(args: string[], stdin: string | Uint8Array = ''): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: async () => Buffer.from(stdin),
  });
  return { code, out, err };
}

export const scratch = mkdtempSync(join(tmpdir(), 'why403-cli-'));

export function file(name: string, content: string | Uint8Array): string {
  const p = join(scratch, name);
  writeFileSync(p, content);
  return p;
}

/** The contract for every usage error: exit 2, one line on stderr, nothing on stdout. */
export function usageError(r: Run): string {
  if (r.code !== 2 || r.out !== '' || r.err.split('\n').filter(Boolean).length !== 1)
    throw new Error(`expected one-line usage error, got ${JSON.stringify(r)}`);
  return r.err;
}
