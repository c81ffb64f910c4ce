import { readFileSync } from 'node:fs';
import { HarError, readHar, readHarValue, type Har, isZip, readTrace, TraceError, DEFAULT_MAX_BYTES } from '../lib';
import { CliError, fsReason } from './errors';
import { MIB, type Io } from './io';
import { collectGarbage } from './memory';
import { escapeControls } from './terminal';

/** A HAR source this long (4 Mi characters) is worth a full collection once parsed. */
const GC_AFTER_CHARS = 4 * 1024 * 1024;

/**
 * Reads and validates a capture from a path or "-": HAR text, or a Playwright trace (a zip,
 * told by its first bytes, not its name), turning every failure into one clear line.
 */
export async function loadHar(
  source: string | undefined,
  io: Io,
  values: Map<string, string> = new Map(),
): Promise<{ har: Har; name: string; warnings: string[] }> {
  // Arguments first: a wrong value should not wait for a large capture to load.
  const maxBytes = traceLimit(values.get('max-trace-size'));
  if (!source) throw new CliError('missing capture: give a HAR file or a Playwright trace, or - for standard input');
  const name = source === '-' ? '<stdin>' : source;
  let bytes: Uint8Array;
  try {
    // Sync read: one buffer, no chunk list; a CLI has nothing else to do meanwhile.
    bytes = source === '-' ? await io.readStdin() : readFileSync(source);
  } catch (err) {
    throw new CliError(`${name}: cannot read: ${fsReason(err)}`);
  }
  if (isZip(bytes)) {
    try {
      // Trace warnings (unreadable lines, missing bodies) first, then the HAR reader's repairs.
      const trace = readTrace(bytes, { maxBytes });
      const { har, warnings } = readHarValue(trace.value);
      return { har, name, warnings: [...trace.warnings, ...warnings] };
    } catch (err) {
      if (err instanceof TraceError && err.message.startsWith('refused:'))
        throw new CliError(`${name}: ${err.message}; --max-trace-size raises the cap`);
      if (err instanceof TraceError || err instanceof HarError) throw new CliError(`${name}: ${err.message}`);
      throw err;
    }
  }
  // A view, not a copy: the file may be hundreds of MB.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  bytes = new Uint8Array(0);
  const sourceChars = text.length;
  try {
    const { har, warnings } = readHar(text);
    text = ''; // the source text is garbage now; let it go before diagnosis allocates
    // A full collection costs milliseconds whatever the heap holds; it pays only for a large source.
    if (sourceChars >= GC_AFTER_CHARS) collectGarbage();
    return { har, name, warnings };
  } catch (err) {
    if (err instanceof HarError) throw new CliError(`${name}: ${err.message}`);
    throw err;
  }
}

function traceLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_BYTES;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) === 0)
    throw new CliError(`--max-trace-size must be a whole number of MiB above 0, got "${raw}"`);
  return Number(raw) * MIB;
}

/** One line for stderr about what the reader had to repair or skip (nothing when it read the file as is). */
export function warningSummary(name: string, warnings: string[]): string | null {
  if (warnings.length === 0) return null;
  const first = escapeControls(warnings[0]!.length > 100 ? warnings[0]!.slice(0, 100) + '…' : warnings[0]!);
  const more = warnings.length > 1 ? ` (+${warnings.length - 1} more; --json lists them)` : '';
  // Warnings quote what they could not read: captured text, escaped like all human output.
  return `why403: ${escapeControls(name)}: read with ${warnings.length} warning${warnings.length > 1 ? 's' : ''}: ${first}${more}`;
}

/** Checks `--entry N` against the log. */
export function entryIndex(raw: string, har: Har, name: string): number {
  if (!/^\d+$/.test(raw)) throw new CliError(`--entry must be a whole number, got "${raw}"`);
  const n = Number(raw);
  const count = har.log.entries.length;
  if (n >= count)
    throw new CliError(`${name}: entry ${n} is out of range (the log has ${count} entries, 0 to ${count - 1})`);
  return n;
}
