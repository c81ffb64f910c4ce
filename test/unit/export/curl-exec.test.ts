// Every POSIX curl export of the hostile corpus, run by real bash and real dash with real
// curl against a local echo server: what the server received must equal the HAR entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { buildExportRequest, toCurl } from '../../../lib/export';
import { renderCurl } from '../../../lib/export/curl';
import { Vault } from '../../../lib/redact';
import { loadPlanted } from '../redact/planted';
import { startEchoServer, type EchoServer } from '../../support/echo-server';
import { assertSame, casesFor, CLIENT_EXTRAS, entryFor, expectedFor, run, tempFile } from './corpus';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const SHELLS = ['/bin/bash', ...(hasTool('dash') ? ['/usr/bin/dash'] : [])];
// Without curl the cases are listed as skipped (an empty suite would fail the file).
const itCurl = hasTool('curl') ? it : it.skip;

describe.each(SHELLS)('curl export run by %s', (shell) => {
  itCurl.each(casesFor('curl').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, echo.origin);
    const script = toCurl(entry, { index: 0 });
    echo.reset();
    const r = await run(shell, [tempFile(script, 'sh')]);
    if (r.code !== 0) throw new Error(`${shell} exited ${r.code}: ${r.stderr}\n${script.slice(0, 3000)}`);
    assertSame(echo.received[0], expectedFor(c, entry, 'curl'), CLIENT_EXTRAS.curl, true);
  });
});

describe.each(SHELLS)('redacted curl export run by %s once its variables are set', (shell) => {
  const { har } = loadPlanted();
  itCurl.each(har.log.entries.map((e, i) => [i, e] as const))('planted entry %i', async (_i, original) => {
    const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
    const vault = new Vault();
    const req = buildExportRequest(entry, { redact: true, vault });
    const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
    echo.reset();
    const r = await run(shell, [tempFile(renderCurl(req), 'sh')], { env });
    if (r.code !== 0) throw new Error(`${shell} exited ${r.code}: ${r.stderr}`);
    assertSame(echo.received[0], expectedFor({}, entry, 'curl'), CLIENT_EXTRAS.curl, true);
  });

  it('refuses to run, and sends nothing, while a variable is unset', async () => {
    const entry = entryFor({ name: '', why: '', request: har.log.entries[1]!.request }, echo.origin);
    echo.reset();
    const r = await run(shell, [tempFile(toCurl(entry, { redact: true }), 'sh')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/WHY403_\w+/);
    expect(echo.received).toHaveLength(0);
  });
});
