/// <reference lib="webworker" />
import { readHar, type HarEntry } from '../../lib/har';
import { IMPORT_CHUNK, type FromWorker, type ToWorker } from './protocol';

// Runs off the panel's main thread: reading and parsing a 80 MB HAR takes seconds, and the
// panel must keep answering clicks and keys meanwhile (issue 11). It keeps the parsed file for
// as long as the panel shows it, and answers for bodies the panel let go (issue 19).
const scope = self as unknown as DedicatedWorkerGlobalScope;
let entries: HarEntry[] = [];
let sent = 0;

const post = (message: FromWorker) => scope.postMessage(message);

async function read(file: Blob): Promise<void> {
  try {
    const { har, warnings } = readHar(await file.text());
    entries = har.log.entries;
    sent = 0;
    post({ type: 'ready', total: entries.length, warnings });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

function next(): void {
  if (sent >= entries.length) return post({ type: 'end' });
  const chunk = entries.slice(sent, sent + IMPORT_CHUNK);
  sent += chunk.length;
  post({ type: 'chunk', entries: chunk, done: sent });
}

function body(id: number, position: number): void {
  const content = entries[position]?.response?.content;
  const text = typeof content?.text === 'string' ? content.text : null;
  post({ type: 'body', id, text, encoding: content?.encoding });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'read') void read(message.file);
  else if (message.type === 'cancel') entries = [];
  else if (message.type === 'body') body(message.id, message.position);
  else next();
};
