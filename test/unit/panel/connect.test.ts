import { describe, expect, it } from 'vitest';
import { connectHost } from '../../../panel/capture/connect';
import type { CapturedRequest } from '../../../panel/capture/host';
import { createPanelStore } from '../../../panel/store/panel-store';
import { connectedStore, createFakeHost, manualScheduler } from '../../support/fake-host';
import { makeEntry } from '../../support/har';

const req = (i: number, status = 403, text?: string) => ({
  entry: makeEntry({ url: `https://api.example.com/r/${i}`, status }, i),
  getContent: async () => ({ text: text ?? `{"n":${i}}` }),
});

describe('connectHost', () => {
  it('backfills first, then batches live requests per frame without losing any', async () => {
    const fake = createFakeHost([req(0)]);
    const store = createPanelStore();
    const tick = manualScheduler();
    const conn = connectHost(fake.host, store, tick.scheduler);
    fake.finish(req(0)); // finished while getHAR was answering: appears once
    fake.finish(req(1));
    fake.releaseBackfill();
    await conn.ready;
    expect(store.getState().rows.map((r) => r.url)).toEqual([
      'https://api.example.com/r/0',
      'https://api.example.com/r/1',
    ]);
    for (let i = 2; i < 2002; i++) fake.finish(req(i, 200));
    expect(store.getState().rows).toHaveLength(2);
    tick.runAll();
    expect(store.getState().rows).toHaveLength(2002);
  });

  it('reads bodies of flagged entries eagerly and re-diagnoses', async () => {
    const { fake, store, tick, conn } = await connectedStore();
    fake.finish(req(0, 403, 'hello'));
    fake.finish(req(1, 200, 'later'));
    tick.runAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().engine.exchange(0)?.body.text).toBe('hello');
    expect(store.getState().engine.exchange(1)?.body.text).toBeNull();
    conn.loadBody(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().engine.exchange(1)?.body.text).toBe('later');
  });

  it('reads bodies that can state a refusal, so a GraphQL 200 UNAUTHENTICATED is flagged as in a HAR', async () => {
    const { fake, store, tick } = await connectedStore();
    fake.finish({
      entry: makeEntry({ method: 'POST', url: 'https://api.example.com/graphql', status: 200 }, 0),
      getContent: async () => ({ text: '{"errors":[{"message":"Log in","extensions":{"code":"UNAUTHENTICATED"}}]}' }),
    });
    tick.runAll();
    await new Promise((r) => setTimeout(r, 0));
    const d = store.getState().engine.diagnoses.get(0);
    expect(d?.flagged).toBe(true);
    expect(d?.causes[0]?.id).toBe('auth.missing');
  });

  it('clears on navigation, keeps with preserve log', async () => {
    const { fake, store, tick } = await connectedStore();
    fake.finish(req(0));
    fake.navigate('https://example.com/');
    expect(store.getState().rows).toHaveLength(0);
    store.getState().setPreserveLog(true);
    fake.finish(req(1));
    fake.navigate('https://example.com/2');
    tick.runAll();
    expect(store.getState().rows).toHaveLength(1);
  });

  it('sweeps getHAR() for requests never reported as finished (Firefox), once each', async () => {
    // The shape Firefox 153 gives the request behind a refused preflight (shared/samples):
    // status 0, empty httpVersion, no response headers, empty timings; never in onRequestFinished.
    const unfinished = (i: number, startedAgoMs: number) => {
      const entry = makeEntry({ method: 'PUT', url: `https://api.example.com/u/${i}`, status: 0 }, i);
      entry.startedDateTime = new Date(Date.now() - startedAgoMs).toISOString();
      entry.response.httpVersion = '';
      entry.timings = {} as typeof entry.timings;
      return { entry };
    };
    const past: CapturedRequest[] = [req(0)];
    const fake = createFakeHost(past);
    const store = createPanelStore();
    const tick = manualScheduler();
    const conn = connectHost(fake.host, store, tick.scheduler);
    fake.releaseBackfill();
    await conn.ready;
    const urls = () => store.getState().rows.map((r) => r.url);
    // Blocked 5 s ago: listed. Started just now: maybe in flight, left for a later sweep.
    past.push(unfinished(1, 5000), unfinished(2, 0), req(3, 200));
    await conn.sweep();
    expect(urls()).toEqual(['https://api.example.com/r/0', 'https://api.example.com/u/1']);
    await conn.sweep();
    expect(urls()).toHaveLength(2);
    // After a navigation clears the list, what getHAR() still holds from before stays out.
    fake.navigate('https://example.com/next');
    await conn.sweep();
    expect(urls()).toEqual([]);
  });

  it('looks in getHAR() only after a preflight, when the host asks for it', async () => {
    const past: CapturedRequest[] = [];
    const fake = createFakeHost(past);
    fake.host.sweepMs = 5;
    const store = createPanelStore();
    const tick = manualScheduler();
    const conn = connectHost(fake.host, store, tick.scheduler);
    fake.releaseBackfill();
    await conn.ready;
    const behind = makeEntry({ method: 'PUT', url: 'https://api.example.com/p', status: 0 }, 0);
    behind.startedDateTime = new Date(Date.now() - 3000).toISOString();
    behind.response.httpVersion = '';
    past.push({ entry: behind });
    const wait = () => new Promise((r) => setTimeout(r, 40));
    fake.finish(req(1, 200));
    await wait();
    expect(store.getState().rows.map((r) => r.url)).not.toContain('https://api.example.com/p');
    const preflight = makeEntry(
      {
        method: 'OPTIONS',
        url: 'https://api.example.com/p',
        status: 401,
        requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
      },
      1,
    );
    fake.finish({ entry: preflight });
    await wait();
    expect(store.getState().rows.map((r) => r.url)).toContain('https://api.example.com/p');
    conn.disconnect();
  });
});
