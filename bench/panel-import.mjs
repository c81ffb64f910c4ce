// `node bench/panel-import.mjs [entries]`: only the import part of the panel benchmark (issue 19),
// for working on it: imports a generated HAR into the real panel in real DevTools and prints the
// figures. CPU profile of the panel with --profile (bench/out/panel-import.cpuprofile).
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generateHar } from './generate-har.mjs';
import { noticeNames, secretsRead, stopWatching, timeOps, totalAtLeast, watchImport } from './panel/in-panel.mjs';
import { median, openPanel, panelHeap, percentile } from './panel/session.mjs';

const entries = Number(process.argv[2] ?? 20000);
const profile = process.argv.includes('--profile');
const session = await openPanel();
try {
  const { page, panel, server } = session;
  await page.goto(`${server.originA}/`);
  await panel.waitForFunction(totalAtLeast, 1, { polling: 100, timeout: 30_000 });
  const file = `bench/out/panel-${entries}.har`;
  writeFileSync(file, JSON.stringify(generateHar(entries)));
  const cdp = profile ? await session.context.newCDPSession(panel) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await panel.evaluate(watchImport);
  const t0 = Date.now();
  await panel.locator('[data-testid="import-har"]').setInputFiles(file);
  await panel.waitForFunction(noticeNames, [basename(file)], { polling: 100, timeout: 300_000 });
  const ms = Date.now() - t0;
  const w = await panel.evaluate(stopWatching);
  if (cdp)
    writeFileSync('bench/out/panel-import.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
  let search = null;
  if (process.argv.includes('--search')) {
    const { keystrokeOps } = await import('./panel-bench.mjs');
    // Keystrokes are timed once the import has settled (its worker read every body for secrets).
    await panel.waitForFunction(secretsRead, null, { polling: 100, timeout: 300_000 });
    if (cdp) await cdp.send('Profiler.start');
    const ops = await panel.evaluate(timeOps, keystrokeOps());
    if (cdp)
      writeFileSync('bench/out/panel-search.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const keys = ops.filter((o) => o.kind === 'search').map((o) => o.ms);
    search = {
      medianMs: median(keys),
      p95Ms: percentile(keys, 95),
      maxMs: Math.max(...keys),
      rowsInDom: Math.max(...ops.map((o) => o.rowsInDom)),
    };
  }
  console.log(
    JSON.stringify({
      entries,
      wholeFileMs: ms,
      firstFlaggedMs: w.firstFlaggedAt - t0,
      longestTaskMs: Math.max(0, ...w.longTasks),
      tasksOver200Ms: w.longTasks.filter((d) => d > 200).length,
      heap: await panelHeap(session),
      search,
    }),
  );
} finally {
  await session.close();
}
