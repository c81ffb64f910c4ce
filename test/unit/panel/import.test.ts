import { describe, expect, it, vi } from 'vitest';
import { connectHost } from '../../../panel/capture/connect';
import { IMPORT_CHUNK, type FromWorker, type ImportPort, type ToWorker } from '../../../panel/import/protocol';
import { runImport } from '../../../panel/import/run-import';
import { createPanelStore } from '../../../panel/store/panel-store';
import { readHar } from '../../../lib';
import { createFakeHost, manualScheduler } from '../../support/fake-host';
import { makeEntry } from '../../support/har';

const forbidden = (i: number) =>
  makeEntry({ url: `https://api.example.com/items/${i}`, status: 403, body: '{"message":"Forbidden"}' }, i);
const ok = (i: number) => makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: '{}' }, i);

/** Plays the worker's side of the protocol in-process (the real worker runs in the e2e suite). */
function inProcessPort(): ImportPort & { posted: ToWorker['type'][]; forget(): void } {
  let listener: (m: FromWorker) => void = () => undefined;
  let entries: ReturnType<typeof readHar>['har']['log']['entries'] = [];
  let sent = 0;
  const posted: ToWorker['type'][] = [];
  return {
    posted,
    /** The worker loses the file (as a crashed worker would). */
    forget: () => (entries = []),
    onMessage: (l) => (listener = l),
    close: () => undefined,
    post(message) {
      posted.push(message.type);
      queueMicrotask(async () => {
        if (message.type === 'read') {
          try {
            const read = readHar(await message.file.text());
            entries = read.har.log.entries;
            listener({ type: 'ready', total: entries.length, warnings: read.warnings });
          } catch (err) {
            listener({ type: 'error', message: (err as Error).message });
          }
        } else if (message.type === 'body') {
          const content = entries[message.position]?.response.content;
          listener({ type: 'body', id: message.id, text: content?.text ?? null, encoding: content?.encoding });
        } else if (message.type === 'next') {
          if (sent >= entries.length) return listener({ type: 'end' });
          const chunk = entries.slice(sent, sent + IMPORT_CHUNK);
          sent += chunk.length;
          // postMessage clones: the panel never shares objects with the worker.
          listener({ type: 'chunk', entries: structuredClone(chunk), done: sent });
        }
      });
    },
  };
}

const harBlob = (entries: unknown[]) => new Blob([JSON.stringify({ log: { entries } })]);

describe('import in chunks', () => {
  it('replaces the capture chunk by chunk and holds every entry', async () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    const entries = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? forbidden(i) : ok(i)));
    const progress: number[] = [];
    const unsubscribe = store.subscribe((s) => s.importing && progress.push(s.importing.done));
    const port = inProcessPort();
    expect(await runImport(harBlob(entries), 'big.har', store, port)).toBe(true);
    unsubscribe();
    const s = store.getState();
    expect(port.posted.filter((t) => t === 'next').length).toBe(Math.ceil(1000 / IMPORT_CHUNK) + 1);
    expect(progress.at(-1)).toBe(1000);
    expect(s.importing).toBeNull();
    expect(s.rows.map((r) => r.url)).toEqual(entries.map((e) => e.request.url));
    expect(s.flaggedCount).toBe(100);
    expect(s.notice?.text).toBe('Imported 1000 entries from big.har.');
  });

  it('reads a body the panel let go back from the import worker', async () => {
    const store = createPanelStore();
    const conn = connectHost(createFakeHost().host, store, manualScheduler().scheduler);
    const entries = [
      ok(0),
      forbidden(1),
      makeEntry({ url: 'https://api.example.com/ok/2', status: 200, body: '{"n":2}' }, 2),
    ];
    expect(await runImport(harBlob(entries), 'b.har', store, inProcessPort(), conn.importedFrom)).toBe(true);
    const { engine } = store.getState();
    expect(engine.exchange(2)?.body.text).toBeNull();
    conn.loadBody(2);
    await vi.waitFor(() => expect(engine.exchange(2)?.body.text).toBe('{"n":2}'));
    // After a clear the file is let go: nothing can be read back from it.
    store.getState().clear();
    expect(store.getState().rows).toHaveLength(0);
  });

  it('says the body is gone when the worker cannot give it back', async () => {
    const store = createPanelStore();
    const conn = connectHost(createFakeHost().host, store, manualScheduler().scheduler);
    const port = inProcessPort();
    expect(await runImport(harBlob([ok(0)]), 'c.har', store, port, conn.importedFrom)).toBe(true);
    port.forget();
    conn.loadBody(0);
    await vi.waitFor(() => expect(store.getState().engine.bodyState(0)).toMatchObject({ kind: 'gone' }));
  });

  it('keeps the capture when the worker cannot read the file', async () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    expect(await runImport(new Blob(['{"log": 1']), 'bad.har', store, inProcessPort())).toBe(false);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/^bad\.har: not JSON/) });
  });
});
