import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPanelStore } from '../../../panel/store/panel-store';
import { makeEntry } from '../../support/har';

const forbidden = (i: number) =>
  makeEntry(
    {
      url: `https://api.example.com/items/${i}`,
      status: 403,
      requestHeaders: { Authorization: 'Bearer opaque-token-1' },
      body: '{"message":"Forbidden"}',
    },
    i,
  );
const ok = (i: number) => makeEntry({ url: `https://api.example.com/ok/${i}`, status: 200, body: '{}' }, i);

describe('panel store', () => {
  it('diagnoses entries as they arrive and filters flagged by default', () => {
    const store = createPanelStore();
    store.getState().addEntries([ok(0), forbidden(1), ok(2)]);
    const s = store.getState();
    expect(s.rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(s.flaggedCount).toBe(1);
    expect(s.visible.map((r) => r.index)).toEqual([1]);
    expect(s.visible[0]!.topCause).toBe(s.engine.diagnoses.get(1)!.causes[0]!.id);
    expect(s.visible[0]!.topCause).not.toBe('');
    s.setFilter('all');
    expect(store.getState().visible).toHaveLength(3);
  });

  it('searches every word across url, status and cause', () => {
    const store = createPanelStore();
    store.getState().addEntries([ok(0), forbidden(1), forbidden(2)]);
    store.getState().setFilter('all');
    store.getState().setSearch('403 items/2');
    expect(store.getState().visible.map((r) => r.index)).toEqual([2]);
    const cause = store.getState().rows[1]!.topCause;
    store.getState().setSearch(cause.toUpperCase());
    expect(store.getState().visible.map((r) => r.index)).toEqual([1, 2]);
  });

  it('holds every entry and lets go only of the bodies of unflagged ones', () => {
    const store = createPanelStore();
    const entries = Array.from({ length: 12 }, (_, i) => (i % 4 === 0 ? forbidden(i) : ok(i)));
    store.getState().addEntries(entries);
    const s = store.getState();
    expect(s.rows.map((r) => r.index)).toEqual(entries.map((_, i) => i));
    expect(s.dropped).toBe(0);
    expect(s.flagged.map((r) => r.index)).toEqual([0, 4, 8]);
    // The evidence stays; a success's body is read again when its detail opens.
    expect(s.engine.exchange(0)?.body.text).toBe('{"message":"Forbidden"}');
    expect(s.engine.bodyState(0).kind).toBe('held');
    expect(s.engine.exchange(1)?.body.text).toBeNull();
    expect(s.engine.bodyState(1).kind).toBe('away');
    s.setBody(1, '{"back":true}', undefined);
    expect(store.getState().engine.exchange(1)?.body.text).toBe('{"back":true}');
    expect(store.getState().engine.bodyState(1).kind).toBe('held');
  });

  it('keeps unflagged diagnoses out of memory but rebuilds them on demand', () => {
    const store = createPanelStore();
    store.getState().addEntries([ok(0), forbidden(1)]);
    const { engine } = store.getState();
    expect(engine.diagnoses.kept(0)).toBeUndefined();
    expect(engine.diagnoses.get(0)).toMatchObject({ index: 0, flagged: false, causes: [] });
    expect(engine.diagnoses.kept(1)).toBe(engine.diagnoses.get(1));
  });

  it('re-diagnoses a request when its preflight arrives later (getHAR order)', () => {
    const store = createPanelStore();
    const url = 'http://127.0.0.1:8134/api/x';
    store.getState().addEntries([
      makeEntry(
        {
          method: 'DELETE',
          url,
          status: 0,
          error: 'net::ERR_FAILED',
          requestHeaders: { Referer: 'http://127.0.0.1:8133/' },
        },
        0,
      ),
    ]);
    const before = store.getState().rows[0];
    store.getState().addEntries([
      makeEntry(
        {
          method: 'OPTIONS',
          url,
          status: 405,
          requestHeaders: { Origin: 'http://127.0.0.1:8133', 'Access-Control-Request-Method': 'DELETE' },
          initiator: { type: 'preflight', url },
        },
        1,
      ),
    ]);
    // The row is replaced, so a view showing it (the detail) re-renders without a counter.
    expect(store.getState().rows[0]).not.toBe(before);
    expect(store.getState().engine.preflightOf(0)?.index).toBe(1);
    expect(store.getState().engine.diagnoses.get(0)?.preflightIndex).toBe(1);
  });

  it('keeps the capture when an imported file is not a HAR', () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    expect(store.getState().importHar('{"nope": true}', 'bad.har')).toBe(false);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().notice).toEqual({
      kind: 'error',
      text: expect.stringContaining('bad.har: not a HAR file'),
    });
    expect(store.getState().importHar('not json', 'x.har')).toBe(false);
    expect(store.getState().notice?.text).toMatch(/not JSON/);
  });

  it('imports a real HAR with writer deviations and keeps what the reader repaired', () => {
    // Polly.JS wrote content-length as a number in two request headers of this real recording.
    const text = readFileSync(
      'test/fixtures/realworld/JupiterOne__graph-azure/rm-keyvault-keys_2665320765.har',
      'utf8',
    );
    const store = createPanelStore();
    expect(store.getState().importHar(text, 'keys.har')).toBe(true);
    expect(store.getState().rows).toHaveLength(21);
    expect(
      store
        .getState()
        .rows.filter((r) => r.flagged)
        .map((r) => r.index),
    ).toEqual([14, 17, 19]);
    expect(store.getState().importWarnings).toEqual([
      '/log/entries/3/request/headers/10/value: a number, read as "178"',
      '/log/entries/6/request/headers/10/value: a number, read as "178"',
    ]);
    expect(store.getState().notice?.text).toBe('Imported 21 entries from keys.har, with 2 warnings.');
    store.getState().clear();
    expect(store.getState().importWarnings).toEqual([]);
  });

  it('clears on navigation unless the log is preserved', () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    store.getState().setPreserveLog(true);
    store.getState().navigated('https://example.com/next');
    expect(store.getState().rows).toHaveLength(1);
    store.getState().setPreserveLog(false);
    store.getState().navigated('https://example.com/again');
    expect(store.getState().rows).toHaveLength(0);
  });

  it('ignores a late body for an index from before a clear', () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0)]);
    const readFor = store.getState().engine.exchange(0);
    store.getState().clear();
    store.getState().addEntries([ok(0)]);
    store.getState().setBody(0, '{"late":true}', undefined, readFor);
    expect(store.getState().engine.exchange(0)?.body.text).toBeNull();
    expect(store.getState().engine.bodyState(0).kind).toBe('away');
  });

  it('moves the selection with the keyboard within visible rows', () => {
    const store = createPanelStore();
    store.getState().addEntries([forbidden(0), ok(1), forbidden(2)]);
    store.getState().moveSelection(1);
    expect(store.getState().selected).toBe(0);
    store.getState().moveSelection(1);
    expect(store.getState().selected).toBe(2);
    store.getState().moveSelection(1);
    expect(store.getState().selected).toBe(2);
  });
});

describe('cookie context across navigations', () => {
  it('remembers who set a session cookie after the log is cleared by a navigation', () => {
    const store = createPanelStore();
    const login = makeEntry(
      {
        url: 'http://localhost:8134/login',
        status: 302,
        responseHeaders: { 'Set-Cookie': 'session=abc; Path=/; SameSite=Lax' },
      },
      0,
    );
    store.getState().addEntries([login]);
    store.getState().navigated('http://127.0.0.1:8133/');
    expect(store.getState().rows).toHaveLength(0);
    const [i] = store
      .getState()
      .addEntries([
        makeEntry(
          { url: 'http://localhost:8134/api/me', status: 401, requestHeaders: { Origin: 'http://127.0.0.1:8133' } },
          5,
        ),
      ]);
    const { engine } = store.getState();
    expect(engine.logIndex.setCookiesBefore(engine.exchange(i!)!, 'localhost')).toHaveLength(1);
  });
});

describe('bodies let go', () => {
  it('keeps a body that holds a secret, so an export still knows to hide it elsewhere', () => {
    const store = createPanelStore();
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const login = makeEntry(
      {
        method: 'POST',
        url: 'https://auth.example.com/oauth/token',
        status: 200,
        body: JSON.stringify({ access_token: token, token_type: 'Bearer' }),
      },
      0,
    );
    store.getState().addEntries([login, ok(1)]);
    const { engine } = store.getState();
    expect(engine.exchange(0)?.body.text).toContain(token);
    expect(engine.exchange(1)?.body.text).toBeNull();
  });
});
