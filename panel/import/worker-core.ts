import { bodyCanFlag, toExchange } from '../../lib';
import type { HarEntry } from '../../lib/har';
import { readEntries } from './read-file';
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
  /** Every entry of the file is in `entries` (it is read as it streams in, see read-file.ts). */
  let complete = false;
  /** The panel asked for a chunk that is not in yet. */
  let waiting = false;
  /** What the reader said once every entry was read (undefined: said with `ready`). */
  let warnings: string[] | undefined;

  async function read(file: Blob): Promise<void> {
    const gen = ++generation;
    const into: HarEntry[] = [];
    entries = into;
    sent = 0;
    complete = false;
    waiting = false;
    const alive = () => gen === generation;
    try {
      warnings = await readEntries(file, into, alive, {
        start: (total, said) => post({ type: 'ready', total, warnings: said }),
        more: () => waiting && serve(),
        pause: () => new Promise((resolve) => later(resolve)),
      });
      if (!alive()) return;
      complete = true;
      if (waiting) serve();
    } catch (err) {
      if (!alive()) return;
      generation++;
      entries = [];
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Answers the panel's `next`: a full chunk, the last one, the end, or later when it is in. */
  function serve(): void {
    const ready = entries.length - sent;
    if (complete && ready === 0) {
      waiting = false;
      post({ type: 'end', warnings });
      return readSecrets(generation, 0);
    }
    if (ready < IMPORT_CHUNK && !complete) {
      waiting = true;
      return;
    }
    waiting = false;
    const from = sent;
    const away: number[] = [];
    const chunk = entries.slice(from, from + IMPORT_CHUNK).map((entry, i) => {
      const lean = withoutBody(entry, from + i);
      if (lean !== entry) away.push(from + i);
      return lean;
    });
    sent += chunk.length;
    post({ type: 'chunk', entries: chunk, done: sent, away });
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
      else serve();
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

/**
 * The entry as the panel needs it first: without a body its diagnosis cannot use (lib:
 * bodyCanFlag), which the panel would let go anyway. Copying 150 MB of bodies across to the panel
 * and dropping most of them there cost a third of an import's main-thread time (issue 19). The
 * body stays here, sent when the entry's detail opens and read here for secrets.
 */
export function withoutBody(entry: HarEntry, position: number): HarEntry {
  const content = entry.response?.content;
  if (typeof content?.text !== 'string' || content.text.length === 0) return entry;
  try {
    if (bodyCanFlag(toExchange(entry, position))) return entry;
  } catch {
    return entry;
  }
  const { text: _text, encoding: _encoding, ...rest } = content;
  return { ...entry, response: { ...entry.response, content: rest } };
}
