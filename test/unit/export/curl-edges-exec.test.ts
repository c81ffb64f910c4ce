// Edges of the curl export where curl's own habits would change the request, run for real by
// bash with curl against servers on 127.0.0.1: a HEAD answered as real servers answer it,
// a body big enough for curl to ask "Expect: 100-continue", a header whose value is blank.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCurl } from '../../../lib/export';
import type { EchoServer } from '../../support/echo-server';
import { startEchoServer } from '../../support/echo-server';
import { makeEntry } from '../../support/har';
import { run, tempFile } from './corpus';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

describe('curl export edges', () => {
  it('ends a HEAD request when the headers end, though the answer names a Content-Length and keeps the connection', async () => {
    // As a real server answers HEAD (RFC 9110 §9.3.2): the GET's Content-Length, no body, keep-alive.
    const heads: string[] = [];
    const server: Server = createServer((socket) => {
      let head = '';
      socket.on('data', (c) => {
        head += c.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        heads.push(head);
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n');
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const script = toCurl(
        makeEntry({ method: 'HEAD', url: `${origin}/exists`, requestHeaders: { Accept: '*/*' }, status: 200 }),
      );
      const r = await run('/bin/bash', [tempFile(script, 'sh')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/curl: /);
      expect(heads).toHaveLength(1);
      expect(heads[0]).toMatch(/^HEAD \/exists HTTP\/1\.1\r\n/);
    } finally {
      server.close();
    }
  });

  it('sends a body over 1 MiB without the Expect: 100-continue the browser never sent', async () => {
    const body = 'x'.repeat(1024 * 1024 + 1);
    const entry = makeEntry({
      method: 'POST',
      url: `${echo.origin}/big`,
      requestHeaders: { 'Content-Type': 'text/plain' },
      requestBody: body,
      requestMimeType: 'text/plain',
      status: 200,
    });
    echo.reset();
    const r = await run('/bin/bash', [tempFile(toCurl(entry), 'sh')]);
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]!.headers.map((h) => h.name.toLowerCase())).not.toContain('expect');
    expect(echo.received[0]!.body.length).toBe(body.length);
  });

  it('sends a header whose recorded value is blank, as an empty value, not not at all', async () => {
    const entry = makeEntry({
      url: `${echo.origin}/blank`,
      requestHeaders: { 'X-Blank': ' \t ', 'X-Empty': '' },
      status: 200,
    });
    echo.reset();
    const r = await run('/bin/bash', [tempFile(toCurl(entry), 'sh')]);
    expect(r.code, r.stderr).toBe(0);
    const got = echo.received[0]!.headers.filter((h) => h.name.startsWith('X-'));
    expect(got.map((h) => [h.name, h.value.toString('latin1')])).toEqual([
      ['X-Blank', ''],
      ['X-Empty', ''],
    ]);
  });
});
