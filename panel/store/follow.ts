import type { StoreApi } from 'zustand/vanilla';
import type { EngineChange } from './engine';
import type { PanelState } from './panel-store';
import { matches, replaceRows, searchWords, toRow } from './rows';

/** During an import, how often the list is painted (see `pending`); the first chunk paints at once. */
export const IMPORT_PAINT_MS = 100;

type Slices = Pick<PanelState, 'rows' | 'visible' | 'flagged' | 'flaggedCount'>;

/**
 * The store's slices (rows, visible, flagged) follow the engine's changes: appends cost the new
 * rows only, re-reads a binary search each.
 */
export function followEngine(set: StoreApi<PanelState>['setState'], get: () => PanelState) {
  /**
   * Rows an import added since the list was last painted. During an import the slices are
   * published at most every IMPORT_PAINT_MS: each publication re-rendered the panel, and one per
   * task cost a quarter of an import's main-thread time (issue 19). Owned here until published,
   * so appends push in place instead of copying the whole list.
   */
  let pending: Slices | null = null;
  let paintedAt = -Infinity;
  const flush = () => {
    if (!pending) return;
    const slices = pending;
    pending = null;
    paintedAt = performance.now();
    set(slices);
  };

  const follow = (change: EngineChange) => {
    // The store sets its own slices aside with the capture and restores them (beginImport).
    if (change.kind === 'unstashed') return;
    if (change.kind === 'cleared') {
      pending = null;
      set({ rows: [], visible: [], flagged: [], flaggedCount: 0 });
      return;
    }
    if (change.kind === 'added') {
      const s = get();
      const words = searchWords(s.search);
      const next = (pending ??= {
        rows: s.rows.slice(),
        visible: s.visible.slice(),
        flagged: s.flagged.slice(),
        flaggedCount: s.flaggedCount,
      });
      for (const r of change.rows) {
        const row = toRow(r.diagnosis, r.preflight);
        next.rows.push(row);
        if (matches(row, s.filter, words)) next.visible.push(row);
        if (row.flagged) {
          next.flagged.push(row);
          next.flaggedCount++;
        }
      }
      if (!s.importing) flush();
      return;
    }
    flush();
    const s = get();
    const changed = change.rows.map((r) => toRow(r.diagnosis, r.preflight));
    const next = replaceRows(s.rows, s.visible, changed, s.filter, searchWords(s.search));
    set({
      rows: next.rows,
      visible: next.visible,
      flagged: replaceRows(s.rows, s.flagged, changed, 'flagged', []).visible,
      flaggedCount: s.flaggedCount + next.flaggedDelta,
    });
  };
  return {
    follow,
    /** Publishes what an import added since the last paint. */
    flush,
    /** The next import chunk paints at once (an import begins). */
    paintNext: () => void (paintedAt = -Infinity),
    /** Whether an import in progress is due to paint. */
    dueToPaint: () => performance.now() - paintedAt >= IMPORT_PAINT_MS,
    /** Forgets what was not painted (the capture is put back). */
    drop: () => void (pending = null),
  };
}
