/* global document, window, MutationObserver */
// What a user notices of capture speed: the page fires a burst, and the last request shows up in
// the (visible) panel some time after the page got its last answer. Both clocks are Date.now() on
// one machine, so the page's "last answer" and the panel's "last row listed" compare directly.
//
// The earlier measure (bench/panel-bench.mjs before issue 19) timed a throttled burst (200 in
// flight) from the harness, polling the panel every 20 ms: the page itself took most of that time
// for either panel, which hid the panel's own lag (1.04× there, 1.46–1.66× in real DevTools).

/**
 * In the panel: resolves with Date.now() when the capture status counts `target` entries. A
 * MutationObserver, not a poll, so the measure adds no work of its own; both panels keep the
 * count in data-total of [data-testid="capture-status"].
 */
export function armListed(target) {
  const status = document.querySelector('[data-testid="capture-status"]');
  const total = () => Number(status?.dataset.total ?? -1);
  window.__why403Listed = new Promise((resolve) => {
    if (total() >= target) return resolve(Date.now());
    const seen = new MutationObserver(() => {
      if (total() < target) return;
      seen.disconnect();
      resolve(Date.now());
    });
    seen.observe(status, { attributes: true, attributeFilter: ['data-total'] });
  });
  return true;
}

export function listedAt() {
  return window.__why403Listed;
}

/** In the page: `count` fetches all at once; resolves with the wall-clock start and last answer. */
export function fireAll([count, path]) {
  const startAt = Date.now();
  let lastAt = startAt;
  const one = (i) =>
    fetch(`${path}?i=${i}`, { cache: 'no-store' })
      .then((r) => r.text().then(() => r.status))
      .catch(() => 0)
      .then((s) => {
        lastAt = Date.now();
        return s;
      });
  window.__why403Burst = Promise.all(Array.from({ length: count }, (_, i) => one(i))).then((statuses) => ({
    startAt,
    lastAt,
    answered: statuses.filter((s) => s > 0).length,
  }));
  return true;
}

export function burstSettled() {
  return window.__why403Burst;
}

export function captured() {
  return Number(document.querySelector('[data-testid="capture-status"]')?.dataset.total ?? -1);
}
