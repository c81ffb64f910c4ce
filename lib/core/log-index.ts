import { endpointKey, toExchange, type Exchange } from '../model/exchange';
import type { Har, HarEntry } from '../har/types';

/**
 * The whole log as context for one entry: its preflight, earlier Set-Cookies for a host,
 * the last successful call to the same endpoint. Built once per log in one pass.
 */
export class LogIndex {
  readonly exchanges: Exchange[];
  private readonly preflightsByUrl = new Map<string, Exchange[]>();
  private readonly byEndpoint = new Map<string, Exchange[]>();
  private readonly cookieSetters = new Map<string, Exchange[]>();

  private readonly byIndex = new Map<number, Exchange>();
  private contextCount = 0;
  /** Listed entries carrying Cookie, Authorization or Set-Cookie (kept as the log grows). */
  private credentialCount = 0;

  /** `har` seeds the index; the panel adds live entries with add() as they arrive. */
  constructor(har?: Har) {
    this.exchanges = [];
    const entries = har?.log.entries ?? [];
    for (let i = 0; i < entries.length; i++) this.add(entries[i]!, i);
  }

  /** Indexes one more entry under `index` (its capture position) and returns its model. */
  add(entry: HarEntry, index: number): Exchange {
    const x = toExchange(entry, index);
    this.exchanges.push(x);
    this.byIndex.set(index, x);
    if (x.isPreflight) push(this.preflightsByUrl, x.rawUrl, x);
    else push(this.byEndpoint, endpointKey(x), x);
    if (x.url && x.res.has('set-cookie')) push(this.cookieSetters, x.url.hostname, x);
    if (x.req.has('cookie') || x.req.has('authorization') || x.res.has('set-cookie')) this.credentialCount++;
    return x;
  }

  /**
   * Remembers an entry only for what it set (its Set-Cookie headers), without listing it:
   * the panel keeps the login response that set a session cookie across a navigation, so
   * a later "cookie not sent" can still point at it.
   */
  addContext(entry: HarEntry): void {
    const x = toExchange(entry, -1 - this.contextCount++);
    if (x.url && x.res.has('set-cookie')) push(this.cookieSetters, x.url.hostname, x);
  }

  /** How many listed entries carried any credential header (see inspect/log-traits). */
  get entriesWithCredentials(): number {
    return this.credentialCount;
  }

  /** Hosts that set cookies so far (listed or kept as context). The panel's log grows, so never cache this. */
  cookieHosts(): string[] {
    return [...this.cookieSetters.keys()];
  }

  /** Entries that set cookies (listed or kept as context), oldest first. */
  cookieSettingEntries(): HarEntry[] {
    return [...this.cookieSetters.values()]
      .flat()
      .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))
      .map((x) => x.entry);
  }

  at(index: number): Exchange | undefined {
    return this.byIndex.get(index);
  }

  /**
   * The CORS preflight that guarded `x`: an OPTIONS to the same URL asking for x's method,
   * nearest in time. Chrome lists it after the request in getHAR() and before it in
   * onRequestFinished, so position is no guide; time and method are.
   */
  preflightFor(x: Exchange): Exchange | null {
    if (x.isPreflight) return null;
    const candidates = this.preflightsByUrl.get(x.rawUrl);
    if (!candidates) return null;
    let best: Exchange | null = null;
    let bestGap = Infinity;
    for (const p of candidates) {
      const asked = p.req.get('access-control-request-method')?.toUpperCase();
      if (asked && asked !== x.method) continue;
      const gap =
        p.startedAt !== null && x.startedAt !== null
          ? Math.abs(p.startedAt - x.startedAt)
          : Math.abs(p.index - x.index);
      if (gap < bestGap) {
        best = p;
        bestGap = gap;
      }
    }
    // A preflight minutes away guarded another call; Chrome caches preflights up to 2 h,
    // but an unrelated one is worse evidence than none.
    return best && bestGap <= 60_000 ? best : null;
  }

  /** The last call to the same endpoint (and method) before `x` that succeeded (2xx). */
  lastSuccessFor(x: Exchange): Exchange | null {
    const list = this.byEndpoint.get(endpointKey(x));
    if (!list) return null;
    let found: Exchange | null = null;
    for (const y of list) {
      if (y.index === x.index) continue;
      if (y.method !== x.method || y.status < 200 || y.status >= 300 || y.netError) continue;
      if (isBefore(y, x)) found = pickLater(found, y);
    }
    return found;
  }

  /**
   * Earlier calls to the same endpoint and method as `x`, oldest first, at most `limit` of
   * the latest (retry storms and session reading look back a few calls, not the whole log).
   */
  callsBefore(x: Exchange, limit = 64): Exchange[] {
    const list = this.byEndpoint.get(endpointKey(x)) ?? [];
    const out: Exchange[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < limit * 2; i--) {
      const y = list[i]!;
      if (y.index !== x.index && y.method === x.method && isBefore(y, x)) out.push(y);
    }
    return out.sort((a, b) => (isBefore(a, b) ? -1 : 1)).slice(-limit);
  }

  /** Set-Cookie headers received from `host` before `x` started, with the entry they came in. */
  setCookiesBefore(x: Exchange, host: string): { from: Exchange; value: string }[] {
    const out: { from: Exchange; value: string }[] = [];
    for (const y of this.cookieSetters.get(host) ?? []) {
      if (y.index === x.index || !isBefore(y, x)) continue;
      for (const value of y.res.getAll('set-cookie')) out.push({ from: y, value });
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isBefore(y: Exchange, x: Exchange): boolean {
  if (y.startedAt !== null && x.startedAt !== null && y.startedAt !== x.startedAt) return y.startedAt < x.startedAt;
  return y.index < x.index;
}

function pickLater(a: Exchange | null, b: Exchange): Exchange {
  return a === null || isBefore(a, b) ? b : a;
}
