import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';
import { grpcRefusal } from './grpc-web';
import { readRateLimit } from './rate-limit';
import { describeDuration } from './token-timing';
import { REFUSAL_STATUSES } from '../core/statuses';

/**
 * How a client retried a refused call: the run of refusals to the same endpoint before this
 * call, the gaps between them, and whether the wait the server asked for (Retry-After in
 * either form, or the reset of an exhausted rate-limit window) was honoured.
 */

/** Statuses after which a client should wait before calling again. 503 counts: it carries Retry-After. */
const REFUSED = new Set([...REFUSAL_STATUSES, 503]);
/** Repeats this close together, with no growing gap, are hammering even without a Retry-After. */
export const HAMMER_GAP_MS = 5000;
/** How many refused calls in a row before hammering is called a storm (this one included). */
export const HAMMER_RUN = 4;

export interface AskedWait {
  ms: number;
  /** The header as received, e.g. "Retry-After: 30". */
  quote: string;
  kind: 'retry-after' | 'rate-limit reset';
}

export interface RetryReading {
  /** Refused calls in a row to this endpoint ending with this one (1: the first refusal). */
  run: number;
  /** Start-to-start gaps (ms) between the calls of the run, oldest first. */
  intervals: number[];
  /** The instruction this call broke (came before it allowed), if any. */
  broke?: { from: Exchange; wait: AskedWait; afterMs: number };
  /** The wait the previous refusal asked for, honoured by this call. */
  honoured?: { from: Exchange; wait: AskedWait; afterMs: number };
  storm: 'too-soon' | 'hammering' | null;
}

export function wasRefused(x: Exchange): boolean {
  return REFUSED.has(x.status) || grpcRefusal(x) !== null;
}

/** When the answer arrived, on the client's clock. */
export function answeredAt(x: Exchange): number | null {
  if (x.startedAt === null) return null;
  const t = typeof x.entry.time === 'number' && x.entry.time > 0 ? x.entry.time : 0;
  return x.startedAt + t;
}

/** The wait a refusal asked for: Retry-After first (it is an instruction), else the latest reset of an exhausted window. */
export function askedWait(x: Exchange): AskedWait | null {
  const r = readRateLimit(x);
  if (r.retryAfter) {
    const name = r.retryAfter.header.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
    return { ms: r.retryAfter.ms, quote: `${name}: ${r.retryAfter.raw}`, kind: 'retry-after' };
  }
  let best: AskedWait | null = null;
  for (const w of r.exhausted) {
    if (w.resetIn === undefined || w.resetIn <= 0) continue;
    if (!best || w.resetIn > best.ms)
      best = {
        ms: w.resetIn,
        quote: w.quotes.find((q) => /reset/i.test(q)) ?? w.quotes[0] ?? '',
        kind: 'rate-limit reset',
      };
  }
  return best;
}

/** "0.2 s", "850 ms", "2 min": gaps between retries are often under a second. */
export function gap(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  return describeDuration(ms);
}

function slack(ms: number): number {
  // Clocks and timings are not exact: a retry a hair early still waited as told.
  return Math.max(250, ms * 0.05);
}

export function readRetries(log: LogIndex, x: Exchange): RetryReading {
  const none: RetryReading = { run: 1, intervals: [], storm: null };
  if (x.startedAt === null || x.isPreflight) return none;
  const before = log.callsBefore(x, 32).filter((y) => !y.isPreflight && y.startedAt !== null);
  const run: Exchange[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    if (!wasRefused(before[i]!)) break;
    run.unshift(before[i]!);
  }
  if (run.length === 0) return none;
  const all = [...run, x];
  const intervals = all.slice(1).map((y, i) => y.startedAt! - all[i]!.startedAt!);
  const reading: RetryReading = { run: all.length, intervals, storm: null };
  // Instructions given by refusals this call could have read (answered before it started).
  let broke: RetryReading['broke'];
  for (let i = run.length - 1; i >= 0; i--) {
    const p = run[i]!;
    const end = answeredAt(p);
    if (end === null || end > x.startedAt) continue;
    const wait = askedWait(p);
    if (!wait) continue;
    const afterMs = x.startedAt - end;
    const early = wait.ms - afterMs;
    if (early > slack(wait.ms)) {
      if (!broke || early > broke.wait.ms - broke.afterMs) broke = { from: p, wait, afterMs };
    } else if (i === run.length - 1) reading.honoured = { from: p, wait, afterMs };
  }
  if (broke) return { ...reading, broke, storm: 'too-soon', honoured: undefined };
  if (reading.honoured) return reading;
  // No instruction: hammering is a run of quick repeats whose gaps do not grow.
  if (all.length >= HAMMER_RUN) {
    const last = intervals.slice(-(HAMMER_RUN - 1));
    const sequential = all
      .slice(-HAMMER_RUN)
      .every((y, i, a) => i === 0 || (answeredAt(a[i - 1]!) ?? 0) <= y.startedAt!);
    const quick = last.every((g) => g < HAMMER_GAP_MS);
    const growing = last[last.length - 1]! >= 1.5 * last[0]! && last[last.length - 1]! > 500;
    if (sequential && quick && !growing) reading.storm = 'hammering';
  }
  return reading;
}
