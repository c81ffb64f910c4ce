// What real Chromium records for requests the browser itself stops (issue 13): run with
//   npx tsx scripts/investigate-browser-blocks.ts  (after `npx wxt build`)
// It opens the scenario server's pages with DevTools and the panel, triggers a CORP-blocked
// no-cors fetch, a COEP-blocked one and a CSP connect-src violation, then prints what
// devtools.network.getHAR() holds for each (status, _error, _resourceType, headers) and what
// the page's securitypolicyviolation event carried. Findings: docs/browser-blocks.md.
import { launchWithPanel } from '../test/e2e/harness.ts';
import { COEP_PAGE_PATH, CSP_PAGE_PATH } from '../test/server/routes/hidden.ts';

type Entry = {
  request: { method: string; url: string; headers: { name: string; value: string }[] };
  response: { status: number; statusText: string; _error?: string; headers: { name: string; value: string }[] };
  _resourceType?: string;
};

async function dump(panel: import('@playwright/test').Frame): Promise<void> {
  const har = await panel.evaluate(
    () =>
      new Promise((resolve) =>
        (
          globalThis as unknown as { chrome: { devtools: { network: { getHAR(cb: (h: unknown) => void): void } } } }
        ).chrome.devtools.network.getHAR(resolve),
      ),
  );
  for (const e of (har as { entries: Entry[] }).entries) {
    const hdr = (hs: { name: string; value: string }[], re: RegExp) =>
      hs.filter((h) => re.test(h.name)).map((h) => `${h.name}: ${h.value}`);
    console.log(
      JSON.stringify({
        method: e.request.method,
        url: e.request.url,
        status: e.response.status,
        statusText: e.response.statusText,
        _error: e.response._error,
        _resourceType: e._resourceType,
        secFetch: hdr(e.request.headers, /^sec-fetch|^origin$/i),
        resHeaders: hdr(e.response.headers, /cross-origin|content-security|content-type/i),
      }),
    );
  }
}

const session = await launchWithPanel();
const { page, panel, server } = session;
try {
  await page.waitForLoadState('load');
  await page.locator('#scenario-corp-same-origin').click();
  await page.waitForFunction(() => document.getElementById('scenario-corp-same-origin')?.dataset.runs === '1');
  console.log('CORP page outcome:', await page.locator('#result-corp-same-origin').textContent());
  await new Promise((r) => setTimeout(r, 1000));
  await dump(panel);

  for (const path of [COEP_PAGE_PATH, CSP_PAGE_PATH]) {
    await page.goto(`${server.originA}${path}`);
    await page.evaluate(() => {
      (globalThis as unknown as { __v: unknown[] }).__v = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (globalThis as unknown as { __v: unknown[] }).__v.push({
          blockedURI: e.blockedURI,
          violatedDirective: e.violatedDirective,
          effectiveDirective: e.effectiveDirective,
          originalPolicy: e.originalPolicy,
          disposition: e.disposition,
          documentURI: e.documentURI,
          sourceFile: e.sourceFile,
          lineNumber: e.lineNumber,
          statusCode: e.statusCode,
          sample: e.sample,
        });
      });
    });
    await page.locator('#run').click();
    await page.waitForFunction(() => document.getElementById('run')?.dataset.runs === '1');
    console.log(`${path} outcome:`, await page.locator('#result').textContent());
    console.log(
      `${path} securitypolicyviolation events:`,
      JSON.stringify(await page.evaluate(() => (globalThis as unknown as { __v: unknown[] }).__v), null, 1),
    );
    await new Promise((r) => setTimeout(r, 1000));
    await dump(panel);
  }
} finally {
  await session.close();
}
