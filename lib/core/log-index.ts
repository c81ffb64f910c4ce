import { endpointKey, startedBefore, toExchange, type Exchange } from '../model/exchange';
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
  /** 2xx calls per endpoint and method, in time order: lastSuccessFor is a binary search. */
  private readonly successes = new Map<string, Exchange[]>();
  /** Preflights per URL in time order (only while every one has a start time). */
  private readonly preflightsByTime = new Map<string, Exchange[] | null>();

  private readonly byIndex = new Map<number, Exchange>();
  private contextCount = 0;
  /** Listed entries carrying Cookie, Authorization or Set-Cookie (kept as the log grows). */
  private credentialCount = 0;

  /** The HAR writer's name (log.creator.name), '' for a live capture. */
  readonly creator: string;

  /** `har` seeds the index; the panel adds live entries with add() as they arrive. */
  constructor(har?: Har) {
    this.exchanges = [];
    this.creator = String(har?.log?.creator?.name ?? '').slice(0, 100);
    const entries = har?.log.entries ?? [];
    for (let i = 0; i < entries.length; i++) this.add(entries[i]!, i);
  }

  /** Indexes one more entry under `index` (its capture position) and returns its model. */
  add(entry: HarEntry, index: number): Exchange {
    const x = toExchange(entry, index);
    this.exchanges.push(x);
    this.byIndex.set(index, x);
    if (x.isPreflight) {
      push(this.preflightsByUrl, x.rawUrl, x);
      const timed = this.preflightsByTime.get(x.rawUrl);
      if (x.startedAt === null || timed === null) this.preflightsByTime.set(x.rawUrl, null);
      else if (timed) insertInTimeOrder(timed, x);
      else this.preflightsByTime.set(x.rawUrl, [x]);
    } else {
      push(this.byEndpoint, endpointKey(x), x);
      if (isSuccess(x)) {
        const key = successKey(x);
        const list = this.successes.get(key);
        if (list) insertInTimeOrder(list, x);
        else this.successes.set(key, [x]);
      }
    }
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
    const timed = this.preflightsByTime.get(x.rawUrl);
    const best = timed && x.startedAt !== null ? nearestInTime(timed, x, x.startedAt) : nearestByScan(candidates, x);
    // A preflight minutes away guarded another call; Chrome caches preflights up to 2 h,
    // but an unrelated one is worse evidence than none.
    return best && best.gap <= 60_000 ? best.p : null;
  }

  /** The last call to the same endpoint (and method) before `x` that succeeded (2xx). */
  lastSuccessFor(x: Exchange): Exchange | null {
    const list = this.successes.get(successKey(x));
    if (!list) return null;
    // The list is in (start time, index) order, the order startedBefore() reads; a call without a
    // start time compares by index only, so then the whole list is read as before.
    if (x.startedAt === null || list.some((y) => y.startedAt === null)) {
      let found: Exchange | null = null;
      for (const y of list) if (y.index !== x.index && startedBefore(y, x)) found = pickLater(found, y);
      return found;
    }
    const at = lowerBound(list, x.startedAt, x.index);
    return at > 0 ? list[at - 1]! : null;
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
      if (y.index !== x.index && y.method === x.method && startedBefore(y, x)) out.push(y);
    }
    return out.sort((a, b) => (startedBefore(a, b) ? -1 : 1)).slice(-limit);
  }

  /** Set-Cookie headers received from `host` before `x` started, with the entry they came in. */
  setCookiesBefore(x: Exchange, host: string): { from: Exchange; value: string }[] {
    const out: { from: Exchange; value: string }[] = [];
    for (const y of this.cookieSetters.get(host) ?? []) {
      if (y.index === x.index || !startedBefore(y, x)) continue;
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

function pickLater(a: Exchange | null, b: Exchange): Exchange {
  return a === null || startedBefore(a, b) ? b : a;
}

function isSuccess(x: Exchange): boolean {
  return x.status >= 200 && x.status < 300 && !x.netError;
}

function successKey(x: Exchange): string {
  return `${x.method} ${endpointKey(x)}`;
}

/** First position whose (startedAt, index) is not below (t, index); start times all known. */
function lowerBound(list: readonly Exchange[], t: number, index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const y = list[mid]!;
    if (y.startedAt! < t || (y.startedAt === t && y.index < index)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps `list` in (startedAt, index) order. Captures arrive nearly in order, so this is an
 * append in the common case. Entries without a start time go last (readers then scan).
 */
function insertInTimeOrder(list: Exchange[], x: Exchange): void {
  const last = list[list.length - 1];
  if (x.startedAt === null || !last || last.startedAt === null || !startedBefore(x, last)) {
    list.push(x);
    return;
  }
  list.splice(lowerBound(list, x.startedAt, x.index), 0, x);
}

function asksFor(p: Exchange, x: Exchange): boolean {
  const asked = p.req.get('access-control-request-method')?.toUpperCase();
  return !asked || asked === x.method;
}

/** The nearest preflight asking for x's method, reading the list in order (ties: the first listed). */
function nearestByScan(candidates: readonly Exchange[], x: Exchange): { p: Exchange; gap: number } | null {
  let best: { p: Exchange; gap: number } | null = null;
  for (const p of candidates) {
    if (!asksFor(p, x)) continue;
    const gap =
      p.startedAt !== null && x.startedAt !== null ? Math.abs(p.startedAt - x.startedAt) : Math.abs(p.index - x.index);
    if (!best || gap < best.gap) best = { p, gap };
  }
  return best;
}

/**
 * The same answer from a time-ordered list: walk out from x's start time both ways and stop once
 * the gap can only grow. Ties go to the preflight indexed first, as the scan does.
 */
function nearestInTime(timed: readonly Exchange[], x: Exchange, t: number): { p: Exchange; gap: number } | null {
  const best: { p: Exchange | null; gap: number } = { p: null, gap: Infinity };
  const consider = (p: Exchange) => {
    if (!asksFor(p, x)) return;
    const gap = Math.abs(p.startedAt! - t);
    if (gap < best.gap || (gap === best.gap && best.p !== null && p.index < best.p.index)) {
      best.p = p;
      best.gap = gap;
    }
  };
  const at = lowerBound(timed, t, -Infinity);
  for (let i = at; i < timed.length && timed[i]!.startedAt! - t <= best.gap; i++) consider(timed[i]!);
  for (let i = at - 1; i >= 0 && t - timed[i]!.startedAt! <= best.gap; i--) consider(timed[i]!);
  return best.p ? { p: best.p, gap: best.gap } : null;
}
