import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { connectHost } from '../../../panel/capture/connect';
import { IMPORT_CHUNK } from '../../../panel/import/protocol';
import { IMPORT_TASK_MS, runImport } from '../../../panel/import/run-import';
import { createPanelStore } from '../../../panel/store/panel-store';
import { createFakeHost, manualScheduler } from '../../support/fake-host';
import { makeEntry } from '../../support/har';
import { inProcessPort } from '../../support/import-port';

const forbidden = (i: number) =>
  makeEntry({ url: `https://api.example.com/items/${i}`, status: 403, body: '{"message":"Forbidden"}' }, i);
const ok = (i: number) => makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: '{}' }, i);

/** A condition, not a clock: a loaded machine may take seconds where an idle one takes none. */
const WAIT = { timeout: 20_000, interval: 20 };

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
    await vi.waitFor(() => expect(engine.exchange(2)?.body.text).toBe('{"n":2}'), WAIT);
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
    await vi.waitFor(() => expect(store.getState().engine.bodyState(0)).toMatchObject({ kind: 'gone' }), WAIT);
  });

  it('keeps the capture when the worker cannot read the file', async () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    expect(await runImport(new Blob(['{"log": 1']), 'bad.har', store, inProcessPort())).toBe(false);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/^bad\.har: not JSON/) });
  });

  it('lets bodies go unread, then keeps the ones the worker finds a secret in; exports wait until then', async () => {
    // A slow machine: every step of the import outlasts a task's budget, so the last chunk is
    // added over several tasks while the worker, already past its last chunk, reads for secrets.
    let clock = 0;
    const slow = vi.spyOn(performance, 'now').mockImplementation(() => (clock += IMPORT_TASK_MS));
    onTestFinished(() => slow.mockRestore());
    const store = createPanelStore();
    const conn = connectHost(createFakeHost().host, store, manualScheduler().scheduler);
    // A login response hands out a token in its body: an export must know it, so it stays.
    const login = makeEntry(
      {
        url: 'https://auth.example.com/login',
        status: 200,
        body: '{"access_token":"tok_9f8e7d6c5b4a39281706","token_type":"bearer"}',
      },
      0,
    );
    const plain = Array.from({ length: 60 }, (_, i) =>
      makeEntry({ url: `https://api.example.com/n/${i}`, status: 200, body: `{"n":${i}}` }, i + 1),
    );
    const pendingWhileImporting: (number | null)[] = [];
    const unsubscribe = store.subscribe((s) => s.importing && pendingWhileImporting.push(s.secretsPending));
    expect(await runImport(harBlob([...plain, login]), 'login.har', store, inProcessPort(), conn.importedFrom)).toBe(
      true,
    );
    unsubscribe();
    expect(pendingWhileImporting.length).toBeGreaterThan(0);
    expect(pendingWhileImporting.every((g) => g !== null)).toBe(true);
    await vi.waitFor(() => expect(store.getState().secretsPending).toBeNull(), WAIT);
    const { engine } = store.getState();
    expect(engine.bodyState(60)).toEqual({ kind: 'held' });
    expect(engine.exchange(60)?.body.text).toContain('tok_9f8e7d6c5b4a39281706');
    // Bodies that teach nothing stay let go.
    expect(engine.bodyState(5)).toEqual({ kind: 'away' });
    expect(engine.exchange(5)?.body.text).toBeNull();
  });

  it("drops what an older import's worker says once the capture moved on", async () => {
    const store = createPanelStore();
    const first = inProcessPort();
    const release = first.holdSecrets();
    const secret = makeEntry(
      { url: 'https://auth.example.com/login', status: 200, body: '{"access_token":"tok_1a2b3c4d5e6f7a8b9c0d"}' },
      0,
    );
    expect(await runImport(harBlob([secret]), 'old.har', store, first)).toBe(true);
    // The user clears, and a live entry takes index 0, before the old worker's answers arrive.
    store.getState().clear();
    store.getState().addEntries([ok(0)]);
    release();
    const { engine } = store.getState();
    expect(engine.exchange(0)?.url?.pathname).toBe('/ok/0');
    expect(engine.exchange(0)?.body.text ?? '').not.toContain('tok_');
    // A new import's wait is not ended by the old one finishing.
    const generation = store.getState().beginImport('new.har', 1, []);
    store.getState().secretsRead(generation - 1);
    expect(store.getState().secretsPending).toBe(generation);
    store.getState().secretsRead(generation);
    expect(store.getState().secretsPending).toBeNull();
  });
});
