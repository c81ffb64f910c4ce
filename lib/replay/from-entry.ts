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
  return { method, url, headers, body, credentials: credentialsMode(entry.request.headers ?? []) };
}

/**
 * The fetch credentials mode the page most likely used, read from what the browser sent.
 * Cookies went out: 'include' (the only mode that sends them cross-origin). A same-origin call
 * without cookies: 'omit', which sends the same (nothing) and, unlike 'same-origin', keeps a
 * Basic/Digest 401 from opening the browser's login prompt over the inspected page (the
 * prompt also stalls the page's fetch until someone answers it). Otherwise fetch's default.
 */
function credentialsMode(raw: readonly { name?: unknown; value?: unknown }[]): ReplayRequest['credentials'] {
  const get = (name: string) => raw.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === name);
  if (get('cookie')) return 'include';
  const site = get('sec-fetch-site')?.value;
  if (typeof site === 'string' && site.trim().toLowerCase() === 'same-origin') return 'omit';
  return 'same-origin';
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
