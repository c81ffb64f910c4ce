import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersPageCannotSend, pagePollScript, pageReplayScript } from '../../../lib/replay/page-script';
import type { ReplayOutcome, ReplayRequest } from '../../../lib/replay/types';

// The page script is plain JavaScript evaluated in the inspected page; here it runs in Node
// (which has fetch and AbortController) against a real local server.
let seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'application/json' });
    res.end('{"error":"invalid_token"}');
  });
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function runInFakePage(script: string, id: string): Promise<ReplayOutcome> {
  const g = globalThis as unknown as { window: unknown };
  g.window = globalThis;
  expect((0, eval)(script)).toBe(true);
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const v = (0, eval)(pagePollScript(id)) as ReplayOutcome | null;
    if (v) return v;
  }
}

describe('page replay script', () => {
  it('sends hostile values intact and reports the answer', async () => {
    seen = [];
    const req: ReplayRequest = {
      method: 'POST',
      url: `${origin}/x?q=%27%22\`$(id)`,
      headers: [
        { name: 'X-Quote', value: `'"\`\${x}</script>` },
        { name: 'Cookie', value: 'sid=secret' },
      ],
      body: '{"a":"\\u2028 `${x}`"}',
      credentials: 'include',
    };
    const outcome = await runInFakePage(pageReplayScript('t1', req, 5000), 't1');
    expect(outcome).toMatchObject({ kind: 'response', status: 401, body: '{"error":"invalid_token"}' });
    expect(seen[0]!.url).toBe('/x?q=%27%22`$(id)');
    expect(seen[0]!.headers['x-quote']).toBe(`'"\`\${x}</script>`);
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.body).toBe('{"a":"\\u2028 `${x}`"}');
    expect(headersPageCannotSend(req)).toEqual(['Cookie']);
  });

  it('ends a slow request with a clear timeout, not a spinner', async () => {
    const req: ReplayRequest = {
      method: 'GET',
      url: `${origin}/slow`,
      headers: [],
      body: null,
      credentials: 'same-origin',
    };
    const outcome = await runInFakePage(pageReplayScript('t2', req, 300), 't2');
    expect(outcome).toMatchObject({ kind: 'network-error', timedOut: true });
    expect((outcome as { message: string }).message).toMatch(/No answer within/);
  });
});
