import { readFileSync } from 'node:fs';
import { HarError, readHar, type Har } from '../lib';
import { CliError } from './errors';
import { collectGarbage } from './memory';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and validates a HAR from a path or "-", turning every failure into one clear line. */
export async function loadHar(
  source: string | undefined,
  io: Io,
): Promise<{ har: Har; name: string; warnings: string[] }> {
  if (!source) throw new CliError('missing HAR file: give a path, or - for standard input');
  const name = source === '-' ? '<stdin>' : source;
  let text: string;
  try {
    // Sync read: one buffer, no chunk list; a CLI has nothing else to do meanwhile.
    text = source === '-' ? await io.readStdin() : readFileSync(source, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message;
    throw new CliError(`${name}: cannot read: ${why}`);
  }
  try {
    const { har, warnings } = readHar(text);
    text = ''; // the source text is garbage now; let it go before diagnosis allocates
    collectGarbage();
    return { har, name, warnings };
  } catch (err) {
    if (err instanceof HarError) throw new CliError(`${name}: ${err.message}`);
    throw err;
  }
}

/** One line for stderr about what the reader had to repair or skip (nothing when it read the file as is). */
export function warningSummary(name: string, warnings: string[]): string | null {
  if (warnings.length === 0) return null;
  const first = warnings[0]!.length > 100 ? warnings[0]!.slice(0, 100) + '…' : warnings[0]!;
  const more = warnings.length > 1 ? ` (+${warnings.length - 1} more; --json lists them)` : '';
  return `why403: ${name}: read with ${warnings.length} warning${warnings.length > 1 ? 's' : ''}: ${first}${more}`;
}

/** Checks `--entry N` against the log. */
export function entryIndex(raw: string | undefined, har: Har, name: string): number {
  if (raw === undefined) throw new CliError('missing --entry N (0-based index into log.entries)');
  if (!/^\d+$/.test(raw)) throw new CliError(`--entry must be a whole number, got "${raw}"`);
  const n = Number(raw);
  const count = har.log.entries.length;
  if (n >= count)
    throw new CliError(`${name}: entry ${n} is out of range (the log has ${count} entries, 0 to ${count - 1})`);
  return n;
}
