import type { PanelStore } from '../store/panel-store';
import type { FromWorker, ImportPort } from './protocol';

/**
 * Imports a file through a worker port: nothing changes until the whole file was read and
 * validated; then the capture is replaced chunk by chunk, each chunk diagnosed in its own
 * task so the panel paints progress and answers input between them. Resolves when done.
 */
export function runImport(file: Blob, fileName: string, store: PanelStore, port: ImportPort): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      port.close();
      resolve(ok);
    };
    port.onMessage((message: FromWorker) => {
      const state = store.getState();
      switch (message.type) {
        case 'error':
          state.failImport(fileName, message.message);
          finish(false);
          return;
        case 'ready':
          state.beginImport(fileName, message.total, message.warnings);
          port.post({ type: 'next' });
          return;
        case 'chunk':
          state.importChunk(message.entries, message.done);
          // A macrotask between chunks lets the panel paint and handle input.
          setTimeout(() => port.post({ type: 'next' }), 0);
          return;
        case 'end':
          state.endImport();
          finish(true);
          return;
        default: {
          const never: never = message;
          throw new Error(`unknown import message ${JSON.stringify(never)}`);
        }
      }
    });
    port.post({ type: 'read', file });
  });
}
