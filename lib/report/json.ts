import type { Report } from './model';

/** The report as versioned JSON (`"version": 1`), stable key order. */
export function renderJson(r: Report): string {
  return JSON.stringify(r, null, 2) + '\n';
}
