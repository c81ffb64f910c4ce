import type { Frame, Locator } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ScenarioServer } from '../../server/server.ts';
import { SCENARIOS, pageConfig, type RequestSpec } from '../../server/scenarios.ts';
import { readCaptureStatus, readRows, waitForRow, type RowInfo } from '../helpers.ts';

// Panel-side helpers for the panel-*.spec.ts files: everything goes through the hooks of
// docs/panel-hooks.md, so a redesign that keeps the hooks keeps these tests.

export const ROW = '[data-testid="request-row"]';
export type FilterId = 'flagged' | 'all' | 'cors';

/** The request a scenario's button makes, resolved for this server's ports. */
export function scenarioRequest(server: ScenarioServer, id: string, kind: 'fail' | 'success' = 'fail'): RequestSpec {
  const found = pageConfig(server).scenarios.find((s) => s.id === id);
  const spec = found ? found[kind] : null;
  if (!spec) throw new Error(`scenario ${id} has no ${kind} request`);
  return spec;
}

export function scenarioById(id: string) {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown scenario ${id}`);
  return s;
}

/** The browser normalises URLs (a quote in a query becomes %27); compare the normal forms. */
export function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** The row of a scenario's call (not its preflight): same method and URL. */
export function isRequestRow(spec: RequestSpec): (r: RowInfo) => boolean {
  return (r) => r.method === spec.method && sameUrl(r.url, spec.url);
}

export async function setFilter(panel: Frame, filter: FilterId): Promise<void> {
  const button = panel.locator(`[data-testid="filter-${filter}"]`);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

export async function search(panel: Frame, text: string): Promise<void> {
  await panel.locator('[data-testid="search-input"]').fill(text);
}

/** Waits until the row's top cause is `cause` (a body read later can still change it). */
export async function waitForTopCause(
  panel: Frame,
  match: (r: RowInfo) => boolean,
  cause: string,
  timeoutMs = 15_000,
): Promise<RowInfo> {
  const deadline = Date.now() + timeoutMs;
  let last: RowInfo | undefined;
  for (;;) {
    last = (await readRows(panel)).find(match) ?? last;
    if (last?.flagged && last.topCause === cause) return last;
    if (Date.now() > deadline) {
      const got = last ? `flagged=${last.flagged} top=${last.topCause || '(none)'}` : 'no such row';
      throw new Error(`expected top cause ${cause}, got ${got}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Clicks a row and waits for its detail view. */
export async function selectRow(panel: Frame, index: number): Promise<Locator> {
  await panel.locator(`${ROW}[data-index="${index}"]`).click();
  const detail = panel.locator('[data-testid="detail"]');
  await expect(detail).toHaveAttribute('data-index', String(index));
  return detail;
}

/** Selects the first row matching and returns its detail view. */
export async function openRow(
  panel: Frame,
  match: (r: RowInfo) => boolean,
  timeoutMs?: number,
): Promise<{ row: RowInfo; detail: Locator }> {
  const row = await waitForRow(panel, match, timeoutMs);
  return { row, detail: await selectRow(panel, row.index) };
}

/** capture-status agrees with itself and with the rows the list holds. */
export async function expectConsistentStatus(panel: Frame): Promise<void> {
  const status = await readCaptureStatus(panel);
  expect(status.flagged).toBeLessThanOrEqual(status.total);
  expect(status.shown).toBeLessThanOrEqual(status.total);
  // The list is virtualised: never more rows in the DOM than shown, and all when few.
  const inDom = (await readRows(panel)).length;
  expect(inDom).toBeLessThanOrEqual(status.shown);
  if (status.shown <= 20) expect(inDom).toBe(status.shown);
}

/** Nothing in the panel fell back to an error boundary, and list and status are on screen. */
export async function expectPanelAlive(panel: Frame): Promise<void> {
  await expect(panel.locator('[data-testid="capture-status"]')).toBeVisible();
  await expect(panel.locator('[data-testid="request-list"]')).toBeVisible();
  await expect(panel.locator('text=/could not be shown/')).toHaveCount(0);
  const text = await panel.locator('body').innerText();
  expect(text.trim().length).toBeGreaterThan(0);
}

/**
 * The refusals shown around the one a screenshot explains (README and store screenshots), so
 * the list looks like a real session: one list for both.
 */
export const SCREENSHOT_BACKDROP = [
  'success-expired-jwt',
  'waf-block',
  'missing-api-key',
  'cors-preflight-acah',
  'rate-limit-403',
] as const;
