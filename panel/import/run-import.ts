import { unreachable } from '../../lib';
import type { ImportedBodies } from '../capture/bodies';
import type { PanelStore } from '../store/panel-store';
import type { HarEntry } from '../../lib';
import type { FromWorker, ImportPort } from './protocol';

/** Entries diagnosed per step during an import (a chunk from the worker is split in steps). */
export const IMPORT_SLICE = 25;
/**
 * Main-thread time a task spends on steps before it yields, so the panel paints and answers
 * input in between. A fixed count of entries per task made 400 tasks (and 400 renders) of a
 * 20,000-entry file, or long tasks on a slow machine; a time budget adapts to both (issue 19).
 */
export const IMPORT_TASK_MS = 12;

/** Once an import is in: where its bodies come back from, and which capture index is which position. */
export type OnImported = (bodies: ImportedBodies, positions: ReadonlyMap<number, number>) => void;

/**
 * Imports a file through a worker port: once the worker has checked the file around its
 * entries, the capture is set aside and replaced chunk by chunk, each chunk diagnosed in its own
 * task so the panel paints progress and answers input between them; an entry that does not
 * parse puts the previous capture back. Resolves when done.
 * With `onImported`, the port stays open afterwards to serve bodies (see protocol.ts).
 */
export function runImport(
  file: Blob,
  fileName: string,
  store: PanelStore,
  port: ImportPort,
  onImported?: OnImported,
): Promise<boolean> {
  const positions = new Map<number, number>();
  /** By position in the file: the capture index and the entry it got (to drop a late answer). */
  const added: { index: number; entry: HarEntry }[] = [];
  let generation = -1;
  let secretsRead = false;
  const pending = new Map<number, (body: { text: string | null; encoding?: string }) => void>();
  let nextId = 0;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    port.close();
    for (const answer of pending.values()) answer({ text: null });
    pending.clear();
  };
  const bodies: ImportedBodies = {
    read: (position) =>
      closed
        ? Promise.resolve({ text: null })
        : new Promise((resolve) => {
            const id = nextId++;
            pending.set(id, resolve);
            port.post({ type: 'body', id, position });
          }),
    close,
  };
  let done = false;
  /** Chunks received and not yet in, oldest first; the first is being diagnosed. */
  const chunks: { entries: HarEntry[]; done: number; away: ReadonlySet<number> }[] = [];
  let ended = false;
  let warnings: string[] | undefined;
  return new Promise((resolve) => {
    const endNow = () => {
      store.getState().endImport(warnings);
      finish(true);
    };
    // Diagnosed in steps, a few milliseconds of them per task, with a macrotask between tasks:
    // the panel paints and answers input in between, however slow the machine.
    const work = (from: number) => {
      const chunk = chunks[0];
      if (!chunk || done) return;
      const first = chunk.done - chunk.entries.length;
      const started = performance.now();
      let at = from;
      do {
        const part = chunk.entries.slice(at, at + IMPORT_SLICE);
        const partFrom = first + at;
        store
          .getState()
          .importChunk(part, partFrom + part.length)
          .forEach((index, i) => {
            positions.set(index, partFrom + i);
            added[partFrom + i] = { index, entry: part[i]! };
            if (chunk.away.has(partFrom + i)) store.getState().engine.bodyAway(index);
          });
        at += part.length;
      } while (at < chunk.entries.length && performance.now() - started < IMPORT_TASK_MS);
      if (at < chunk.entries.length) return void setTimeout(() => work(at), 0);
      chunks.shift();
      if (chunks.length > 0) setTimeout(() => work(0), 0);
      else if (ended) setTimeout(endNow, 0);
    };
    /**
     * The worker reads bodies for secrets once it sent its last chunk, which with a chunk in
     * flight can be before the panel added it: what the pass says waits for the import's end,
     * or a body it names would be let go unread and its secret missed by exports.
     */
    const early: FromWorker[] = [];
    const finish = (ok: boolean) => {
      done = true;
      if (ok && onImported) onImported(bodies, positions);
      // Without anyone to serve bodies to, the port stays open only until the secrets are read.
      else if (!ok || secretsRead) close();
      // What the secrets pass said before the last chunk was in applies now that every entry is.
      if (ok) for (const m of early.splice(0)) handle(m);
      resolve(ok);
    };
    const handle = (message: FromWorker) => {
      const state = store.getState();
      switch (message.type) {
        case 'error':
          // After the import, a failing worker only means its bodies cannot be read back. Before
          // its end, an entry that does not parse: the store puts the previous capture back.
          if (done) return close();
          chunks.length = 0;
          state.failImport(fileName, message.message);
          finish(false);
          return;
        case 'ready':
          generation = state.beginImport(fileName, message.total, message.warnings);
          port.post({ type: 'next' });
          return;
        case 'chunk':
          // One chunk in flight while this one is diagnosed: the worker clones the next one
          // meanwhile, instead of the panel waiting for it after each (issue 19).
          port.post({ type: 'next' });
          chunks.push({ ...message, away: new Set(message.away) });
          if (chunks.length === 1) work(0);
          return;
        case 'end':
          ended = true;
          warnings = message.warnings;
          if (chunks.length === 0) endNow();
          return;
        case 'taught': {
          if (!done) return void early.push(message);
          const at = added[message.position];
          if (at) state.engine.restoreTaught(at.index, message.text, message.encoding, at.entry);
          return;
        }
        case 'secrets-read':
          if (!done) return void early.push(message);
          secretsRead = true;
          state.secretsRead(generation);
          if (done && !onImported) close();
          return;
        case 'body':
          pending.get(message.id)?.({ text: message.text, encoding: message.encoding });
          pending.delete(message.id);
          return;
        default:
          unreachable(message, 'import message');
      }
    };
    port.onMessage(handle);
    port.post({ type: 'read', file });
  });
}
