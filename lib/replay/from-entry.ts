import type { HarEntry } from '../har/types';
import { readRequestBody } from '../model/body';
import { dropOnPrefill } from './forbidden';
import type { ReplayRequest } from './types';

/** Prefills the editor from a captured entry: method, URL (query untouched), headers, body. */
export function replayRequestFromEntry(entry: HarEntry): ReplayRequest {
  const headers = (entry.request.headers ?? [])
    .filter((h) => typeof h?.name === 'string' && !dropOnPrefill(h.name))
    .map((h) => ({ name: h.name, value: String(h.value ?? '') }));
  const method = String(entry.request.method || 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? null : readRequestBody(entry.request.postData, Infinity);
  const url = String(entry.request.url);
  // A cross-origin call that carried cookies was made with credentials: 'include'.
  const sentCookies = headers.some((h) => h.name.toLowerCase() === 'cookie');
  return { method, url, headers, body, credentials: sentCookies ? 'include' : 'same-origin' };
}

/** Query parameters of a URL as editable rows (order and repeats kept). */
export function queryRows(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** Writes query rows back into a URL, leaving everything else as it was. */
export function withQuery(url: string, rows: { name: string; value: string }[]): string {
  try {
    const u = new URL(url);
    u.search = '';
    for (const r of rows) if (r.name) u.searchParams.append(r.name, r.value);
    return u.toString();
  } catch {
    return url;
  }
}
