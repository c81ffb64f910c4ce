import type { HarNameValue } from '../har/types';

/**
 * Case-insensitive, multi-valued header list. Keeps the original order and spelling for
 * display and export; lookups fold case. HTTP/2 pseudo-headers (":authority") are kept in
 * `raw` but never match a lookup, so rules don't mistake them for real headers.
 */
export class HeaderList {
  private readonly map = new Map<string, string[]>();

  constructor(readonly raw: readonly HarNameValue[]) {
    for (const h of raw) {
      if (typeof h?.name !== 'string' || h.name.startsWith(':')) continue;
      const key = h.name.toLowerCase();
      const value = typeof h.value === 'string' ? h.value : String(h.value ?? '');
      const list = this.map.get(key);
      if (list) list.push(value);
      else this.map.set(key, [value]);
    }
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
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
