// What Firefox ESR exposes to the page for the browser-block cases (issue 13), without DevTools:
//   npx tsx scripts/investigate-firefox-page.ts
// Driving Firefox's DevTools needs a Marionette harness; this probe only runs a page in headless
// firefox-esr that tries each case and POSTs what it saw back to this script: the fetch outcome of
// a CORP-blocked no-cors call, the securitypolicyviolation fields of a connect-src block, and
// whether ReportingObserver (the buffered source the panel also uses) exists.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScenarioServer } from '../test/server/server.ts';

const api = await startScenarioServer({ portA: 0, portB: 0 });
let resolveResult: (v: string) => void = () => undefined;
const result = new Promise<string>((r) => (resolveResult = r));

const probe = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/collect') {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(204).end();
      resolveResult(body);
    });
    return;
  }
  if (url.pathname === '/csp-frame') {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': "connect-src 'self'" });
    res.end(`<script>
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push({ blockedURI: e.blockedURI,
        violatedDirective: e.violatedDirective, effectiveDirective: e.effectiveDirective, originalPolicy: e.originalPolicy,
        disposition: e.disposition, documentURI: e.documentURI, sourceFile: e.sourceFile, lineNumber: e.lineNumber }));
      fetch(${JSON.stringify(`${api.originB}/api/public/ping?from=firefox-csp`)}).then((r) => 'status ' + r.status, (e) => String(e))
        .then((outcome) => setTimeout(() => parent.postMessage({ outcome, seen }, '*'), 500));
    </script>`);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<script>
    (async () => {
      const out = { userAgent: navigator.userAgent, reportingObserver: typeof ReportingObserver };
      try { const r = await fetch(${JSON.stringify(`${api.originB}/corp/avatar.png`)}, { mode: 'no-cors' }); out.corp = 'resolved, type ' + r.type + ', status ' + r.status; }
      catch (e) { out.corp = 'rejected: ' + e; }
      const frame = document.createElement('iframe');
      frame.src = '/csp-frame';
      window.addEventListener('message', (m) => {
        out.csp = m.data;
        fetch('/collect', { method: 'POST', body: JSON.stringify(out) });
      });
      document.body.append(frame);
    })();
  </script>`);
});
await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
const port = (probe.address() as AddressInfo).port;

const profile = mkdtempSync(join(tmpdir(), 'why403-ff-'));
const ff = spawn(
  '/usr/bin/firefox-esr',
  ['--headless', '--no-remote', '--profile', profile, `http://127.0.0.1:${port}/`],
  {
    stdio: 'ignore',
  },
);
const timeout = new Promise<string>((r) => setTimeout(() => r('{"error":"timed out after 60 s"}'), 60_000));
try {
  console.log(JSON.stringify(JSON.parse(await Promise.race([result, timeout])), null, 1));
} finally {
  ff.kill('SIGTERM');
  probe.close();
  await api.stop();
  rmSync(profile, { recursive: true, force: true });
}
