// A captured URL with userinfo (`https://user:pass@host/`) is exported as the request the browser
// sent: userinfo removed, with a comment saying so; never a runtime error (node and fetch reject
// such a URL) and never an Authorization header the capture did not have (curl makes one from it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportRequest, EXPORT_FORMATS, exportEntry, toCurl, toNode } from '../../../lib/export';
import { withoutUserinfo } from '../../../lib/export/userinfo';
import { displayText } from '../../../lib/redact';
import { startEchoServer, type EchoServer } from '../../support/echo-server';
import { makeEntry } from '../../support/har';
import { run, tempFile } from './corpus';

describe('withoutUserinfo', () => {
  it.each([
    ['https://user:pass@api.example/x?q=1', 'https://api.example/x?q=1'],
    ['https://ghp_abc:x-oauth-basic@api.example/', 'https://api.example/'],
    ['https://sk_live_123:@api.example:8443/v1', 'https://api.example:8443/v1'],
    ['https://a@b:c@api.example/p', 'https://api.example/p'], // userinfo ends at its last @
    ['HTTP://u@api.example', 'HTTP://api.example'],
    ['https://@api.example/', 'https://api.example/'], // an empty userinfo is still userinfo
    ['wss+x.y-z://u@h/', 'wss+x.y-z://h/'], // any scheme of letters, digits, + . -
  ])('%s is sent as %s', (raw, sent) => {
    expect(withoutUserinfo(raw)).toEqual({ url: sent, stripped: true });
  });

  it.each([
    'https://api.example/path@x',
    'https://api.example?to=a@b',
    'https://api.example#me@x',
    'mailto:me@example.com',
    'not a url @ all',
    'https://api.example\\x@y', // a backslash ends a special URL's authority
    ' https://u@h/', // the scheme must open the URL
    '1https://u@h/',
    'https://api.example/',
  ])('%s has no userinfo: kept byte for byte', (raw) => {
    expect(withoutUserinfo(raw)).toEqual({ url: raw, stripped: false });
  });
});

describe('exports of a URL with userinfo', () => {
  const entry = makeEntry({ url: 'https://user:S3cr3t-pw@api.example/x?q=1', status: 401 });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'har').flatMap((f) => [[f, false] as const, [f, true] as const]))(
    '%s (redact %s): no userinfo, a comment saying it was removed',
    (format, redact) => {
      const out = exportEntry(entry, format, { redact, index: 0 });
      expect(out).not.toContain('S3cr3t-pw');
      expect(out).not.toContain('user:S3');
      expect(out).toContain("the URL's user name and password (user:pass@) are removed");
      expect(out).not.toMatch(/authorization|--user\b|\s-u\s/i);
    },
  );

  it('the request URL parses as a fetch() Request', () => {
    const req = buildExportRequest(entry, { index: 0 });
    expect(() => new Request(displayText(req.url))).not.toThrow();
  });
});

describe('run against a server', () => {
  let echo: EchoServer;
  beforeAll(async () => {
    echo = await startEchoServer();
  });
  afterAll(() => echo.close());

  const at = () =>
    makeEntry({
      url: echo.origin.replace('://', '://user:S3cr3t-pw@') + '/x?q=1',
      status: 401,
      requestHeaders: { Accept: '*/*' },
    });

  it('node runs it (no TypeError) and sends no Authorization', async () => {
    echo.reset();
    const r = await run(process.execPath, [tempFile(toNode(at(), { index: 0 }), 'cjs')]);
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]!.target).toBe('/x?q=1');
    expect(echo.received[0]!.headers.map((h) => h.name.toLowerCase())).not.toContain('authorization');
  });

  it('curl sends no Authorization it made up', async () => {
    echo.reset();
    const r = await run('bash', [tempFile(toCurl(at(), { index: 0 }), 'sh')]);
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received[0]!.target).toBe('/x?q=1');
    expect(echo.received[0]!.headers.map((h) => h.name.toLowerCase())).not.toContain('authorization');
  });
});
