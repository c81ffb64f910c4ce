// A file read as it goes in (issue 19): the worker hands out entries while later ones are still
// unparsed, so the capture is replaced before the file is known good. What must hold: an entry
// that does not parse halfway puts the previous capture back as it was (rows, selection, bodies
// that can be read again); the reader's warnings still reach the user; requests that finish
// meanwhile are not lost; a file the splitter does not read is read whole, as before.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { IMPORT_CHUNK } from '../../../panel/import/protocol';
import { runImport } from '../../../panel/import/run-import';
import { createPanelStore } from '../../../panel/store/panel-store';
import { connectedStore } from '../../support/fake-host';
import { makeEntry } from '../../support/har';
import { inProcessPort } from '../../support/import-port';

const WAIT = { timeout: 20_000, interval: 20 };
const forbidden = (i: number) =>
  makeEntry({ url: `https://api.example.com/items/${i}`, status: 403, body: '{"message":"Forbidden"}' }, i);
const ok = (i: number) => makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: `{"n":${i}}` }, i);
const live = (i: number, status = 200) => ({
  entry: makeEntry({ url: `https://live.example.com/r/${i}`, status }, i),
  getContent: async () => ({ text: `{"live":${i}}` }),
});

/**
 * A file of `n` entries whose entry `bad` is damaged in its text (not JSON there). Each entry is
 * padded to a few KB so that the bad one is far into the file: it streams in pieces, and the
 * first entries reach the panel before the bad one is read.
 */
function fileWithBadEntry(n: number, bad: number): Blob {
  const pad = 'x'.repeat(2048);
  const parts = Array.from({ length: n }, (_, i) =>
    i === bad ? '{"request": tru}' : JSON.stringify({ ...ok(i), comment: pad }),
  );
  return arrivingSlowly(`{"log":{"version":"1.2","entries":[${parts.join(',')}]}}`);
}

/** A file that arrives in 64 KB pieces, a task apart, as one read from a disk does. */
function arrivingSlowly(text: string, onEnd: () => void = () => undefined): Blob {
  const bytes = new TextEncoder().encode(text);
  const blob = new Blob([bytes]);
  let at = 0;
  const stream = () =>
    new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            if (at >= bytes.length) {
              controller.close();
              onEnd();
            } else controller.enqueue(bytes.slice(at, (at += 65536)));
            resolve();
          }, 1),
        ),
    });
  return Object.assign(blob, { stream });
}

describe('an import read as it goes in', () => {
  it('shows entries before the file is read to its end', async () => {
    const store = createPanelStore();
    const n = IMPORT_CHUNK * 4;
    let read = false;
    const rowsBeforeTheEnd: number[] = [];
    const off = store.subscribe((s) => !read && rowsBeforeTheEnd.push(s.rows.length));
    const entries = Array.from({ length: n }, (_, i) => ({ ...forbidden(i), comment: 'x'.repeat(1024) }));
    const file = arrivingSlowly(JSON.stringify({ log: { entries } }), () => (read = true));
    expect(await runImport(file, 'long.har', store, inProcessPort())).toBe(true);
    off();
    // Rows were listed while the file was still arriving, and all of them are in at the end.
    expect(Math.max(...rowsBeforeTheEnd)).toBeGreaterThan(0);
    expect(store.getState().rows).toHaveLength(n);
    expect(store.getState().notice?.text).toBe(`Imported ${n} entries from long.har.`);
  });

  it('puts the previous capture back when an entry does not parse halfway', async () => {
    const { fake, store, tick, conn } = await connectedStore();
    fake.finish(live(0, 403));
    fake.finish(live(1));
    tick.runAll();
    store.getState().select(1);
    const before = store.getState();
    const listedWhileImporting = new Set<string | undefined>();
    const off = store.subscribe((s) => s.importing && listedWhileImporting.add(s.rows[0]?.url));
    const bad = IMPORT_CHUNK * 3 + 10;
    expect(await runImport(fileWithBadEntry(IMPORT_CHUNK * 4, bad), 'half.har', store, inProcessPort())).toBe(false);
    off();
    // The file's first entries had replaced the capture before the bad entry was reached.
    expect(listedWhileImporting).toContain('https://api.example.com/ok/0');
    const s = store.getState();
    expect(s.importing).toBeNull();
    expect(s.notice).toEqual({ kind: 'error', text: expect.stringContaining(`/log/entries/${bad}`) });
    expect(s.rows).toEqual(before.rows);
    expect(s.visible.map((r) => r.index)).toEqual([0]);
    expect(s.flaggedCount).toBe(1);
    expect(s.selected).toBe(1);
    expect(s.engine.exchange(1)?.url?.hostname).toBe('live.example.com');
    // Its bodies can still be read again from DevTools, and new requests follow it.
    conn.loadBody(1);
    await vi.waitFor(() => expect(s.engine.exchange(1)?.body.text).toBe('{"live":1}'), WAIT);
    fake.finish(live(2));
    tick.runAll();
    expect(store.getState().rows.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('puts it back when no entry of the file can be read', async () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    const file = new Blob([JSON.stringify({ log: { entries: Array.from({ length: 300 }, () => ({ request: 1 })) } })]);
    expect(await runImport(file, 'none.har', store, inProcessPort())).toBe(false);
    expect(store.getState().rows.map((r) => r.url)).toEqual(['https://api.example.com/items/0']);
    expect(store.getState().notice?.text).toMatch(/^none\.har: not a valid HAR: none of its 300 entries can be read/);
  });

  it('says what the reader coerced, once every entry is read', async () => {
    const store = createPanelStore();
    const entries: unknown[] = Array.from({ length: 300 }, (_, i) => ok(i));
    const coerced = JSON.parse(JSON.stringify(forbidden(290))) as { response: { status: unknown } };
    coerced.response.status = '403';
    entries[290] = coerced;
    expect(await runImport(new Blob([JSON.stringify({ log: { entries } })]), 'w.har', store, inProcessPort())).toBe(
      true,
    );
    const s = store.getState();
    expect(s.importWarnings).toEqual([expect.stringMatching(/^\/log\/entries\/290\/response\/status: /)]);
    expect(s.notice?.text).toBe('Imported 300 entries from w.har, with 1 warning.');
    expect(s.rows[290]?.flagged).toBe(true);
  });

  it('holds requests that finish meanwhile, then lists them after the file', async () => {
    const { fake, store, tick } = await connectedStore();
    let sent = false;
    const off = store.subscribe((s) => {
      if (!sent && s.importing && s.rows.length > 0) {
        sent = true;
        fake.finish(live(7, 401));
        tick.runAll();
      }
    });
    const file = new Blob([JSON.stringify({ log: { entries: Array.from({ length: 600 }, (_, i) => ok(i)) } })]);
    expect(await runImport(file, 'busy.har', store, inProcessPort())).toBe(true);
    off();
    expect(sent).toBe(true);
    const rows = store.getState().rows;
    expect(rows).toHaveLength(601);
    expect(rows[600]?.url).toBe('https://live.example.com/r/7');
    expect(rows[600]?.flagged).toBe(true);
  });

  it('reads whole, as before, a file the splitter leaves alone (a JSONP wrapper)', async () => {
    const store = createPanelStore();
    const text = `onInputData(${JSON.stringify({ log: { entries: [forbidden(0), ok(1)] } })});`;
    expect(await runImport(new Blob([text]), 'j.harp', store, inProcessPort())).toBe(true);
    const s = store.getState();
    expect(s.rows).toHaveLength(2);
    expect(s.importWarnings).toEqual(['(root): wrapped as onInputData(...) (JSONP), read the JSON inside']);
  });

  it('paints the list once at the start and then at most every IMPORT_PAINT_MS, and at once for a filter', async () => {
    // A clock that never moves: after the first paint, no interval has passed.
    const still = vi.spyOn(performance, 'now').mockReturnValue(1000);
    onTestFinished(() => still.mockRestore());
    const store = createPanelStore();
    const painted: number[] = [];
    let filtered = false;
    const off = store.subscribe((s, before) => {
      if (s.rows !== before.rows && s.importing) painted.push(s.rows.length);
      // A filter chosen mid-import sees every row added so far, not the last painted list.
      if (s.importing && !filtered && s.rows.length > 0) {
        filtered = true;
        store.getState().setFilter('all');
      }
    });
    const file = new Blob([JSON.stringify({ log: { entries: Array.from({ length: 1000 }, (_, i) => ok(i)) } })]);
    expect(await runImport(file, 'p.har', store, inProcessPort())).toBe(true);
    off();
    const s = store.getState();
    expect(painted.length).toBeLessThanOrEqual(3);
    expect(s.rows).toHaveLength(1000);
    expect(s.visible).toHaveLength(1000);
    expect(s.importWarnings).toEqual([]);
  });
});
