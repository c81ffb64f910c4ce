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
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const out: Row[] = [];
  for (const r of rows) {
    if (filter === 'flagged' && !r.flagged) continue;
    if (filter === 'cors' && !r.cors) continue;
    if (words.length > 0 && !words.every((w) => r.haystack.includes(w))) continue;
    out.push(r);
  }
  return out;
}

/**
 * Which rows to drop when the capture exceeds its bound: unflagged ones first, oldest
 * first, so the refusals a user is debugging survive a noisy page.
 */
export function evictionVictims(rows: readonly Row[], excess: number): Set<number> {
  const victims = new Set<number>();
  for (const r of rows) {
    if (victims.size >= excess) break;
    if (!r.flagged) victims.add(r.index);
  }
  for (const r of rows) {
    if (victims.size >= excess) break;
    victims.add(r.index);
  }
  return victims;
}
