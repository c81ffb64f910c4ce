// The HTTPie export at the edges of HTTPie's item syntax and of what requests re-encodes, run for
// real (HTTPie 3, `http`) by bash against a raw echo server. Each case states one rule of
// httpie.ts: a method HTTPie would read as a URL or upper-case is refused and nothing is sent; a
// header value HTTPie would change (an escaping backslash, surrounding whitespace) is left out and
// named, never sent changed; a value starting with = or @, an empty value, a trailing backslash
// are sent exactly; a secret that is the whole query is checked as the value it will hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { toHttpie } from '../../../lib/export';
import { renderHttpie } from '../../../lib/export/httpie';
import type { ExportRequest } from '../../../lib/export/types';
import type { HarEntry } from '../../../lib/har/types';
import { startRawEchoServer } from '../../support/raw-echo-server';
import type { EchoServer } from '../../support/echo-server';
import { entryFor, expectedFor, run, tempFile } from './corpus';
import { assertRoundTrip, commentsOf, isRefusal } from './oracle';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(() => echo.close());

// Headers HTTPie (requests) adds on its own when the HAR did not hold them (as in httpie-exec).
const HTTPIE_EXTRAS = new Set(['host', 'content-length', 'transfer-encoding', 'accept-encoding', 'user-agent']);

async function runScript(script: string, env: Record<string, string> = {}) {
  echo.reset();
  const r = await run('/bin/bash', [tempFile(script, 'sh')], { env: { HOME: '/nonexistent', ...env } });
  expect(r.code, `${r.stderr}\n${script}`).toBe(0);
}

function entry(method: string, path: string, headers: Record<string, string> = {}): HarEntry {
  return entryFor(
    {
      name: '',
      why: '',
      request: {
        method,
        url: `http://example.test${path}`,
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
    },
    echo.origin,
  );
}

/** Exports the entry and runs the script; returns the script. */
async function exported(e: HarEntry): Promise<string> {
  const script = toHttpie(e, { index: 0 });
  await runScript(script);
  return script;
}

describe.skipIf(!hasTool('httpie'))('methods', () => {
  // UPnP's SSDP search (UPnP Device Architecture 2.0 §1.3.2) and a lower-case method, which
  // fetch() sends as written (Fetch standard: only DELETE GET HEAD OPTIONS POST PUT are normalised).
  it.each(['M-SEARCH', 'patch', 'Get', 'PROPFIND2'])(
    '%s is refused, naming the method, and nothing is sent',
    async (m) => {
      const script = await exported(entry(m, '/p'));
      expect(isRefusal(script, 'sh'), script).toBe(true);
      expect(script).toContain(`HTTPie can only send a method of capital letters, not ${m}`);
      expect(echo.received).toHaveLength(0);
    },
  );

  it.each(['PROPFIND', 'PURGE'])('%s (capital letters) is sent as written', async (m) => {
    const e = entry(m, '/p');
    const script = await exported(e);
    assertRoundTrip(echo.received[0], expectedFor({}, e, 'curl'), HTTPIE_EXTRAS, script, 'sh');
  });
});

describe.skipIf(!hasTool('httpie'))('a URL no client can send', () => {
  it("is refused for the reason every export gives, not HTTPie's", async () => {
    const script = await exported(entry('GET', '/a b'));
    expect(isRefusal(script, 'sh'), script).toBe(true);
    expect(script).toContain('the URL holds a space or a control character, which a request line cannot carry');
    expect(script).not.toContain('re-encode');
    expect(echo.received).toHaveLength(0);
  });
});

describe.skipIf(!hasTool('httpie'))('a URL requests would re-encode', () => {
  it.each(['/p%41', '/p?', '/a|b', '/p?q="x"'])('%j is refused with the reason, and nothing is sent', async (path) => {
    const script = await exported(entry('GET', path));
    expect(isRefusal(script, 'sh'), script).toBe(true);
    expect(script).toContain(
      'HTTPie (Python requests) would re-encode this URL, so it would not reach the server as recorded',
    );
    expect(echo.received).toHaveLength(0);
  });
});

describe.skipIf(!hasTool('httpie'))('header values', () => {
  // Each beside a plain header, which must arrive whatever happens to the other.
  const LEFT_OUT: [string, string, string][] = [
    ['a backslash before a colon', 'a\\:b', 'a backslash HTTPie reads as an escape'],
    ['a backslash before =', 'k\\=v', 'a backslash HTTPie reads as an escape'],
    ['a backslash before @', 'x\\@y', 'a backslash HTTPie reads as an escape'],
    ['a backslash before ;', 'x\\;y', 'a backslash HTTPie reads as an escape'],
    ['a trailing space', 'x ', 'whitespace around the value, which HTTPie strips'],
    ['a trailing tab', 'x\t', 'whitespace around the value, which HTTPie strips'],
    ['a leading space', ' x', 'whitespace around the value, which HTTPie strips'],
  ];
  it.each(LEFT_OUT)('with %s is left out, named with the reason, never sent changed', async (_what, value, why) => {
    const e = entry('GET', '/p', { 'X-Odd': value, 'X-Plain': 'kept' });
    const script = await exported(e);
    expect(commentsOf(script, 'sh').join(' ')).toContain(
      `Left out, HTTPie cannot send them as recorded: X-Odd (${why}).`,
    );
    const got = echo.received[0]!;
    expect(got.headers.filter((h) => h.name === 'X-Odd')).toEqual([]);
    expect(got.headers.filter((h) => h.name === 'X-Plain').map((h) => h.value.toString('latin1'))).toEqual(['kept']);
  });

  it('two left out are named in one line, each with its reason', async () => {
    const e = entry('GET', '/p', { 'X-One': 'a\\:b', 'X-Two': ' x', 'X-Plain': 'kept' });
    const script = await exported(e);
    expect(commentsOf(script, 'sh').join(' ')).toContain(
      'Left out, HTTPie cannot send them as recorded: X-One (a backslash HTTPie reads as an escape); ' +
        'X-Two (whitespace around the value, which HTTPie strips).',
    );
    expect(echo.received[0]!.headers.map((h) => h.name)).toContain('X-Plain');
  });

  it.each([
    ['a leading =', '=x'],
    ['a leading @', '@etc/passwd'],
    ['a trailing backslash', 'C:\\dir\\'],
    ['a backslash before a letter', 'DOMAIN\\user'],
    ['inner spaces', 'a  b'],
    ['nothing', ''],
  ])('with %s is sent exactly', async (_what, value) => {
    const e = entry('GET', '/p', { 'X-Odd': value });
    const script = await exported(e);
    expect(script).not.toContain('Left out');
    const got = echo.received[0]!;
    expect(got.headers.filter((h) => h.name === 'X-Odd').map((h) => h.value.toString('latin1'))).toEqual([value]);
    assertRoundTrip(got, expectedFor({}, e, 'curl'), HTTPIE_EXTRAS, script, 'sh');
  });
});

describe.skipIf(!hasTool('httpie'))('bodies given by --raw', () => {
  function withBody(text: string, type: string | null): HarEntry {
    const e = entry('POST', '/p', type === null ? {} : { 'Content-Type': type });
    e.request.postData = { mimeType: type ?? '', text };
    e.request.bodySize = text.length;
    return e;
  }

  it.each([
    ['a body that starts with a dash (an option, if it were its own word)', '-1', 'text/plain'],
    ['JSON holding HTTPie item syntax', '{"a":"@x","b:=":"c==d"}', 'application/json'],
    ['a form', 'a=1&b=%40x', 'application/x-www-form-urlencoded'],
    ['a text body without Content-Type, which arrives without one', 'plain words', null],
  ])('%s is sent exactly', async (_what, text, type) => {
    const e = withBody(text, type);
    const script = await exported(e);
    expect(script).toContain(`--raw=`);
    assertRoundTrip(echo.received[0], expectedFor({}, e, 'curl'), HTTPIE_EXTRAS, script, 'sh');
    expect(echo.received[0]!.headers.filter((h) => h.name.toLowerCase() === 'content-type')).toHaveLength(
      type === null ? 0 : 1,
    );
  });
});

describe.skipIf(!hasTool('httpie'))('a secret after a backslash in a header', () => {
  const req = (value: ExportRequest['headers'][number]['value']): ExportRequest => ({
    method: 'GET',
    url: [`${echo.origin}/p`],
    headers: [
      { name: 'X-Login', value },
      { name: 'X-Plain', value: ['kept'] },
    ],
    body: null,
    dropped: [],
    notes: [],
    secrets: [{ name: 'WHY403_S', kind: 'token', places: ['test'], length: 2, note: 'a token' }],
    redacted: true,
    refused: [],
  });

  it("right after it (HTTPie would read the backslash with the secret's first character) is left out", async () => {
    const script = renderHttpie(req(['DOMAIN\\', { ref: 'WHY403_S' }]));
    expect(commentsOf(script, 'sh').join(' ')).toContain('X-Login (a backslash HTTPie reads as an escape)');
    await runScript(script, { WHY403_S: ':pw' });
    expect(echo.received[0]!.headers.map((h) => h.name)).toEqual(expect.not.arrayContaining(['X-Login']));
  });

  it('with text between them is sent exactly', async () => {
    const script = renderHttpie(req(['DOMAIN\\user-', { ref: 'WHY403_S' }]));
    expect(script).not.toContain('Left out');
    await runScript(script, { WHY403_S: 'pw' });
    const got = echo.received[0]!.headers.filter((h) => h.name === 'X-Login');
    expect(got.map((h) => h.value.toString('latin1'))).toEqual(['DOMAIN\\user-pw']);
  });
});

describe.skipIf(!hasTool('httpie'))('a secret that is the whole query', () => {
  const req = (): ExportRequest => ({
    method: 'GET',
    url: [`${echo.origin}/hook?`, { ref: 'WHY403_S' }],
    headers: [],
    body: null,
    dropped: [],
    notes: [],
    secrets: [{ name: 'WHY403_S', kind: 'token', places: ['URL'], length: 12, note: 'a token' }],
    redacted: true,
    refused: [],
  });

  it('is exported, checked when it runs, and sent as set', async () => {
    const script = renderHttpie(req());
    expect(isRefusal(script, 'sh')).toBe(false);
    await runScript(script, { WHY403_S: 'tok-123_ABC~' });
    expect(echo.received.map((x) => x.target)).toEqual(['/hook?tok-123_ABC~']);
  });
});
