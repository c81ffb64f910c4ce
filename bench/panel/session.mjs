// Starts the real panel in real DevTools through the e2e harness (TypeScript, loaded via tsx).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const MANIFEST = '.output/chrome-mv3/manifest.json';

export async function openPanel(options = {}) {
  if (!existsSync(MANIFEST)) {
    const build = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8', stdio: 'pipe' });
    if (build.status !== 0) throw new Error(`wxt build failed: ${build.stderr || build.stdout}`);
  }
  register();
  const { launchWithPanel } = await import('../../test/e2e/harness.ts');
  return launchWithPanel({ headless: true, ...options });
}

/** JS heap of the panel's renderer after a full GC, through the DevTools protocol. */
export async function panelHeap(session) {
  const cdp = await session.context.newCDPSession(session.panel);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { usedMB: +(usedSize / 1e6).toFixed(1), totalMB: +(totalSize / 1e6).toFixed(1) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
