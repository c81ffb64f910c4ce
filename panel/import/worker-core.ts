import { readHar, type HarEntry } from '../../lib/har';
import { bodyTeachesSecrets } from '../store/teaches';
import { IMPORT_CHUNK, type FromWorker, type ToWorker } from './protocol';

/** Bodies read for secrets per task: the worker still answers `body` requests between slices. */
export const SECRETS_SLICE = 25;

/**
 * The import worker's side of the protocol (protocol.ts), apart from the worker global so the
 * unit suite runs this very code in-process; har-import.worker.ts only wires it to `self`.
 * `later` runs a function in a later task (setTimeout in the worker).
 */
export function createImportWorker(post: (message: FromWorker) => void, later: (run: () => void) => void) {
  let entries: HarEntry[] = [];
  let sent = 0;
  /** Bumped by every read and cancel: a pass over an older file stops at its next slice. */
  let generation = 0;

  async function read(file: Blob): Promise<void> {
    try {
      const { har, warnings } = readHar(await file.text());
      entries = har.log.entries;
      sent = 0;
      generation++;
      post({ type: 'ready', total: entries.length, warnings });
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  function next(): void {
    if (sent >= entries.length) {
      post({ type: 'end' });
      return readSecrets(generation, 0);
    }
    const chunk = entries.slice(sent, sent + IMPORT_CHUNK);
    sent += chunk.length;
    post({ type: 'chunk', entries: chunk, done: sent });
  }

  /**
   * Reads every body for secrets once the last chunk went out (the panel let the bodies go
   * unread, see CaptureEngine.addAll): each one that teaches a secret goes back to be kept.
   */
  function readSecrets(gen: number, from: number): void {
    if (gen !== generation) return;
    const end = Math.min(entries.length, from + SECRETS_SLICE);
    for (let position = from; position < end; position++) {
      const content = entries[position]?.response?.content;
      if (!content || typeof content.text !== 'string' || !teaches(content)) continue;
      post({ type: 'taught', position, text: content.text, encoding: content.encoding });
    }
    if (end < entries.length) later(() => readSecrets(gen, end));
    else post({ type: 'secrets-read' });
  }

  function body(id: number, position: number): void {
    const content = entries[position]?.response?.content;
    const text = typeof content?.text === 'string' ? content.text : null;
    post({ type: 'body', id, text, encoding: content?.encoding });
  }

  return {
    onMessage(message: ToWorker): void {
      if (message.type === 'read') void read(message.file);
      else if (message.type === 'cancel') {
        entries = [];
        generation++;
      } else if (message.type === 'body') body(message.id, message.position);
      else next();
    },
    /** Test hook: the worker loses the file, as a crashed one would. */
    forget(): void {
      entries = [];
    },
  };
}

/** A body the reader cannot read is kept: keeping costs memory, letting it go could cost a secret. */
function teaches(content: Parameters<typeof bodyTeachesSecrets>[0]): boolean {
  try {
    return bodyTeachesSecrets(content);
  } catch {
    return true;
  }
}
