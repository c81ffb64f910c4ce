import { writeFileSync } from 'node:fs';
import type { CiOutputKind } from '../lib/front';
import { CliError, fsReason } from './errors';
import type { Io } from './io';
import { documentForTerminal } from './terminal';

export const OUTPUT_OPTION = {
  long: 'output',
  short: 'o',
  value: 'FILE',
  help: 'Write to FILE (- is standard output)',
  default: 'standard output',
};

/**
 * Writes a command's whole result at once, to standard output or to `-o FILE`: the output is
 * complete before the first byte is written, so a failure never leaves half a report behind.
 */
export function emit(text: string, kind: CiOutputKind, output: string | undefined, io: Io): void {
  if (output === undefined || output === '-') {
    // Standard output may be a terminal or a CI log: no captured byte may act on it (io.stdout
    // splits CI commands in the way `kind` allows). A file gets the exact text.
    io.stdout(documentForTerminal(text), kind);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (err) {
    throw new CliError(`${output}: cannot write: ${fsReason(err)}`);
  }
}
