import { expect, test } from '@playwright/test';
import { SCENARIOS, pageConfig, type RequestSpec } from '../server/scenarios.ts';
import {
  droppedByFirefox,
  launchFirefoxPanel,
  openDetail,
  pressAndWaitForRow,
  readRows,
  type FirefoxSession,
  type Row,
} from './harness.ts';

// The panel scenarios in real Firefox DevTools: every failing call of the demo page is flagged
// with the cause Chrome gives it, CORS blocks are marked, the detail quotes evidence, and the
// calls that work stay quiet. One Firefox for the file: start-up is most of the cost.

test.describe.configure({ mode: 'serial' });

let session: FirefoxSession;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  session = await launchFirefoxPanel();
  console.log(`Firefox ${session.firefox.version}: panel ready in ${session.startupMs} ms`);
});

test.afterAll(async () => {
  if (droppedByFirefox.length)
    console.log(`Firefox recorded nothing for (pressed again): ${droppedByFirefox.join(', ')}`);
  await session?.close();
});

function spec(id: string, kind: 'fail' | 'success'): RequestSpec {
  const s = pageConfig(session.server).scenarios.find((x) => x.id === id)!;
  return (kind === 'fail' ? s.fail : s.success)!;
}

const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href;
const isCall = (r: RequestSpec) => (row: Row) => row.method === r.method && sameUrl(row.url, r.url);

async function showAll(): Promise<void> {
  await session.inPanel(`document.querySelector('[data-testid="filter-all"]').click(); return true;`);
}

for (const scenario of SCENARIOS) {
  test(`${scenario.id}: flagged as ${scenario.expectedTopCause}, explained with evidence`, async () => {
    await showAll();
    const call = spec(scenario.id, 'fail');
    const { row, outcome } = await pressAndWaitForRow(
      session,
      `scenario-${scenario.id}`,
      call,
      (r) => isCall(call)(r) && r.flagged && r.topCause === scenario.expectedTopCause,
      `${scenario.id} flagged as ${scenario.expectedTopCause}`,
      !scenario.blockedByBrowser,
    );
    expect(outcome.status === 0, `the page saw ${JSON.stringify(outcome)}`).toBe(scenario.blockedByBrowser);
    expect(row.cors).toBe(scenario.blockedByBrowser);
    const causes = await openDetail(session, row.index);
    expect(causes[0]?.id).toBe(scenario.expectedTopCause);
    expect(causes[0]!.confidence).toBeGreaterThan(0);
    expect(causes[0]!.confidence).toBeLessThanOrEqual(1);
    expect(causes[0]!.evidence.filter((e) => e && e.trim()).length).toBeGreaterThan(0);
  });
}

test('the calls that work stay quiet: not flagged, not CORS, no cause', async () => {
  await showAll();
  const before = new Set((await readRows(session)).map((r) => r.index));
  for (const s of SCENARIOS.filter((x) => x.success)) {
    const call = spec(s.id, 'success');
    const seen = new Set((await readRows(session)).map((r) => r.index));
    // Same endpoint as the failing call: the success is the new row.
    const { row, outcome } = await pressAndWaitForRow(
      session,
      `success-${s.id}`,
      call,
      (r) => isCall(call)(r) && !seen.has(r.index) && r.status !== 0,
      `${s.id} success row`,
    );
    expect(outcome.status, `${s.id} succeeds`).toBeGreaterThanOrEqual(200);
    expect(outcome.status, `${s.id} succeeds`).toBeLessThan(400);
    expect({ id: s.id, status: row.status, flagged: row.flagged, cors: row.cors, top: row.topCause }).toEqual({
      id: s.id,
      status: outcome.status,
      flagged: false,
      cors: false,
      top: '',
    });
  }
  // A preflight the browser refused (the failing scenarios' ones, listed earlier or by a later sweep of
  // getHAR) is listed as CORS only, never as the server's refusal; the working calls' ones pass.
  const preflights = (await readRows(session)).filter((r) => r.method === 'OPTIONS');
  for (const r of preflights.filter((p) => p.flagged))
    expect({ url: r.url, cors: r.cors, top: r.topCause.split('.')[0] }).toEqual({
      url: r.url,
      cors: true,
      top: 'cors',
    });
  expect(preflights.filter((r) => !before.has(r.index) && !r.flagged).length).toBeGreaterThan(0);
});

test('the request behind a refused preflight is listed once, from getHAR(), with its preflight as evidence', async () => {
  const call = spec('cors-preflight-401', 'fail');
  // Firefox never reports it to onRequestFinished; the panel's sweep of getHAR() must find it, once.
  // One more refused preflight makes one more sweep, which reads every earlier call again: once
  // its new row is listed, that sweep is done, and it must not have listed an earlier call twice.
  const seen = new Set((await readRows(session)).map((r) => r.index));
  await pressAndWaitForRow(
    session,
    'scenario-cors-preflight-401',
    call,
    (r) => isCall(call)(r) && r.status === 0 && !seen.has(r.index),
    'the new call behind a refused preflight, from the sweep',
    false,
  );
  const rows = (await readRows(session)).filter(isCall(call));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.status === 0).length).toBe(new Set(rows.map((r) => r.index)).size);
  const runs = await session.inPage<number>(
    `return Number(document.getElementById('scenario-cors-preflight-401').dataset.runs);`,
  );
  expect(rows).toHaveLength(runs);
  const causes = await openDetail(session, rows[0]!.index);
  expect(causes[0]!.evidence.join('\n')).toMatch(/401/);
});
