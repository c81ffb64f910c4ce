import type { HarEntry } from '../../lib';

// The messages between the panel and the import worker. The worker reads and validates the
// whole file first (a bad file must leave the capture untouched), then hands the entries over
// in chunks, one per request from the panel, so the panel diagnoses a chunk, paints, and asks
// for the next: it stays responsive and memory holds at most one chunk in flight. The worker
// keeps the parsed file afterwards: the panel lets go of the bodies it does not need, and asks
// for one (`body`, by position in the file) when its detail opens. Once every chunk is out, it
// reads the bodies for secrets (`taught`: one that teaches a secret, which the panel must keep;
// `secrets-read`: all were read), off the panel's main thread.

export const IMPORT_CHUNK = 250;

export type ToWorker =
  { type: 'read'; file: Blob } | { type: 'next' } | { type: 'cancel' } | { type: 'body'; id: number; position: number };

export type FromWorker =
  | { type: 'ready'; total: number; warnings: string[] }
  | { type: 'chunk'; entries: HarEntry[]; done: number }
  | { type: 'end' }
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
