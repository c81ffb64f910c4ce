// The HTTPie export run for real (HTTPie 3, `http`) by bash and zsh against a raw echo
// server: the request must arrive byte for byte, or the export must refuse in a comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { buildExportRequest, toHttpie } from '../../../lib/export';
import { renderHttpie } from '../../../lib/export/httpie';
import { Vault } from '../../../lib/redact';
import { startRawEchoServer } from '../../support/raw-echo-server';
import type { EchoServer } from '../../support/echo-server';
import { loadPlanted } from '../redact/planted';
import { casesFor, entryFor, expectedFor, run, tempFile } from './corpus';
import { assertCommentsClean, assertRoundTrip, isRefusal } from './oracle';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(() => echo.close());

// Headers HTTPie (requests) adds on its own when the HAR did not hold them.
export const HTTPIE_EXTRAS = new Set(['host', 'content-length', 'transfer-encoding', 'accept-encoding', 'user-agent']);

async function runHttpie(shell: string, script: string, env: Record<string, string> = {}) {
  echo.reset();
  const r = await run(shell, [tempFile(script, 'sh')], { env: { HOME: '/nonexistent', ...env } });
  if (r.code !== 0) throw new Error(`${shell} exited ${r.code}: ${r.stderr}\n${script.slice(0, 3000)}`);
}

// HTTPie takes about a second to start here: the whole corpus under bash, the quoting-heavy
// cases under zsh as well (the POSIX quoting itself is run by all three shells in curl-exec).
const ZSH_TOO = new Set(['shell-metacharacters-in-query', 'hostile-header-values', 'json-body-every-character']);
const runs = casesFor('httpie').flatMap((c) => [
  ['/bin/bash', c] as const,
  ...(ZSH_TOO.has(c.name) && hasTool('zsh') ? [['/usr/bin/zsh', c] as const] : []),
]);

describe.skipIf(!hasTool('httpie'))('httpie export run by HTTPie', () => {
  it.each(runs.map(([shell, c]) => [c.name, shell, c] as const))('%s (%s)', async (_name, shell, c) => {
    const entry = entryFor(c, echo.origin);
    const script = toHttpie(entry, { index: 0 });
    assertCommentsClean(script, 'sh');
    if (isRefusal(script, 'sh')) {
      await runHttpie(shell, script);
      expect(echo.received).toHaveLength(0);
      return;
    }
    await runHttpie(shell, script);
    assertRoundTrip(echo.received[0], expectedFor(c, entry, 'curl'), HTTPIE_EXTRAS, script, 'sh');
  });
});

describe.skipIf(!hasTool('httpie'))('redacted httpie export', () => {
  const { har } = loadPlanted();
  it.each(har.log.entries.map((e, i) => [i, e] as const))(
    'planted entry %i runs once its variables are set',
    async (_i, original) => {
      const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
      const vault = new Vault();
      const req = buildExportRequest(entry, { redact: true, vault });
      const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
      const script = renderHttpie(req);
      echo.reset();
      const r = await run('/bin/bash', [tempFile(script, 'sh')], { env: { HOME: '/nonexistent', ...env } });
      if (isRefusal(script, 'sh')) return expect(echo.received).toHaveLength(0);
      if (r.code !== 0) {
        // Stopped by a check: a secret's value HTTPie would change; nothing sent, and it says so.
        expect(r.stderr).toMatch(/why403: WHY403_\w+ holds text HTTPie would change/);
        return expect(echo.received).toHaveLength(0);
      }
      assertRoundTrip(echo.received[0], expectedFor({}, entry, 'curl'), HTTPIE_EXTRAS, script, 'sh');
    },
  );
});
