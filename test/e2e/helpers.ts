import type { Frame, Locator, Page } from '@playwright/test';

/** What the page saw for one button press: status 0 plus the error when the browser blocked it. */
export interface ScenarioOutcome {
  status: number;
  error?: string;
}

/**
 * Presses a scenario button on the demo page and waits until its fetch settled.
 * `id` is a scenario id ('expired-jwt', pressing #scenario-expired-jwt) or a full button id
 * ('success-expired-jwt').
 */
export async function clickScenario(page: Page, id: string, timeoutMs = 15_000): Promise<ScenarioOutcome> {
  const buttonId = /^(scenario|success)-/.test(id) ? id : `scenario-${id}`;
  const button = page.locator(`#${buttonId}`);
  const before = Number((await button.getAttribute('data-runs')) ?? '0');
  await button.click();
  await page.waitForFunction(
    ([sel, n]) =>
      Number((document.getElementById(sel as string) as HTMLElement | null)?.dataset.runs ?? 0) > (n as number),
    [buttonId, before] as const,
    { timeout: timeoutMs },
  );
  const status = Number((await button.getAttribute('data-status')) ?? '0');
  const error = (await button.getAttribute('data-error')) ?? undefined;
  return error ? { status, error } : { status };
}

/** One `request-row` as panel-hooks.md defines its attributes. */
export interface RowInfo {
  index: number;
  method: string;
  url: string;
  status: number;
  flagged: boolean;
  topCause: string;
  cors: boolean;
}

const ROW = '[data-testid="request-row"]';

export async function readRows(panel: Frame): Promise<RowInfo[]> {
  const raw = await panel.locator(ROW).evaluateAll((rows) => rows.map((r) => ({ ...(r as HTMLElement).dataset })));
  return raw.map((d) => ({
    index: Number(d.index),
    method: d.method ?? '',
    url: d.url ?? '',
    status: Number(d.status),
    flagged: d.flagged === 'true',
    topCause: d.topCause ?? '',
    cors: d.cors === 'true',
  }));
}

/** Waits until a row in the panel's list matches; the error lists the rows that were there. */
export async function waitForRow(
  panel: Frame,
  predicate: (row: RowInfo) => boolean,
  timeoutMs = 15_000,
): Promise<RowInfo & { locator: Locator }> {
  const deadline = Date.now() + timeoutMs;
  let seen: RowInfo[] = [];
  for (;;) {
    seen = await readRows(panel).catch(() => seen);
    const row = seen.find(predicate);
    if (row) return { ...row, locator: panel.locator(`${ROW}[data-index="${row.index}"]`) };
    if (Date.now() > deadline) {
      const list = seen
        .map((r) => `  #${r.index} ${r.method} ${r.status} ${r.url} top=${r.topCause || '-'}`)
        .join('\n');
      throw new Error(`No request-row matched within ${timeoutMs} ms. Rows in the DOM:\n${list || '  (none)'}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface CaptureStatus {
  total: number;
  flagged: number;
  shown: number;
  dropped: number;
}

export async function readCaptureStatus(panel: Frame): Promise<CaptureStatus> {
  const el = panel.locator('[data-testid="capture-status"]');
  const num = async (name: string) => Number((await el.getAttribute(name)) ?? '0');
  return {
    total: await num('data-total'),
    flagged: await num('data-flagged'),
    shown: await num('data-shown'),
    dropped: await num('data-dropped'),
  };
}
