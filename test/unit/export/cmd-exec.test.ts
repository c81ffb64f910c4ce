// cmd.exe is not installed here: the curl-cmd export is parsed back by cmd's and the C
// runtime's quoting rules (cmd-sim.ts), and the argv curl.exe would receive is run with the
// real curl against the echo server, which must receive the HAR's request byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { buildExportRequest, toCurlCmd } from '../../../lib/export';
import { renderCurlCmd } from '../../../lib/export/curl-cmd';
import { Vault } from '../../../lib/redact';
import { startEchoServer, type EchoServer } from '../../support/echo-server';
import { loadPlanted } from '../redact/planted';
import { msvcrtArgv, parseCmd, percentPhase, percentPhaseBatch, specialPhase } from './cmd-sim';
import { assertSame, casesFor, CLIENT_EXTRAS, entryFor, expectedFor, run, tempFile } from './corpus';
import { writeFileSync } from 'node:fs';
import { powershellCurl } from './windows-run';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

// Variables that exist on a real machine, named like text in the corpus: an escaping
// mistake would expand them.
const ENV = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me', ID: 'X', A: 'Y', PROCESSOR_ARCHITECTURE: 'AMD64' };

/** What cmd.exe would run for a curl-cmd export, run here with the real curl. */
export async function runCmd(script: string, env: Record<string, string>) {
  const { guards, pipeline } = parseCmd(script, env);
  expect(guards).toEqual([]);
  // Saved as a .cmd file and run, it must hand curl.exe the same words.
  expect(parseCmd(script, env, true).pipeline, 'read differently in a .cmd file').toEqual(pipeline);
  expect(pipeline, 'a pipe: cmd would re-parse each side').toHaveLength(1);
  const argv = pipeline[0]!;
  let r;
  echo.reset();
  if (argv[0] === 'curl.exe') r = await run('curl', argv.slice(1));
  else {
    const bodyPath = tempFile('', 'bin');
    const { config, bodyFile } = powershellCurl(argv, env, bodyPath);
    if (bodyFile) writeFileSync(bodyPath, bodyFile);
    r = await run('curl', ['--config', '-'], { input: config });
  }
  if (r.code !== 0) throw new Error(`curl exited ${r.code}: ${r.stderr}\n${script.slice(0, 2000)}`);
}

describe('the cmd and C runtime model', () => {
  it('follows the documented examples', () => {
    expect(msvcrtArgv('"a b c" d e')).toEqual(['a b c', 'd', 'e']);
    expect(msvcrtArgv('"ab\\"c" "\\\\" d')).toEqual(['ab"c', '\\', 'd']);
    expect(msvcrtArgv('a\\\\\\b d"e f"g h')).toEqual(['a\\\\\\b', 'de fg', 'h']);
    expect(msvcrtArgv('a\\\\\\"b c d')).toEqual(['a\\"b', 'c', 'd']);
    expect(msvcrtArgv('a\\\\\\\\"b c" d e')).toEqual(['a\\\\b c', 'd', 'e']);
    expect(percentPhase('%PATH% %nope% 100%', { PATH: 'p' })).toBe('p %nope% 100%');
    expect(percentPhase('%a %b% c%', { b: 'a' })).toBe('%a a c%');
    expect(percentPhaseBatch('%% %PATH% %nope% 100%', { PATH: 'p' })).toBe('% p  100');
    expect(percentPhaseBatch('%1x %*y %a', {})).toBe('x y a');
    expect(specialPhase('a ^& b "c & d"')).toEqual([{ kind: 'text', text: 'a & b "c & d"' }]);
    expect(() =>
      specialPhase('a & b')
        .filter((t) => t.kind === 'op')
        .forEach(() => {
          throw new Error('op');
        }),
    ).toThrow();
  });
});

describe.skipIf(!hasTool('curl'))('curl-cmd export parsed back and run with curl', () => {
  it.each(casesFor('curl-cmd').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, echo.origin);
    await runCmd(toCurlCmd(entry, { index: 0 }), ENV);
    assertSame(echo.received[0], expectedFor(c, entry, 'curl'), CLIENT_EXTRAS.curl, true);
  });

  const { har } = loadPlanted();
  it.each(har.log.entries.map((e, i) => [i, e] as const))(
    'redacted planted entry %i runs once its variables are set',
    async (_i, original) => {
      const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
      const vault = new Vault();
      const req = buildExportRequest(entry, { redact: true, vault });
      const env: Record<string, string> = { ...ENV };
      for (const s of req.secrets) env[s.name] = vault.valueOf(s.name)!;
      await runCmd(renderCurlCmd(req), env);
      assertSame(echo.received[0], expectedFor({}, entry, 'curl'), CLIENT_EXTRAS.curl, true);
    },
  );
});
