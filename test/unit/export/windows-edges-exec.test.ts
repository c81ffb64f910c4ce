// Edges of the two Windows exports where curl's own habits would change the request, with
// cmd.exe and PowerShell read by their models (cmd-sim.ts, ps-sim.ts, windows-run.ts) and
// the real curl sending to servers on 127.0.0.1: a HEAD answered as real servers answer it, in
// both forms of the cmd export; the method curl would pick on its own, against the one
// recorded, when a body is there or not.
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { toCurlCmd, toPowerShell } from '../../../lib/export';
import type { HarEntry } from '../../../lib/har/types';
import type { EchoServer } from '../../support/echo-server';
import { startEchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { makeEntry } from '../../support/har';
import { parseCmd } from './cmd-sim';
import { run, tempFile } from './corpus';
import { interpretPowerShell } from './ps-sim';
import { powershellCurl } from './windows-run';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const ENV = { PATH: 'C:\\Windows' };

/** Runs what cmd.exe would run for a curl-cmd export; says which of its two forms it was. */
async function runCmdExport(script: string): Promise<{ form: 'curl' | 'powershell'; code: number; stderr: string }> {
  const { pipeline } = parseCmd(script, ENV);
  expect(pipeline).toHaveLength(1);
  const argv = pipeline[0]!;
  if (argv[0] === 'curl.exe') return { form: 'curl', ...(await run('curl', argv.slice(1))) };
  const bodyPath = tempFile('', 'bin');
  const { config, bodyFile } = powershellCurl(argv, ENV, bodyPath);
  if (bodyFile) writeFileSync(bodyPath, bodyFile);
  return { form: 'powershell', ...(await run('curl', ['--config', '-'], { input: config })) };
}

async function runPsExport(script: string) {
  const { config, files } = interpretPowerShell(script, {}, tempFile('', 'bin'));
  for (const [path, bytes] of files) writeFileSync(path, bytes);
  return run('curl', ['--config', '-'], { input: Buffer.from(config, 'utf8') });
}

describe.skipIf(!hasTool('curl'))('a HEAD request answered as real servers answer it', () => {
  // RFC 9110 §9.3.2: the GET's Content-Length, no body, the connection kept open. A client that
  // sent HEAD as a custom method (-X HEAD) waits for those 1000 bytes until it times out.
  let server: Server;
  let origin = '';
  const heads: string[] = [];
  beforeAll(async () => {
    server = createServer((socket) => {
      let head = '';
      socket.on('data', (c) => {
        head += c.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        heads.push(head);
        head = '';
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n');
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const head = (path: string) => makeEntry({ method: 'HEAD', url: `${origin}${path}`, status: 200 });

  // A plain URL gives the caret-escaped curl.exe line; a % in it, the PowerShell one-liner.
  it.each([
    ['/exists', 'curl'],
    ['/a%2Fb', 'powershell'],
  ] as const)('curl-cmd: %s (%s form) ends when the headers end', async (path, form) => {
    heads.length = 0;
    const r = await runCmdExport(toCurlCmd(head(path)));
    expect(r.form).toBe(form);
    expect(r.code, r.stderr).toBe(0);
    expect(heads).toHaveLength(1);
    expect(heads[0]!.startsWith(`HEAD ${path} HTTP/1.1\r\n`)).toBe(true);
  });

  it('powershell: ends when the headers end', async () => {
    heads.length = 0;
    const r = await runPsExport(toPowerShell(head('/a%2Fb')));
    expect(r.code, r.stderr).toBe(0);
    expect(heads).toHaveLength(1);
    expect(heads[0]).toMatch(/^HEAD \/a%2Fb HTTP\/1\.1\r\n/);
  });
});

describe.skipIf(!hasTool('curl'))('the method as recorded, with a body or without', () => {
  const entry = (method: string, path: string, body: string | null): HarEntry =>
    makeEntry({
      method,
      url: `${echo.origin}${path}`,
      requestHeaders: body === null ? {} : { 'Content-Type': 'text/plain' },
      ...(body === null ? {} : { requestBody: body, requestMimeType: 'text/plain' }),
      status: 200,
    });

  const cases = [
    ['GET', null],
    ['GET', 'q=1'],
    ['POST', null],
    ['POST', 'a=1'],
    ['HEAD', 'x'],
    ['DELETE', null],
    ['PUT', 'z'],
  ] as const;

  // Each in both forms of the cmd export (a % in the URL picks PowerShell) and in the PowerShell export.
  it.each(cases.flatMap(([m, b]) => [[m, b, '/plain'] as const, [m, b, '/pct%2F'] as const]))(
    'curl-cmd sends %s with body %j to %s as recorded',
    async (method, body, path) => {
      echo.reset();
      const r = await runCmdExport(toCurlCmd(entry(method, path, body)));
      expect(r.form).toBe(path === '/plain' ? 'curl' : 'powershell');
      expect(r.code, r.stderr).toBe(0);
      expect(echo.received).toHaveLength(1);
      expect(echo.received[0]!.method).toBe(method);
      expect(echo.received[0]!.target).toBe(path);
      expect(echo.received[0]!.body.toString('utf8')).toBe(body ?? '');
    },
  );

  it.each(cases)('powershell sends %s with body %j as recorded', async (method, body) => {
    echo.reset();
    const r = await runPsExport(toPowerShell(entry(method, '/p', body)));
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]!.method).toBe(method);
    expect(echo.received[0]!.body.toString('utf8')).toBe(body ?? '');
  });
});

describe.skipIf(!hasTool('curl'))('the form each request takes', () => {
  const post = (path: string, body: string, method = 'POST') =>
    makeEntry({
      method,
      url: `${echo.origin}${path}`,
      requestHeaders: { 'Content-Type': 'text/plain' },
      requestBody: body,
      requestMimeType: 'text/plain',
      status: 200,
    });

  it('cmd: a method holding % or ! (a valid token) arrives as recorded, through PowerShell', async () => {
    // Node's own HTTP parser refuses methods it does not know; the raw server reads any token.
    const raw = await startRawEchoServer();
    try {
      for (const method of ['X%PATH%', 'Y!PATH!', 'Z%']) {
        raw.reset();
        const r = await runCmdExport(toCurlCmd(makeEntry({ method, url: `${raw.origin}/m`, status: 200 })));
        expect(r.form).toBe('powershell');
        expect(r.code, r.stderr).toBe(0);
        expect(raw.received.map((x) => x.method)).toEqual([method]);
      }
    } finally {
      raw.close();
    }
  });

  it('powershell: a text body rides in the config, with no temporary file; only NUL or a large body uses one', () => {
    const files = (body: string) => interpretPowerShell(toPowerShell(post('/p', body)), {}, '/tmp/why403-body').files;
    expect(files('a=1&b=é')).toEqual(new Map());
    expect([...files('a\0b').values()]).toEqual([Buffer.from('a\0b')]);
    expect([...files('x'.repeat(60_001)).values()].map((b) => b.length)).toEqual([60_001]);
  });

  it.each([
    ['GE T', 'https://a.example/'],
    ['GET', 'ftp://a.example/'],
  ])('a request HTTP cannot carry (%s %s) is refused in comments only, naming the target', (method, url) => {
    const entry = makeEntry({ method, url, status: 200 });
    const cmd = toCurlCmd(entry);
    expect(
      cmd
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('REM ')),
    ).toBe(true);
    expect(cmd).toMatch(/^REM why403: curl\.exe for Windows cmd\.exe: /);
    expect(cmd).toMatch(/REM Not exported: the (method|URL) is not/);
    const ps = toPowerShell(entry);
    expect(
      ps
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('# ')),
    ).toBe(true);
    expect(ps).toMatch(/^# why403: PowerShell 5\.1 and 7 \(curl\.exe\): /);
    expect(ps).toMatch(/# Not exported: the (method|URL) is not/);
  });
});
