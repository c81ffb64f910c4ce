// Each injection class of issue 10, pinned as a named case and run by every runner (see
// runners.ts): the payload would create why403marker in the working directory if it ran.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportRequest, exportEntry } from '../../../lib/export';
import type { HarEntry } from '../../../lib/har/types';
import { Vault } from '../../../lib/redact';
import type { EchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { entryFor } from './corpus';
import { MARKER } from './hostile-gen';
import { checkExport, RUNNERS } from './runners';

let echo: EchoServer;
const root = mkdtempSync(join(tmpdir(), 'why403-classes-'));
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(async () => {
  await echo.close();
  rmSync(root, { recursive: true, force: true });
});

const JS = `require("fs").writeFileSync("${MARKER}","")//`;
const CMD = `& type nul > ${MARKER} & `;

interface Class {
  name: string;
  request: HarEntry['request'];
  redact?: boolean;
  /** Formats that must refuse this request outright. */
  refusedBy?: string[];
}

const h = (name: string, value: string) => ({ name, value });
const req = (method: string, url: string, headers: { name: string; value: string }[], body?: string) =>
  ({
    method,
    url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    ...(body !== undefined ? { postData: { mimeType: 'text/plain', text: body } } : {}),
  }) as HarEntry['request'];

const CLASSES: Class[] = [
  {
    name: 'fetch/node: line terminators in a value quoted in a // comment (Origin, Referer)',
    request: req('POST', '/api', [
      h('Origin', `https://a.example\u2028${JS}`),
      h('Referer', `https://a.example/\u2029${JS}`),
      h('X-Note', `a\u0085${JS}`),
    ]),
  },
  {
    name: 'HTTPie: a method that reads as an option',
    request: req(`-o${MARKER}`, '/m', []),
    refusedBy: ['httpie'],
  },
  {
    name: 'HTTPie: a header name that reads as an option',
    request: req('GET', '/h', [h(`-o${MARKER}`, 'x'), h('--verbose', 'y')]),
  },
  {
    name: 'cmd: CR/LF in the method',
    request: req(`GET\r\n${CMD}\r\n`, '/x', []),
    refusedBy: ['curl', 'curl-cmd', 'powershell', 'fetch', 'node', 'httpie'],
  },
  {
    name: 'cmd: LF in the URL',
    request: req('GET', `/x\n${CMD}`, []),
    refusedBy: ['curl', 'curl-cmd', 'powershell', 'fetch', 'node', 'httpie'],
  },
  {
    name: 'cmd: operators, carets, quotes and %VAR% in values and the URL',
    // requests would re-encode this URL, so HTTPie refuses it (the others carry it exactly).
    refusedBy: ['httpie'],
    request: req(
      'POST',
      `/q?a=1${encodeURIComponent(CMD)}&b=%PATH%&c=!PATH!^&d="x"`,
      [h('X-A', `"${CMD}^"%PATH%!x!`)],
      `${CMD}"^%PATH%`,
    ),
  },
  {
    name: 'cmd: a redacted secret whose value holds & | < > ^ " %',
    request: req('GET', '/s', [h('Authorization', `Bearer a${CMD}|x^"<y>%PATH%!PATH!z`)]),
    redact: true,
  },
  {
    name: 'shells: quotes, $(), backticks and a leading dash in every place',
    refusedBy: ['httpie'],
    request: req(
      'PUT',
      `/p/$(touch%20${MARKER})?\`touch ${MARKER}\``.replace(/ /g, '%20'),
      [h('X-S', `'$(touch ${MARKER})'\`touch ${MARKER}\`"$HOME"`)],
      `-v x\0'$(touch ${MARKER})'`,
    ),
  },
  {
    name: 'terminal: escape sequences, CR and bidi overrides in a body and a header',
    request: req('POST', '/t', [h('X-T', 'a\u009b31m\u202eb')], 'a\u001b]0;x\u0007\u001b[2J\r\u202eb\u2066c'),
  },
];

describe.each(CLASSES)('$name', (c) => {
  it.each(RUNNERS.map((r) => [r.name, r] as const))('%s', async (_n, runner) => {
    const entry = entryFor({ name: c.name, why: '', request: c.request }, echo.origin);
    let env: Record<string, string> = {};
    if (c.redact) {
      const vault = new Vault();
      const r = buildExportRequest(entry, { redact: true, vault });
      expect(r.secrets.length).toBeGreaterThan(0);
      env = Object.fromEntries(r.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
    }
    const outcome = await checkExport(runner, entry, echo, root, env, { redact: c.redact });
    if (c.refusedBy?.includes(runner.format)) {
      expect(outcome).toBe('refused');
      expect(exportEntry(entry, runner.format)).toMatch(/Not exported: /);
    } else expect(outcome).toBe('sent');
  });
});
