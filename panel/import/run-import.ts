import { unreachable } from '../../lib';
import type { ImportedBodies } from '../capture/bodies';
import type { PanelStore } from '../store/panel-store';
import type { FromWorker, ImportPort } from './protocol';

/** Entries diagnosed per main-thread task during an import (a chunk from the worker is split). */
export const IMPORT_SLICE = 50;

/** Once an import is in: where its bodies come back from, and which capture index is which position. */
export type OnImported = (bodies: ImportedBodies, positions: ReadonlyMap<number, number>) => void;

/**
 * Imports a file through a worker port: nothing changes until the whole file was read and
 * validated; then the capture is replaced chunk by chunk, each chunk diagnosed in its own
 * task so the panel paints progress and answers input between them. Resolves when done.
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
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      done = true;
      if (ok && onImported) onImported(bodies, positions);
      else close();
      resolve(ok);
    };
    port.onMessage((message: FromWorker) => {
      const state = store.getState();
      switch (message.type) {
        case 'error':
          // After the import, a failing worker only means its bodies cannot be read back.
          if (done) return close();
          state.failImport(fileName, message.message);
          finish(false);
          return;
        case 'ready':
          state.beginImport(fileName, message.total, message.warnings);
          port.post({ type: 'next' });
          return;
        case 'chunk': {
          // Diagnosed a slice per task, with a macrotask between slices: the panel paints and
          // answers input in between, and no task grows long on a slow or busy machine.
          const first = message.done - message.entries.length;
          const slice = (from: number) => {
            const part = message.entries.slice(from, from + IMPORT_SLICE);
            const done = first + from + part.length;
            store
              .getState()
              .importChunk(part, done)
              .forEach((index, i) => positions.set(index, first + from + i));
            if (from + IMPORT_SLICE < message.entries.length) setTimeout(() => slice(from + IMPORT_SLICE), 0);
            else setTimeout(() => port.post({ type: 'next' }), 0);
          };
          slice(0);
          return;
        }
        case 'end':
          state.endImport();
          finish(true);
          return;
        case 'body':
          pending.get(message.id)?.({ text: message.text, encoding: message.encoding });
          pending.delete(message.id);
          return;
        default:
          unreachable(message, 'import message');
      }
    });
    port.post({ type: 'read', file });
  });
}
