// A redacted body that must go through a format's byte path (too big for one argument or one
// curl config line) still holds its secrets as placeholders: once the variables are set, the
// server receives the captured body byte for byte, literal runs and secrets in their order.
// curl and HTTPie run for real; PowerShell through its model (ps-sim.ts) feeding the real curl.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { buildExportRequest } from '../../../lib/export';
import { renderCurl } from '../../../lib/export/curl';
import { renderHttpie } from '../../../lib/export/httpie';
import { renderPowerShell } from '../../../lib/export/powershell';
import { Vault } from '../../../lib/redact';
import type { EchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { entryFor, run, tempFile } from './corpus';
import { interpretPowerShell } from './ps-sim';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(() => echo.close());

// Over Linux's 128 KiB argument limit and curl's config line limit; two secrets, one with
// bytes outside ASCII, split by literal text.
const BODY =
  'client_secret=s3cr3t-Abcdef0123456789%C3%A9&pad=' + 'x'.repeat(140_000) + '&access_token=tok-Zyx9876543210abc&end=1';

function redacted() {
  const entry = entryFor(
    {
      name: 'redacted-large-form',
      why: '',
      request: {
        method: 'POST',
        url: '/form',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
        postData: { mimeType: 'application/x-www-form-urlencoded', text: BODY },
      },
    },
    echo.origin,
  );
  const vault = new Vault();
  const req = buildExportRequest(entry, { redact: true, vault });
  // The premise: both secrets are placeholders, between literal runs.
  expect(req.secrets.map((s) => s.name)).toHaveLength(2);
  const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
  return { req, env };
}

function expectBody() {
  expect(echo.received).toHaveLength(1);
  expect(echo.received[0]!.body.toString('latin1')).toBe(BODY);
}

describe.skipIf(!hasTool('curl'))('a redacted body on the byte path', () => {
  it('curl (bash and dash): printf writes the literals and the variables in order', async () => {
    const { req, env } = redacted();
    const script = renderCurl(req);
    expect(script).toMatch(/^printf /m);
    for (const shell of ['/bin/bash', ...(hasTool('dash') ? ['/usr/bin/dash'] : [])]) {
      echo.reset();
      const r = await run(shell, [tempFile(script, 'sh')], { env });
      expect(r.code, r.stderr).toBe(0);
      expectBody();
    }
  });

  it.skipIf(!hasTool('httpie'))(
    'HTTPie (bash): the printf pipe carries the literals and the variables in order',
    async () => {
      const { req, env } = redacted();
      echo.reset();
      const r = await run('/bin/bash', [tempFile(renderHttpie(req), 'sh')], { env: { HOME: '/nonexistent', ...env } });
      expect(r.code, r.stderr).toBe(0);
      expectBody();
    },
  );

  it('PowerShell: the temporary body file holds the literals and the variables in order', async () => {
    const { req, env } = redacted();
    const { config, files } = interpretPowerShell(renderPowerShell(req), env, tempFile('', 'bin'));
    expect(files.size).toBe(1);
    for (const [path, bytes] of files) writeFileSync(path, bytes);
    echo.reset();
    const r = await run('curl', ['--config', '-'], { input: Buffer.from(config, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    expectBody();
  });
});
