import { DEFAULT_MAX_BYTES, ciSafe, type CiOutputKind } from '../lib/front';
import type { OptionSpec } from './args';

// What every command writes through. Reading a capture (the engine's HAR and trace readers) is in
// load.ts, so `why403 --version` and `--help` do not load the engine (npm run bench: cli start-up).
export interface Io {
  /** `kind` says what the text is, so CI command openers are split in that format's own way. */
  stdout: (s: string, kind?: CiOutputKind) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
}

/**
 * The one place every byte the CLI prints passes: no line on stdout or stderr can be read as a CI
 * runner command (lib/core/ci-safe.ts). main() wraps its Io with this before any command runs, so
 * a new command or format is covered without doing anything; one that does not say its kind is
 * treated as text, which is safe for every format (only less exact for JSON and XML values).
 */
export function ciSafeIo(io: Io): Io {
  return {
    stdout: (s, kind = 'text') => io.stdout(ciSafe(s, kind), kind),
    stderr: (s) => io.stderr(ciSafe(s, 'text')),
    readStdin: io.readStdin,
  };
}

export async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const MIB = 1024 * 1024;

/** How much a Playwright trace may inflate to, for every command that reads a capture. */
export const TRACE_OPTION: OptionSpec = {
  long: 'max-trace-size',
  value: 'MIB',
  help: 'Refuse a trace.zip that inflates past MIB mebibytes (also refused: past 100 times its own size)',
  default: String(DEFAULT_MAX_BYTES / MIB),
};
