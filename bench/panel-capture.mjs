// Capture overhead against the control panel (issue 19): the same burst, in the same run, in
// alternation, each in a fresh browser with its panel shown. Figures only, never assertions.
import { armListed, burstSettled, captured, fireAll, listedAt } from './panel/burst.mjs';
import { median, openPanel } from './panel/session.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One burst of `count` requests: page start → last answer → last row listed in the panel. */
export async function timedBurst({ page, panel, server }, count) {
  await sleep(1500); // the page load and its backfill settle first
  const before = await panel.evaluate(captured);
  await panel.evaluate(armListed, before + count);
  await page.evaluate(fireAll, [count, `${server.originA}/bench/ping`]);
  const inPage = await page.evaluate(burstSettled);
  const listed = await Promise.race([panel.evaluate(listedAt), sleep(60_000).then(() => null)]);
  return {
    answered: inPage.answered,
    pageMs: inPage.lastAt - inPage.startAt,
    // Null when some request never reached the panel within a minute.
    totalMs: listed === null ? null : listed - inPage.startAt,
    lagMs: listed === null ? null : Math.max(0, listed - inPage.lastAt),
  };
}

const PANELS = [
  ['why403', {}],
  ['control', { extensionPath: 'bench/thin-panel' }],
];

/**
 * Rounds alternate Why403 and the control (one <li> per onRequestFinished). The ratio is of the
 * medians of "burst start → last request listed", what the side-by-side measure timed;
 * the lag after the page's last answer is printed beside it, since that is what a user waits for.
 */
export async function captureRatio({ rounds = 5, count = 2000 } = {}) {
  const runs = { why403: [], control: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, options] of i % 2 ? [...PANELS].reverse() : PANELS) {
      const session = await openPanel(options);
      try {
        runs[name].push(await timedBurst(session, count));
      } finally {
        await session.close();
      }
    }
  }
  const pick = (name, key) => runs[name].map((r) => r[key]).filter((v) => v !== null);
  const summary = {};
  for (const name of Object.keys(runs)) {
    summary[name] = {
      totalMs: pick(name, 'totalMs'),
      lagMs: pick(name, 'lagMs'),
      medianTotalMs: median(pick(name, 'totalMs')),
      medianLagMs: median(pick(name, 'lagMs')),
      missed: runs[name].filter((r) => r.totalMs === null).length,
    };
  }
  const ratio = +(summary.why403.medianTotalMs / summary.control.medianTotalMs).toFixed(2);
  return { requests: count, rounds, ...summary, ratio, goal: '<= 1.10' };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await captureRatio({ rounds: Number(process.argv[2] ?? 5) }), null, 1));
