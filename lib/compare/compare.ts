import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';
import { basicParts } from '../redact/basic';
import { isSecretHeader, redactHeader, redactUrl, renderDoc, Vault } from '../redact';
import { claimsDiff } from './claims';
import { diffBodies } from './body';
import { diffCookies, diffQuery } from './pairs';
import { isVolatileHeader, OWN_AREA } from './noise';
import type { DiffItem, RequestComparison } from './types';

function headerMap(x: Exchange): Map<string, { name: string; value: string }> {
  const m = new Map<string, { name: string; value: string }>();
  for (const h of x.req.raw) {
    if (typeof h?.name !== 'string' || h.name.startsWith(':')) continue;
    const key = h.name.toLowerCase();
    const prev = m.get(key);
    // Repeated headers compare as one list, the way a server reads them.
    m.set(key, {
      name: prev?.name ?? h.name,
      value: prev ? `${prev.value}, ${String(h.value ?? '').trim()}` : String(h.value ?? '').trim(),
    });
  }
  return m;
}

function authDetail(failing: string, success: string): string | undefined {
  const scheme = (v: string) => v.trim().split(/\s+/)[0]!.toLowerCase();
  if (scheme(failing) !== scheme(success)) return `scheme ${scheme(success)} (worked) → ${scheme(failing)} (failed)`;
  const cred = (v: string) =>
    v
      .trim()
      .slice(v.trim().indexOf(' ') + 1)
      .trim();
  if (scheme(failing) === 'basic') {
    const a = basicParts(cred(failing));
    const b = basicParts(cred(success));
    // A user that is a key (basic.ts) is compared, never printed.
    const who = (p: { user: string; userShown: boolean }) => (p.userShown ? `"${p.user}"` : 'a key-shaped user');
    if (a && b)
      return a.user === b.user
        ? `same user ${who(a)}, different password`
        : `user ${who(b)} (worked) → ${who(a)} (failed)`;
  }
  return claimsDiff(cred(failing), cred(success)) ?? 'a different credential';
}

/**
 * What differs between a failing request and a successful call to the same endpoint: method,
 * URL, query, credentials, cookies, Origin, other headers and the body. Order and case of
 * headers, and volatile headers, are noise. Secrets compare by value but show only as
 * placeholders from `vault` (the same placeholder for the same value), never in clear.
 */
export function compareRequests(failing: Exchange, success: Exchange, vault: Vault = new Vault()): RequestComparison {
  const items: DiffItem[] = [];
  const same: string[] = [];
  const ignored: string[] = [];
  const show = (name: string, value: string | undefined) =>
    value === undefined ? null : renderDoc(redactHeader(name, value, vault), vault);
  if (failing.method !== success.method)
    items.push({ area: 'method', name: 'method', change: 'changed', failing: failing.method, success: success.method });
  const base = (x: Exchange) => (x.url ? `${x.url.origin}${x.url.pathname}` : x.rawUrl.split(/[?#]/)[0]!);
  if (base(failing) !== base(success)) {
    items.push({
      area: 'url',
      name: 'URL',
      change: 'changed',
      failing: renderDoc(redactUrl(base(failing), vault), vault),
      success: renderDoc(redactUrl(base(success), vault), vault),
    });
  }
  items.push(...diffQuery(failing, success, vault));
  const a = headerMap(failing);
  const b = headerMap(success);
  for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
    const fa = a.get(key);
    const sb = b.get(key);
    const name = fa?.name ?? sb?.name ?? key;
    const area = OWN_AREA.get(key) ?? 'header';
    if (area === 'cookie') continue;
    if (fa?.value === sb?.value) {
      if (area === 'auth' || (fa && isSecretHeader(key)))
        same.push(`${name}: the same credential in both (${show(name, fa?.value)})`);
      continue;
    }
    if (isVolatileHeader(key)) {
      ignored.push(name);
      continue;
    }
    const change = !sb ? 'added' : !fa ? 'removed' : 'changed';
    const item: DiffItem = { area, name, change, failing: show(name, fa?.value), success: show(name, sb?.value) };
    if (area === 'auth' && fa && sb) item.detail = authDetail(fa.value, sb.value);
    items.push(item);
  }
  const cookies = diffCookies(failing, success, vault);
  items.push(...cookies.items);
  same.push(...cookies.same);
  items.push(...diffBodies(failing, success));
  return { failingIndex: failing.index, successIndex: success.index, items, same, ignored };
}

/** The comparison with the last successful call to the same endpoint, or null if the log has none. */
export function compareWithLastSuccess(log: LogIndex, x: Exchange, vault?: Vault): RequestComparison | null {
  const ok = log.lastSuccessFor(x);
  return ok ? compareRequests(x, ok, vault) : null;
}
