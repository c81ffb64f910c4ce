// The Node and browser fetch() exports run in this process, by the real fetch (undici) against
// the raw echo server: what js-exec.test.ts and the fuzz check with a node child per script,
// here at a few milliseconds per script, so a mutation run (stryker.export-quick.config.mjs)
// can afford the corpus, the planted secrets and a few hundred hostile requests for every mutant.
// The script runs as a function of this realm (node:vm), given the fetch it would call and
// nothing of this process: no require, and an environment of the variables it asks for only.
// The browser snippet gets the console harness's fetch (credentials and referrer dropped: they
// mean nothing against a local server; fetch-init.test.ts states them).
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportRequest, toFetch, toNode } from '../../../lib/export';
import { renderFetch } from '../../../lib/export/fetch';
import { renderNode } from '../../../lib/export/node';
import type { HarEntry } from '../../../lib/har/types';
import { Vault } from '../../../lib/redact';
import type { EchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { loadPlanted } from '../redact/planted';
import { casesFor, CLIENT_EXTRAS, entryFor, expectedFor } from './corpus';
import { generator } from './hostile-gen';
import { assertCommentsClean, assertNoRawControls, assertRoundTrip, isRefusal } from './oracle';
import { assertUnsendableNamed, expected } from './runners';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(() => echo.close());

const silent = { log: () => undefined };

/** Runs `script` with `fetch`; resolves once every request it made was answered. */
async function runScript(script: string, browser: boolean, env: Record<string, string> = {}) {
  const calls: Promise<unknown>[] = [];
  const fetch = (input: string, init: Record<string, unknown> = {}) => {
    const { credentials: _c, referrer: _r, ...rest } = init;
    const p = globalThis.fetch(input, (browser ? rest : init) as RequestInit);
    // The server records a request before it answers: once the response is in, it was received.
    calls.push(p);
    return p;
  };
  const fn = new vm.Script(`(function (fetch, process, console, Buffer) {\n${script}\n})`).runInThisContext() as (
    ...args: unknown[]
  ) => void;
  echo.reset();
  fn(fetch, { env }, silent, Buffer);
  await Promise.all(calls);
  return calls.length;
}

const node = { style: 'js', render: toNode, browser: false, kind: 'node', extras: CLIENT_EXTRAS.node } as const;
const browser = {
  style: 'js',
  render: toFetch,
  browser: true,
  kind: 'fetch',
  extras: new Set([...CLIENT_EXTRAS.node, 'referer']),
} as const;

describe.each([
  ['node', node],
  ['fetch', browser],
] as const)('%s export, run in process', (name, t) => {
  it.each(casesFor(name).map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const entry = entryFor(c, echo.origin);
    const script = t.render(entry, { index: 0 });
    expect(await runScript(script, t.browser)).toBe(1);
    assertRoundTrip(echo.received[0], expectedFor(c, entry, t.kind), t.extras, script, t.style);
  });

  it('300 hostile requests: each sent exactly, or refused with nothing sent', async () => {
    const make = generator(22);
    let sent = 0;
    for (let i = 0; i < 300; i++) {
      const entry: HarEntry = make(echo.origin);
      const script = t.render(entry, { index: i });
      const context = () => `case ${i}: ${JSON.stringify(entry.request).slice(0, 800)}\n${script.slice(0, 1500)}`;
      try {
        assertCommentsClean(script, 'js');
        assertNoRawControls(script);
        const refused = isRefusal(script, 'js');
        expect(await runScript(script, t.browser)).toBe(refused ? 0 : 1);
        if (refused) continue;
        assertRoundTrip(echo.received[0], expected(entry, t.kind), t.extras, script, 'js');
        assertUnsendableNamed(entry, script, 'js');
        sent++;
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${context()}`, { cause: e });
      }
    }
    // Most hostile requests can be sent; a run that refuses them all proves nothing.
    expect(sent).toBeGreaterThan(150);
  });
});

describe('redacted node and fetch exports, run in process once their variables are set', () => {
  const { har } = loadPlanted();
  const cases = har.log.entries
    .map((e, i) => [i, e] as const)
    .filter(([, e]) => e.request.method !== 'GET' || !e.request.postData);
  it.each(cases)('planted entry %i', async (_i, original) => {
    const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
    const vault = new Vault();
    const req = buildExportRequest(entry, { redact: true, vault });
    expect(req.secrets.length).toBeGreaterThan(0);
    const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
    const script = renderNode(req);
    expect(await runScript(script, false, env)).toBe(1);
    assertRoundTrip(echo.received[0], expectedFor({}, entry, 'node'), CLIENT_EXTRAS.node, script, 'js');
    // Unset, the node script stops before sending.
    const first = req.secrets[0]!.name;
    const { [first]: _gone, ...partial } = env;
    await expect(runScript(script, false, partial)).rejects.toThrow(`set ${first} first`);
    expect(echo.received).toHaveLength(0);
    // The browser snippet, its placeholders filled in by hand; left as they are, it stops.
    let snippet = renderFetch(req);
    await expect(runScript(snippet, true)).rejects.toThrow(/^fill in WHY403_\w+ first$/);
    expect(echo.received).toHaveLength(0);
    for (const [n, value] of Object.entries(env))
      snippet = snippet.replace(`const ${n} = "<${n}>";`, `const ${n} = ${JSON.stringify(value)};`);
    expect(await runScript(snippet, true)).toBe(1);
    assertRoundTrip(echo.received[0], expectedFor({}, entry, 'fetch'), browser.extras, snippet, 'js');
  });
});
