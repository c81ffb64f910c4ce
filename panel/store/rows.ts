import type { CauseId, EntryDiagnosis } from '../../lib';

/** What the list needs of one captured request: small, flat, cheap to filter. */
export interface Row extends Pick<EntryDiagnosis, 'index' | 'method' | 'url' | 'status' | 'flagged' | 'cors'> {
  preflight: boolean;
  topCause: CauseId | '';
  topTitle: string;
  /** Lower-cased haystack for the free-text filter. */
  haystack: string;
}

export type Filter = 'flagged' | 'all' | 'cors';

export function toRow(d: EntryDiagnosis, preflight: boolean): Row {
  const top = d.causes[0];
  return {
    index: d.index,
    method: d.method,
    url: d.url,
    status: d.status,
    flagged: d.flagged,
    cors: d.cors,
    preflight,
    topCause: top?.id ?? '',
    topTitle: top?.title ?? '',
    haystack: `${d.method} ${d.status} ${d.url} ${top?.id ?? ''} ${top?.title ?? ''}`.toLowerCase(),
  };
}

/** Applies the list filter and the search text (every word must match, any order). */
export function visibleRows(rows: readonly Row[], filter: Filter, search: string): Row[] {
  const words = searchWords(search);
  return rows.filter((r) => matches(r, filter, words));
}

/** Does one row pass the filter and the search words? */
export function matches(r: Row, filter: Filter, words: readonly string[]): boolean {
  if (filter === 'flagged' && !r.flagged) return false;
  if (filter === 'cors' && !r.cors) return false;
  return words.every((w) => r.haystack.includes(w));
}

export const searchWords = (search: string) => search.toLowerCase().split(/\s+/).filter(Boolean);

/** Position of capture index `index` in rows sorted by index, or where it would go (binary search). */
export function positionOf(rows: readonly Row[], index: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The list's slices after some rows were re-read in place (a late preflight, a body): each
 * is replaced where it sits, and enters or leaves the shown rows if its verdict changed.
 * Cost: a copy of each array (a memory move) and a binary search per row, never a filter pass.
 */
export function replaceRows(
  rows: readonly Row[],
  visible: readonly Row[],
  changed: readonly Row[],
  filter: Filter,
  words: readonly string[],
): { rows: Row[]; visible: Row[]; flaggedDelta: number } {
  const nextRows = rows.slice();
  const nextVisible = visible.slice();
  let flaggedDelta = 0;
  for (const r of changed) {
    const old = nextRows[r.index];
    if (!old || old.index !== r.index) continue;
    nextRows[r.index] = r;
    flaggedDelta += (r.flagged ? 1 : 0) - (old.flagged ? 1 : 0);
    const at = positionOf(nextVisible, r.index);
    const shown = nextVisible[at]?.index === r.index;
    const show = matches(r, filter, words);
    if (shown && show) nextVisible[at] = r;
    else if (shown) nextVisible.splice(at, 1);
    else if (show) nextVisible.splice(at, 0, r);
  }
  return { rows: nextRows, visible: nextVisible, flaggedDelta };
}
