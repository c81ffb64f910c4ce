import type { HeaderList } from '../model/headers';

// RFC 9110 token characters: what a method or header name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export interface ParsedList {
  /** Items as sent (trimmed), empties skipped. */
  items: string[];
  /** False when an item is not a token ("GET POST", "x-a;x-b"): Chrome cannot parse the header. */
  valid: boolean;
  /** The header's value(s) as received, joined like an HTTP stack joins repeats; null when absent. */
  raw: string | null;
}

/** Parses a comma-separated header (ACAM, ACAH, ACRH), repeats combined as one list. */
export function parseList(headers: HeaderList, name: string): ParsedList {
  const values = headers.getAll(name);
  if (values.length === 0) return { items: [], valid: true, raw: null };
  const raw = values.join(', ');
  const items: string[] = [];
  let valid = true;
  for (const part of raw.split(',')) {
    const item = part.trim();
    if (!item) continue;
    if (!TOKEN.test(item)) valid = false;
    items.push(item);
  }
  return { items, valid, raw };
}

/**
 * Access-Control-Allow-Origin as the browser sees it: repeats are joined with ", " (what
 * Chromium's header store hands the CORS check), surrounding whitespace trimmed.
 */
export function allowOriginValue(headers: HeaderList): { value: string | null; count: number } {
  const values = headers.getAll('access-control-allow-origin');
  if (values.length === 0) return { value: null, count: 0 };
  return { value: values.map((v) => v.trim()).join(', '), count: values.length };
}

/** A header's value(s) for quoting, trimmed and capped, control characters shown as spaces. */
export function quoteValue(value: string | null | undefined, max = 200): string {
  if (value === null || value === undefined) return '(absent)';
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (clean.trim() === '') return '(empty)';
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
