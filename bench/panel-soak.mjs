// The soak (issue 19): a page polls and is refused for `total` requests (then stops by itself),
// with the Why403 panel shown. Every few seconds: requests answered in the page, entries listed
// in the panel (the capture lag), the panel's heap (after a forced GC every sixth of the run) and
// how long the panel takes to answer a frame. At the end: were all refusals listed?
import { startSoakServer } from './panel/soak-server.mjs';
import { openPanel, panelHeap } from './panel/session.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* global document, window, requestAnimationFrame */
const status = () => ({ ...document.querySelector('[data-testid="capture-status"]').dataset });
const frameMs = () => {
  const t0 = performance.now();
  return new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0), 0)));
};

export async function soak(total = 30000, { inFlight = 6, sampleMs = 3000 } = {}) {
  const server = await startSoakServer();
  const session = await openPanel({ url: `${server.origin}/?n=${total}&inflight=${inFlight}` });
  const curve = [];
  let nextGcAt = 0;
  const t0 = Date.now();
  try {
    for (;;) {
      await sleep(sampleMs);
      const page = await session.page.evaluate(() => window.__soak);
      const s = await session.panel.evaluate(status);
      const answerMs = Math.round(await session.panel.evaluate(frameMs));
      const point = {
        s: Math.round((Date.now() - t0) / 1000),
        answered: page.answered,
        listed: Number(s.total),
        behind: Math.max(0, page.answered - Number(s.total)),
        flagged: Number(s.flagged),
        frameMs: answerMs,
      };
      if (page.answered >= nextGcAt) {
        point.heapAfterGcMB = (await panelHeap(session)).usedMB;
        nextGcAt += Math.max(500, Math.round(total / 6));
      }
      curve.push(point);
      console.log(`  soak ${JSON.stringify(point)}`);
      if (page.done && point.behind === 0) break;
      if (Date.now() - t0 > 30 * 60_000) break; // bounded whatever happens
    }
    await sleep(2000);
    const end = await session.panel.evaluate(status);
    const heap = await panelHeap(session);
    const gcPoints = curve.filter((p) => p.heapAfterGcMB !== undefined);
    return {
      requests: total,
      refusalsServed: server.served.refused,
      flaggedListed: Number(end.flagged),
      flaggedLost: Math.max(0, server.served.refused - Number(end.flagged)),
      listed: Number(end.total),
      heapAfterGcMB: heap.usedMB,
      heapAfterGcPerRequestKB:
        gcPoints.length > 1 ? +(((heap.usedMB - gcPoints[0].heapAfterGcMB) * 1000) / total).toFixed(2) : null,
      maxBehind: Math.max(...curve.map((p) => p.behind)),
      maxFrameMs: Math.max(...curve.map((p) => p.frameMs)),
      curve: curve.map((p) => [p.answered, p.behind, p.heapAfterGcMB ?? null, p.frameMs]),
      curveColumns: ['answered', 'behind (requests)', 'heap after GC (MB)', 'frame (ms)'],
    };
  } finally {
    await session.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await soak(Number(process.argv[2] ?? 30000)), null, 1));
