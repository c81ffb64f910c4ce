import type { HarEntry } from '../har/types';
import { redactEntry, secretsComment, Vault } from '../redact';
import type { ExportOptions } from './types';
import { VERSION } from '../core/version';

// JSON leaves these raw; as \u escapes the data is the same and nothing acts on a terminal or
// makes the file read differently from what it holds (DEL, C1, line separators, bidi).
const JSON_RAW = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

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
    jsonEscape(
      JSON.stringify(
        { log: { version: '1.2', creator: { name: 'why403', version: VERSION }, pages: [], entries: [copy], comment } },
        null,
        2,
      ),
    ) + '\n'
  );
}

function jsonEscape(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
