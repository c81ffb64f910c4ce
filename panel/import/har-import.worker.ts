/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { createImportWorker } from './worker-core';

// Runs off the panel's main thread: reading and parsing a 80 MB HAR takes seconds, and the
// panel must keep answering clicks and keys meanwhile (issue 11). It keeps the parsed file for
// as long as the panel shows it, answers for bodies the panel let go, and reads every body for
// secrets once the file is in (issue 19). The logic is in worker-core.ts.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const worker = createImportWorker(
  (message: FromWorker) => scope.postMessage(message),
  (run) => setTimeout(run, 0),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => worker.onMessage(event.data);
