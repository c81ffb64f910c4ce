/* global document, window, HTMLInputElement, Event, requestAnimationFrame, MutationObserver, PerformanceObserver */
// Functions that run inside the Why403 panel frame (passed to frame.evaluate): they must be
// self-contained, with no reference to this module's scope.

/**
 * Times filter and search updates the way a user sees them: from the input event to the
 * list re-rendered and laid out. React commits a discrete input before the next task, so a
 * zero-delay timeout lands after the commit; reading offsetHeight then forces style and layout.
 */
export async function timeOps(ops) {
  const input = document.querySelector('[data-testid="search-input"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const status = document.querySelector('[data-testid="capture-status"]');
  const out = [];
  for (const op of ops) {
    // Let the previous update paint first, as between two real keystrokes.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    if (op.kind === 'search') {
      setValue.call(input, op.value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      document.querySelector(`[data-testid="filter-${op.value}"]`).click();
    }
    await new Promise((r) => setTimeout(r, 0));
    void document.querySelector('[data-testid="request-list"]').offsetHeight;
    const ms = performance.now() - t0;
    out.push({
      ...op,
      ms,
      shown: Number(status.dataset.shown),
      rowsInDom: document.querySelectorAll('[data-testid="request-row"]').length,
    });
  }
  return out;
}

/**
 * Fires `count` fetches from the inspected page, all at once (`inFlight` 0) or at most
 * `inFlight` at a time. Bodies are read: a response nobody reads never finishes loading, and
 * DevTools reports a request only when it finished.
 */
export function fireBurst([count, path, inFlight]) {
  const t0 = performance.now();
  const one = (i) =>
    fetch(`${path}?i=${i}`, { cache: 'no-store' }).then(
      (r) => r.text().then(() => r.status),
      () => 0,
    );
  let run;
  if (!inFlight) run = Promise.all(Array.from({ length: count }, (_, i) => one(i)));
  else {
    const statuses = [];
    let next = 0;
    const worker = async () => {
      while (next < count) statuses.push(await one(next++));
    };
    run = Promise.all(Array.from({ length: inFlight }, worker)).then(() => statuses);
  }
  window.__why403Burst = run.then((statuses) => ({
    ms: performance.now() - t0,
    answered: statuses.filter((s) => s > 0).length,
  }));
  return true;
}

export function burstDone() {
  return window.__why403Burst;
}

export function totalAtLeast(n) {
  return Number(document.querySelector('[data-testid="capture-status"]')?.dataset.total ?? -1) >= n;
}

/** The import's worker has read every body for secrets (exports no longer wait). */
export function secretsRead() {
  return document.querySelector('[data-testid="capture-status"]')?.dataset.secretsPending === 'false';
}

export function noticeText() {
  return document.querySelector('[data-testid="notice"]')?.textContent ?? '';
}

export function captureTotal() {
  return Number(document.querySelector('[data-testid="capture-status"]')?.dataset.total ?? -1);
}

export function noticeNames([name]) {
  return (document.querySelector('[data-testid="notice"]')?.textContent ?? '').includes(name);
}

/**
 * Watches an import from inside the panel: when the first flagged row is in the list, and every
 * main-thread task over 50 ms (PerformanceObserver 'longtask') until `stopWatching`.
 */
export function watchImport() {
  const w = { firstFlaggedAt: null, longTasks: [] };
  window.__why403Watch = w;
  const flaggedRow = () => document.querySelector('[data-testid="request-row"][data-flagged="true"]');
  const rows = new MutationObserver(() => {
    if (w.firstFlaggedAt === null && flaggedRow()) {
      w.firstFlaggedAt = Date.now();
      rows.disconnect();
    }
  });
  rows.observe(document.body, { childList: true, subtree: true });
  w.tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
  });
  w.tasks.observe({ type: 'longtask' });
  return true;
}

export function stopWatching() {
  const w = window.__why403Watch;
  w.tasks.disconnect();
  return { firstFlaggedAt: w.firstFlaggedAt, longTasks: w.longTasks };
}

/** Scrolls the list to its top and bottom and reads the data-index of the first and last rows shown. */
export async function listEnds() {
  const list = document.querySelector('[data-testid="request-list"]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const indices = () =>
    [...document.querySelectorAll('[data-testid="request-row"]')].map((r) => Number(r.dataset.index));
  list.scrollTop = 0;
  await frame();
  const first = Math.min(...indices());
  list.scrollTop = list.scrollHeight;
  await frame();
  await frame();
  const last = Math.max(...indices());
  return { first, last };
}
