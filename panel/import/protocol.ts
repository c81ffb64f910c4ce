import type { HarEntry } from '../../lib';

// The messages between the panel and the import worker. The worker finds where each entry is
// in the file and checks everything around them (lib/har/split.ts), then parses and hands the
// entries over in chunks, one per request from the panel, so the panel diagnoses a chunk,
// paints, and asks for the next: it stays responsive, memory holds at most one chunk in flight,
// and the first refusal shows before the last entry is parsed (issue 19). An entry that does not
// parse ends the import with `error` after chunks went out: the panel then puts its previous
// capture back (a bad file loses nothing). A file whose layout the splitter does not read is
// parsed whole before `ready`, as before. The worker
// keeps the parsed file afterwards: the panel lets go of the bodies it does not need, and asks
// for one (`body`, by position in the file) when its detail opens. Once every chunk is out, it
// reads the bodies for secrets (`taught`: one that teaches a secret, which the panel must keep;
// `secrets-read`: all were read), off the panel's main thread.

export const IMPORT_CHUNK = 250;

export type ToWorker =
  { type: 'read'; file: Blob } | { type: 'next' } | { type: 'cancel' } | { type: 'body'; id: number; position: number };

export type FromWorker =
  /** `total`: null while the file is still streaming in (the count is known at `end`). */
  | { type: 'ready'; total: number | null; warnings: string[] }
  /** `away`: positions in the file of the entries sent without their body (it stays in the worker). */
  | { type: 'chunk'; entries: HarEntry[]; done: number; away?: number[] }
  /** `warnings`: when the file was read entry by entry, what the reader coerced or skipped. */
  | { type: 'end'; warnings?: string[] }
  | { type: 'error'; message: string }
  | { type: 'body'; id: number; text: string | null; encoding?: string }
  | { type: 'taught'; position: number; text: string; encoding?: string }
  | { type: 'secrets-read' };

/** What the panel needs of a Worker: the real one in the extension, a fake in unit tests. */
export interface ImportPort {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  close(): void;
}
