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

/** A POST to the echo server with these headers and this postData, exported for Node and run. */
async function sentByNode(headers: { name: string; value: unknown }[] | unknown, postData?: unknown) {
  const entry = {
    request: { method: 'POST', url: `${echo.origin}/form`, headers, ...(postData ? { postData } : {}) },
  } as unknown as HarEntry;
  const script = toNode(entry, { index: 0 });
  expect(await runScript(script, false)).toBe(1);
  const r = echo.received[0]!;
  return {
    script,
    body: r.body.toString('utf8'),
    headers: r.headers.filter((h) => !CLIENT_EXTRAS.node.has(h.name.toLowerCase())).map((h) => h.name),
    type: r.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.toString('latin1'),
  };
}

describe('bodies HAR holds only as form fields, rebuilt and sent', () => {
  const params = [
    { name: 'a', value: 'x y' },
    { name: 'file', fileName: 'cv.pdf', contentType: 'application/pdf' },
    { name: 'empty' },
  ];

  it('multipart: each field, its file name and type, by the boundary of the Content-Type sent', async () => {
    const got = await sentByNode([{ name: 'Content-Type', value: 'multipart/form-data; boundary=SENT' }], {
      mimeType: 'multipart/form-data; boundary=RECORDED',
      params,
    });
    expect(got.type).toBe('multipart/form-data; boundary=SENT');
    expect(got.body).toBe(
      '--SENT\r\nContent-Disposition: form-data; name="a"\r\n\r\nx y\r\n' +
        '--SENT\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n\r\n' +
        '--SENT\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n' +
        '--SENT--\r\n',
    );
    expect(got.script).toMatch(
      /^\/\/ Note: the body was rebuilt from the recorded form fields; file contents were not captured and are sent empty\.$/m,
    );
  });

  it("multipart without a Content-Type header: the recorded mimeType's boundary; no file, no word of one", async () => {
    const got = await sentByNode([], { mimeType: 'multipart/form-data; boundary="q b"', params: [params[0]] });
    expect(got.body).toBe('--q b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx y\r\n--q b--\r\n');
    expect(got.script).toMatch(/^\/\/ Note: the body was rebuilt from the recorded form fields\.$/m);
  });

  it('anything else (no boundary, urlencoded, no type): urlencoded, a missing value as empty', async () => {
    for (const mimeType of ['multipart/form-data', 'application/x-www-form-urlencoded', undefined]) {
      const got = await sentByNode([{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], {
        ...(mimeType ? { mimeType } : {}),
        params,
      });
      expect(got.body, String(mimeType)).toBe('a=x+y&file=&empty=');
      expect(got.script).toMatch(
        /^\/\/ Note: the body was rebuilt from the recorded form fields \(application\/x-www-form-urlencoded\)\.$/m,
      );
    }
  });

  it('text marked base64 that is not base64 is sent as recorded, and said so', async () => {
    const got = await sentByNode([{ name: 'Content-Type', value: 'text/plain' }], {
      mimeType: 'text/plain',
      text: 'not base64!',
      encoding: 'base64',
    });
    expect(got.body).toBe('not base64!');
    expect(got.script).toMatch(
      /^\/\/ Note: the body is marked base64 but is not valid base64: it is sent as recorded\.$/m,
    );
  });

  it('no text and no fields, or an empty field list: no body', async () => {
    for (const postData of [{ mimeType: 'text/plain' }, { mimeType: 'text/plain', params: [] }]) {
      const got = await sentByNode([{ name: 'X-A', value: '1' }], postData);
      expect(got.body).toBe('');
      expect(got.script).not.toMatch(/body:/);
    }
  });
});

describe('request headers as HAR writers leave them', () => {
  it('skips entries that are not headers, and sends a number or null value as its text', async () => {
    const got = await sentByNode([
      null,
      { name: 5, value: 'x' },
      { value: 'no name' },
      { name: 'X-Num', value: 42 },
      { name: 'X-Null', value: null },
      { name: 'X-Ok', value: 'ok' },
    ]);
    const r = echo.received[0]!;
    const value = (n: string) => r.headers.find((h) => h.name === n)?.value.toString('latin1');
    expect(got.headers).toEqual(['X-Num', 'X-Null', 'X-Ok']);
    expect([value('X-Num'), value('X-Null'), value('X-Ok')]).toEqual(['42', '', 'ok']);
  });

  it('a header list that is not a list is no headers', async () => {
    for (const headers of [undefined, null, 'Accept: */*', { name: 'X', value: '1' }])
      expect((await sentByNode(headers)).headers, String(headers)).toEqual([]);
  });

  it('names a dropped header once, in its first spelling, and says a declared body was lost only when it was', () => {
    const entry = (headers: [string, string][], postData?: object) =>
      ({
        request: {
          method: 'POST',
          url: 'https://a.example/x',
          headers: headers.map(([name, value]) => ({ name, value })),
          ...(postData ? { postData } : {}),
        },
      }) as unknown as HarEntry;
    const twice = toNode(
      entry([
        ['Connection', 'keep-alive'],
        ['connection', 'close'],
        ['Keep-Alive', '5'],
      ]),
    );
    expect(twice).toMatch(
      /^\/\/ Not sent: Connection, Keep-Alive \(hop-by-hop, belongs to the browser's connection\)\.$/m,
    );
    const lost = /Note: the request had a (\d+)-byte body that the capture does not hold; it is not sent/;
    expect(lost.exec(toNode(entry([['Content-Length', '12']])))?.[1]).toBe('12');
    expect(toNode(entry([['Content-Length', '0']]))).not.toMatch(lost);
    expect(toNode(entry([['Content-Length', 'twelve']]))).not.toMatch(lost);
    expect(toNode(entry([['Content-Length', '12']], { mimeType: 'text/plain', text: 'hello world!' }))).not.toMatch(
      lost,
    );
  });

  it('a missing or empty method is sent as GET', async () => {
    for (const method of [undefined, '']) {
      const entry = { request: { method, url: `${echo.origin}/m`, headers: [] } } as unknown as HarEntry;
      expect(await runScript(toNode(entry), false)).toBe(1);
      expect(echo.received[0]!.method).toBe('GET');
    }
  });
});

describe('what Node and fetch() cannot send as recorded, said and left out', () => {
  it("node: Host and Expect are named and not sent (undici refuses Expect, and sends the URL's host)", async () => {
    const entry = {
      request: {
        method: 'POST',
        url: `${echo.origin}/up`,
        headers: [
          { name: 'Host', value: 'intranet.example' },
          { name: 'Expect', value: '100-continue' },
          { name: 'Content-Type', value: 'text/plain' },
        ],
        postData: { mimeType: 'text/plain', text: 'hi' },
      },
    } as unknown as HarEntry;
    const script = toNode(entry);
    expect(script).toMatch(/^\/\/ Node's fetch cannot send: Host, Expect\.$/m);
    expect(await runScript(script, false)).toBe(1);
    const r = echo.received[0]!;
    expect(r.headers.find((h) => h.name.toLowerCase() === 'host')?.value.toString()).toBe(new URL(echo.origin).host);
    expect(r.headers.some((h) => h.name.toLowerCase() === 'expect')).toBe(false);
    expect(r.body.toString()).toBe('hi');
    expect(toNode({ ...entry, request: { ...entry.request, headers: [] } })).not.toMatch(/cannot send/);
  });

  it('a URL fetch() would rewrite is named as it will be sent, and goes there', async () => {
    for (const render of [toNode, toFetch]) {
      const entry = { request: { method: 'GET', url: `${echo.origin}/a/../b/./c?q=1#frag`, headers: [] } };
      const script = render(entry as unknown as HarEntry);
      expect(script).toContain(`// fetch() sends the URL as it parses it: ${echo.origin}/b/c?q=1#frag\n`);
      expect(await runScript(script, render === toFetch)).toBe(1);
      expect(echo.received[0]!.target).toBe('/b/c?q=1');
      // Only the fragment differs (fetch() never sends it): nothing to say.
      const plain = render({ request: { ...entry.request, url: `${echo.origin}/b?q=1#x` } } as unknown as HarEntry);
      expect(plain).not.toMatch(/sends the URL as it parses it/);
    }
  });
});

describe('a redacted export hides a secret wherever it is echoed, and runs once it is set', () => {
  it('a token of the URL, echoed earlier in a header of no secret name, is a variable in both', async () => {
    const token = 'Zq8vT3nWk2LmP9xR4sYb';
    const entry = {
      request: {
        method: 'GET',
        url: `${echo.origin}/cb?access_token=${token}`,
        headers: [{ name: 'X-Echo', value: `seen ${token}` }],
      },
    } as unknown as HarEntry;
    const vault = new Vault();
    const req = buildExportRequest(entry, { redact: true, vault });
    const script = renderNode(req);
    expect(script).not.toContain(token);
    expect(req.secrets.map((s) => s.name)).toHaveLength(1);
    const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
    expect(await runScript(script, false, env)).toBe(1);
    const r = echo.received[0]!;
    expect(r.target).toBe(`/cb?access_token=${token}`);
    expect(r.headers.find((h) => h.name === 'X-Echo')?.value.toString()).toBe(`seen ${token}`);
  });
});
