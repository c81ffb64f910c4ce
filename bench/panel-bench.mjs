// The panel benchmark (issue 3): measured in Debian's Chromium with the built panel shown in
// real DevTools. Figures only, never assertions: bench/run.mjs prints and saves what this returns.
import { statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generateHar } from './generate-har.mjs';
import { captureRatio } from './panel-capture.mjs';
import {
  listEnds,
  noticeNames,
  noticeText,
  secretsRead,
  stopWatching,
  timeOps,
  totalAtLeast,
  watchImport,
} from './panel/in-panel.mjs';
import { median, openPanel, panelHeap, percentile } from './panel/session.mjs';
import { soak } from './panel-soak.mjs';

const ENTRIES = 20000;
const round = (n) => +n.toFixed(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Drops bodies the way a live capture holds them: only refused entries have theirs. */
function liveShaped(har) {
  for (const e of har.log.entries) {
    const refused = [401, 403, 407, 419, 429].includes(e.response.status) || e.response._error;
    if (!refused) delete e.response.content.text;
  }
  return har;
}

async function importHar(panel, file) {
  const name = basename(file);
  await panel.evaluate(watchImport);
  const t0 = Date.now();
  await panel.locator('[data-testid="import-har"]').setInputFiles(file);
  // The notice names the file once every entry is in (or says why not).
  await panel.waitForFunction(noticeNames, [name], { polling: 100, timeout: 300_000 });
  const ms = Date.now() - t0;
  const watched = await panel.evaluate(stopWatching);
  return {
    ms,
    firstFlaggedMs: watched.firstFlaggedAt === null ? null : watched.firstFlaggedAt - t0,
    longestTaskMs: Math.max(0, ...watched.longTasks),
    tasksOver200Ms: watched.longTasks.filter((d) => d > 200).length,
    harMB: +(statSync(file).size / 1e6).toFixed(1),
    notice: (await panel.evaluate(noticeText)).replace(/×$/, ''),
  };
}

export function keystrokeOps() {
  const text = 'example.com/v1/users';
  const ops = [{ kind: 'filter', value: 'all' }];
  for (let i = 1; i <= text.length; i++) ops.push({ kind: 'search', value: text.slice(0, i) });
  for (let i = text.length - 1; i >= 0; i--) ops.push({ kind: 'search', value: text.slice(0, i) });
  for (let round = 0; round < 3; round++)
    for (const f of ['flagged', 'cors', 'all']) ops.push({ kind: 'filter', value: f });
  return ops;
}

async function twentyThousand(session) {
  const { page, panel, server } = session;
  // A fresh page load empties DevTools' log, so the live capture stays small beside the import.
  await page.goto(`${server.originA}/`);
  await panel.waitForFunction(totalAtLeast, 1, { polling: 100, timeout: 30_000 });
  await sleep(500);

  const fullFile = `bench/out/panel-${ENTRIES}.har`;
  writeFileSync(fullFile, JSON.stringify(generateHar(ENTRIES)));
  const imported = await importHar(panel, fullFile);
  // Keystrokes are timed once the import has settled (its worker read every body for secrets).
  const inAt = Date.now();
  await panel.waitForFunction(secretsRead, null, { polling: 100, timeout: 300_000 });
  const secretsReadAfterMs = Date.now() - inAt;
  const status = await panel.locator('[data-testid="capture-status"]').evaluate((el) => ({ ...el.dataset }));
  const heapWithBodies = await panelHeap(session);
  const ops = await panel.evaluate(timeOps, keystrokeOps());
  const keys = ops.filter((o) => o.kind === 'search').map((o) => o.ms);
  const filters = ops.filter((o) => o.kind === 'filter').map((o) => o.ms);
  const maxRowsInDom = Math.max(...ops.map((o) => o.rowsInDom));
  const ends = await panel.evaluate(listEnds);

  const liveFile = `bench/out/panel-${ENTRIES}-live-shaped.har`;
  writeFileSync(liveFile, JSON.stringify(liveShaped(generateHar(ENTRIES))));
  const liveImport = await importHar(panel, liveFile);
  const heapLive = await panelHeap(session);
  const goal = (value, limit, unit = '') => `${value}${unit} (goal <= ${limit}${unit})`;

  return {
    [`panel search/filter keystroke (${ENTRIES} entries)`]: {
      entries: Number(status.total),
      searchKeystrokes: keys.length,
      searchMedianMs: round(median(keys)),
      searchP95Ms: goal(round(percentile(keys, 95)), 16, ' ms'),
      searchMaxMs: round(Math.max(...keys)),
      filterMedianMs: round(median(filters)),
      filterMaxMs: round(Math.max(...filters)),
      maxRowsInDom: goal(maxRowsInDom, 100),
      listEnds: `first #${ends.first}, last #${ends.last} of ${Number(status.total)}`,
    },
    [`panel import ${ENTRIES}-entry HAR`]: {
      harMB: imported.harMB,
      held: `${status.total} of ${ENTRIES}`,
      firstFlaggedRowMs: goal(imported.firstFlaggedMs, 1000, ' ms'),
      wholeFileMs: goal(imported.ms, 5000, ' ms'),
      bodiesReadForSecretsMs: `${secretsReadAfterMs} more after the file is in (in the import worker; exports wait for it)`,
      longestMainThreadTaskMs: goal(imported.longestTaskMs, 200, ' ms'),
      tasksOver200Ms: imported.tasksOver200Ms,
      notice: imported.notice,
      liveShaped: `${liveImport.harMB} MB in ${liveImport.ms} ms, first flagged ${liveImport.firstFlaggedMs} ms, longest task ${liveImport.longestTaskMs} ms`,
    },
    [`panel JS heap (${ENTRIES} entries)`]: {
      withAllBodiesMB: goal(heapWithBodies.usedMB, 150, ' MB'),
      liveShapedMB: goal(heapLive.usedMB, 150, ' MB'),
      note: 'after a forced GC (CDP HeapProfiler.collectGarbage), Runtime.getHeapUsage of the panel renderer',
    },
  };
}

/** `options.soak`: requests in the soak (0 skips it); `options.rounds`: capture bursts per panel. */
export async function runPanelBench(options = {}) {
  const results = {};
  const report = (name, r) => {
    results[name] = r;
    console.log(`${name}: ${JSON.stringify(r)}`);
  };
  report(
    'panel capture, burst of 2,000 page requests, vs the control panel in the same run',
    await captureRatio(options),
  );
  const session = await openPanel();
  try {
    for (const [name, r] of Object.entries(await twentyThousand(session))) report(name, r);
  } finally {
    await session.close();
  }
  if (options.soak) report(`panel soak (${options.soak} requests)`, await soak(options.soak));
  return results;
}

// `node bench/panel-bench.mjs` runs only this part.
if (import.meta.url === `file://${process.argv[1]}`)
  await runPanelBench({ soak: Number(process.argv[2] ?? 0), rounds: Number(process.argv[3] ?? 5) });
