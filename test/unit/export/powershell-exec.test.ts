// PowerShell is not installed here: the export is interpreted by its quoting rules
// (ps-sim.ts), and the curl config it pipes to curl.exe is fed to the real curl, against
// the echo server, which must receive the HAR's request byte for byte.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { buildExportRequest, toPowerShell } from '../../../lib/export';
import { renderPowerShell } from '../../../lib/export/powershell';
import { Vault } from '../../../lib/redact';
import { startEchoServer, type EchoServer } from '../../support/echo-server';
import { loadPlanted } from '../redact/planted';
import { assertSame, casesFor, CLIENT_EXTRAS, entryFor, expectedFor, run, tempFile } from './corpus';
import { interpretPowerShell, psEval } from './ps-sim';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

async function runPs(script: string, env: Record<string, string>) {
  const { config, files } = interpretPowerShell(script, env, tempFile('', 'bin'));
  for (const [path, bytes] of files) writeFileSync(path, bytes);
  echo.reset();
  const r = await run('curl', ['--config', '-'], { input: Buffer.from(config, 'utf8') });
  if (r.code !== 0) throw new Error(`curl exited ${r.code}: ${r.stderr}\n${config.slice(0, 2000)}`);
}

describe('the PowerShell model', () => {
  it('reads single quotes, curly quotes and concatenation like PowerShell', () => {
    expect(psEval("'it''s'", () => '')).toBe("it's");
    expect(psEval('\u2018a\u2018\u2018b\u2019', () => '')).toBe('a\u2018b');
    expect(psEval("'a\u2019\u2019b' + 'c'", () => '')).toBe('a\u2019b' + 'c');
    expect(psEval("('a' + (Why403-Cfg 'x'))", (_f, a) => a.toUpperCase())).toBe('aX');
  });
});

describe.skipIf(!hasTool('curl'))('powershell export interpreted and run with curl --config', () => {
  it.each(casesFor('powershell').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, echo.origin);
    await runPs(toPowerShell(entry, { index: 0 }), {});
    assertSame(echo.received[0], expectedFor(c, entry, 'curl'), CLIENT_EXTRAS.curl, true);
  });

  const { har } = loadPlanted();
  it.each(har.log.entries.map((e, i) => [i, e] as const))(
    'redacted planted entry %i runs once its variables are set',
    async (_i, original) => {
      const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
      const vault = new Vault();
      const req = buildExportRequest(entry, { redact: true, vault });
      const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
      await runPs(renderPowerShell(req), env);
      assertSame(echo.received[0], expectedFor({}, entry, 'curl'), CLIENT_EXTRAS.curl, true);
    },
  );

  it('refuses to run with a variable unset', () => {
    const { har: h } = loadPlanted();
    expect(() => interpretPowerShell(toPowerShell(h.log.entries[1]!, { redact: true }), {}, '/tmp/x')).toThrow(
      /Set \$env:WHY403_/,
    );
  });
});
