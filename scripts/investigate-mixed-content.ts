// What real Chromium records for a mixed-content fetch (issue 13): an https page calling an
// http URL. Run with `npx tsx scripts/investigate-mixed-content.ts` after `npx wxt build`.
// An https listener with a throw-away self-signed certificate serves the page; Chromium accepts it
// through --ignore-certificate-errors, and maps insecure.test to 127.0.0.1 (loopback http URLs are
// "potentially trustworthy" and never mixed content, so the http target needs a real host name).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithPanel } from '../test/e2e/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'why403-tls-'));
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=secure.test',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ],
  { stdio: 'ignore' },
);

const session0 = { httpPort: 0 };
const https = createServer(
  { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
  (req, res) => {
    const target = `http://insecure.test:${session0.httpPort}/api/public/ping?from=https-page`;
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!DOCTYPE html><title>https page</title><button id="run">Run</button><output id="result"></output>
<img id="img" alt="">
<script>
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('result');
  try { const r = await fetch(${JSON.stringify(target)}); out.textContent = 'status ' + r.status; }
  catch (e) { out.textContent = String(e); }
  document.getElementById('img').src = ${JSON.stringify(`http://insecure.test:${session0.httpPort}/corp/avatar.png?mixed-img`)};
  document.getElementById('run').dataset.runs = '1';
};
</script>`);
  },
);
await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
const httpsPort = (https.address() as AddressInfo).port;

const session = await launchWithPanel({
  url: 'about:blank',
  extraArgs: [
    '--ignore-certificate-errors',
    '--host-resolver-rules=MAP insecure.test 127.0.0.1, MAP secure.test 127.0.0.1',
  ],
});
session0.httpPort = session.server.portB;
const { page, panel } = session;
try {
  await page.goto(`https://secure.test:${httpsPort}/`);
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.locator('#run').click();
  await page.waitForFunction(() => document.getElementById('run')?.dataset.runs === '1');
  await new Promise((r) => setTimeout(r, 1500));
  console.log('page outcome:', await page.locator('#result').textContent());
  console.log('console:', messages.join('\n'));
  const har = (await panel.evaluate(
    () =>
      new Promise<unknown>((resolve) =>
        (
          globalThis as unknown as { chrome: { devtools: { network: { getHAR(cb: (h: unknown) => void): void } } } }
        ).chrome.devtools.network.getHAR(resolve),
      ),
  )) as {
    entries: {
      request: { url: string; method: string; headers: { name: string; value: string }[] };
      response: { status: number; _error?: string; headers: unknown[] };
      _resourceType?: string;
    }[];
  };
  for (const e of har.entries)
    console.log(
      JSON.stringify({
        url: e.request.url,
        status: e.response.status,
        _error: e.response._error,
        _resourceType: e._resourceType,
        responseHeaders: e.response.headers.length,
        requestHeaders: e.request.headers,
      }),
    );
  const rows = await panel
    .locator('[data-testid="request-row"]')
    .evaluateAll((rs) => rs.map((r) => ({ ...(r as HTMLElement).dataset })));
  console.log('panel rows (flagged filter):', JSON.stringify(rows));
  await panel.locator('[data-testid="filter-all"]').click();
  await new Promise((r) => setTimeout(r, 300));
  const all = await panel
    .locator('[data-testid="request-row"]')
    .evaluateAll((rs) => rs.map((r) => `${(r as HTMLElement).dataset.status} ${(r as HTMLElement).dataset.url}`));
  console.log('panel rows (all, from onRequestFinished):', JSON.stringify(all));
} finally {
  await session.close();
  https.close();
}
