import type { HarNameValue } from '../har/types';

/**
 * Case-insensitive, multi-valued header list. Keeps the original order and spelling for
 * display and export; lookups fold case. HTTP/2 pseudo-headers (":authority") are kept in
 * `raw` but never match a lookup, so rules don't mistake them for real headers.
 */
/** Lower-cased header names, shared: every entry repeats the same few dozen names. */
const LOWER = new Map<string, string>();
const LOWER_MAX = 10_000;

function lowerName(name: string): string {
  let lower = LOWER.get(name);
  // Stryker disable next-line ConditionalExpression: the cache only saves time; lower-casing again gives the same name
  if (lower === undefined) {
    lower = name.toLowerCase();
    // Stryker disable next-line all: the bound only caps memory; a name not cached is lower-cased again
    if (LOWER.size < LOWER_MAX) LOWER.set(name, lower);
  }
  return lower;
}

export class HeaderList {
  /** Built on first read and dropped by `compact` (see there); `raw` is the truth. */
  private index: Map<string, string[]> | null = null;

  constructor(readonly raw: readonly HarNameValue[]) {}

  private get map(): Map<string, string[]> {
    // Stryker disable next-line ConditionalExpression: a rebuilt index reads the same raw list
    if (this.index) return this.index;
    const map = new Map<string, string[]>();
    for (const h of this.raw) {
      if (typeof h?.name !== 'string' || h.name.startsWith(':')) continue;
      const key = lowerName(h.name);
      const value = typeof h.value === 'string' ? h.value : String(h.value ?? '');
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    }
    return (this.index = map);
  }

  /**
   * Lets the lookup index go; it is built again on the next read. A panel holding 20,000
   * entries keeps them compact once diagnosed (issue 19): an index per header list was a large
   * part of each entry's memory, and most entries are never read again.
   */
  compact(): void {
    // Stryker disable next-line all: dropping the index frees memory only; the answers stay the same
    this.index = null;
  }

  /** First value, as sent. */
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.[0];
  }

  /** Every value of a header that appeared more than once (Set-Cookie, duplicated ACAO…). */
  getAll(name: string): string[] {
    return this.map.get(name.toLowerCase()) ?? [];
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  /** Lower-cased names present. */
  names(): string[] {
    return [...this.map.keys()];
  }

  get size(): number {
    return this.map.size;
  }
}

/** Parses an HTTP date (IMF-fixdate and the obsolete forms Date.parse understands). */
export function parseHttpDate(value: string | undefined): number | null {
  // Stryker disable next-line ConditionalExpression: Date.parse of an absent or empty value is NaN, null below as well
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
