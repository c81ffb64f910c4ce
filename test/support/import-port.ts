import type { FromWorker, ImportPort, ToWorker } from '../../panel/import/protocol';
import { createImportWorker } from '../../panel/import/worker-core';

/**
 * The import worker's own code (worker-core.ts) run in-process: messages are cloned both ways as
 * postMessage clones them, and its later tasks are microtasks. The real Worker runs in the e2e suite.
 */
export function inProcessPort(): ImportPort & {
  posted: ToWorker['type'][];
  forget(): void;
  holdSecrets(): () => void;
} {
  let listener: (m: FromWorker) => void = () => undefined;
  const posted: ToWorker['type'][] = [];
  let closed = false;
  /** While set, what the secrets pass says waits here (to play it after the capture moved on). */
  let held: FromWorker[] | null = null;
  const worker = createImportWorker(
    (m) => {
      const copy = m.type === 'chunk' ? { ...m, entries: structuredClone(m.entries) } : m;
      if (held && (m.type === 'taught' || m.type === 'secrets-read')) held.push(copy);
      else queueMicrotask(() => !closed && listener(copy));
    },
    (run) => queueMicrotask(run),
  );
  return {
    posted,
    forget: () => worker.forget(),
    holdSecrets() {
      held = [];
      return () => {
        const messages = held ?? [];
        held = null;
        for (const m of messages) listener(m);
      };
    },
    onMessage: (l) => (listener = l),
    close: () => (closed = true),
    post(message) {
      posted.push(message.type);
      queueMicrotask(() => worker.onMessage(message));
    },
  };
}
