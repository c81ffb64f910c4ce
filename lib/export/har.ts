import type { HarEntry } from '../har/types';
import { redactEntry, secretsComment, Vault } from '../redact';
import type { ExportOptions } from './types';

/** A HAR 1.2 log holding that one entry; with `redact`, secrets replaced by placeholders. */
export function toHarLog(entry: HarEntry, options: ExportOptions = {}): string {
  const vault = options.vault ?? new Vault();
  const copy = options.redact ? redactEntry(entry, vault) : (JSON.parse(JSON.stringify(entry)) as HarEntry);
  // The page this entry belonged to is not part of a one-entry log.
  delete copy.pageref;
  const where = options.index === undefined ? 'an entry' : `entry #${options.index}`;
  const comment = options.redact
    ? `Exported by why403 from ${where}. ${secretsComment(vault.list())}`
    : `Exported by why403 from ${where}.`;
  return (
    JSON.stringify(
      { log: { version: '1.2', creator: { name: 'why403', version: '0.1.0' }, pages: [], entries: [copy], comment } },
      null,
      2,
    ) + '\n'
  );
}
