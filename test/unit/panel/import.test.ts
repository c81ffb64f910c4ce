import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK, type FromWorker, type ImportPort, type ToWorker } from '../../../panel/import/protocol';
import { runImport } from '../../../panel/import/run-import';
import { createPanelStore } from '../../../panel/store/panel-store';
import { readHar } from '../../../lib';
import { makeEntry } from '../../support/har';

const forbidden = (i: number) =>
  makeEntry({ url: `https://api.example.com/items/${i}`, status: 403, body: '{"message":"Forbidden"}' }, i);
const ok = (i: number) => makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: '{}' }, i);

/** Plays the worker's side of the protocol in-process (the real worker runs in the e2e suite). */
function inProcessPort(): ImportPort & { posted: ToWorker['type'][] } {
  let listener: (m: FromWorker) => void = () => undefined;
  let entries: ReturnType<typeof readHar>['har']['log']['entries'] = [];
  let sent = 0;
  const posted: ToWorker['type'][] = [];
  return {
    posted,
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
        } else if (message.type === 'next') {
          if (sent >= entries.length) return listener({ type: 'end' });
          const chunk = entries.slice(sent, sent + IMPORT_CHUNK);
          sent += chunk.length;
          listener({ type: 'chunk', entries: chunk, done: sent });
        }
      });
    },
  };
}

const harBlob = (entries: unknown[]) => new Blob([JSON.stringify({ log: { entries } })]);

describe('import in chunks', () => {
  it('replaces the capture chunk by chunk and states what the bound dropped', async () => {
    const store = createPanelStore({ maxEntries: 400 });
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
    expect(s.rows.length + s.dropped).toBe(1000);
    expect(s.flaggedCount).toBe(100);
    expect(s.notice?.text).toBe(
      `Imported 1000 entries from big.har. Kept ${s.rows.length}: the panel holds at most 400, so ` +
        `${s.dropped} were dropped, none of them flagged (unflagged entries go first; all 100 flagged kept).`,
    );
  });

  it('says when refusals alone exceed the bound', () => {
    const store = createPanelStore({ maxEntries: 10 });
    store
      .getState()
      .importHar(JSON.stringify({ log: { entries: Array.from({ length: 30 }, (_, i) => forbidden(i)) } }), 'x.har');
    expect(store.getState().notice?.text).toMatch(/were dropped, \d+ of them flagged/);
  });

  it('keeps the capture when the worker cannot read the file', async () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    expect(await runImport(new Blob(['{"log": 1']), 'bad.har', store, inProcessPort())).toBe(false);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/^bad\.har: not JSON/) });
  });
});
