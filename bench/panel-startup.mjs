// Panel start-up in real DevTools, per browser: figures only (docs/browser-apis.md records them).
// Usage: node bench/panel-startup.mjs [extensionDir] [runs]. Browsers: /usr/bin/chromium and,
// when scripts/old-browsers.sh has fetched it, the previous Chromium.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const extensionPath = process.argv[2] ?? '.output/chrome-mv3';
const runs = Number(process.argv[3] ?? 5);
const OLD = '/var/cache/why403-browsers/chromium-150/usr/lib/chromium/chromium';
const browsers = [['chromium', '/usr/bin/chromium'], ...(existsSync(OLD) ? [['chromium-150', OLD]] : [])];

register();
const { launchWithPanel } = await import('../test/e2e/harness.ts');
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Bytes of the scripts each page loads (chunks included), so bundle size sits next to timing. */
function scriptBytes(dir) {
  const sizes = {};
  for (const sub of ['chunks', 'assets']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const f of readdirSync(join(dir, sub)))
      if (f.endsWith('.js')) sizes[`${sub}/${f}`] = statSync(join(dir, sub, f)).size;
  }
  return sizes;
}

// Runs in the panel: its own navigation timing and first contentful paint, in ms from its start.
const timing = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null };
})()`;

const out = { extensionPath, scripts: scriptBytes(extensionPath) };
for (const [name, executablePath] of browsers) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const session = await launchWithPanel({ extensionPath, executablePath, url: 'about:blank' });
    try {
      samples.push(await session.panel.evaluate(timing));
    } finally {
      await session.close();
    }
  }
  const pick = (k) => Math.round(median(samples.map((s) => s[k]).filter((v) => v !== null)));
  out[name] = { runs, domContentLoadedMs: pick('domContentLoaded'), loadMs: pick('load'), fcpMs: pick('fcp') };
}
console.log(JSON.stringify(out, null, 2));
