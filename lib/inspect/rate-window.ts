/**
 * Whether a window is a rate limit (seconds to an hour: wait and retry) or a quota (a day,
 * a month, a plan: waiting a minute will not help). The name says it when the server
 * names its windows (Kong: -minute, -day); else the policy's `w`; else how far the reset is.
 */

const UNITS: readonly [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds|secondly|1s)$/, 1],
  [/^(m|min|mins|minute|minutes|minutely|1m)$/, 60],
  [/^(h|hr|hour|hours|hourly|1h)$/, 3600],
  [/^(d|day|days|daily|1d|24h|rpd|tpd)$/, 86400],
  [/^(w|wk|week|weeks|weekly)$/, 7 * 86400],
  [/^(mo|month|months|monthly)$/, 30 * 86400],
  [/^(y|yr|year|years|yearly|annual|annually)$/, 365 * 86400],
];

/** A window of a day or more is a quota. */
export const LONG_WINDOW_SECONDS = 86400;
/** Resets further than this (and a little slack past an hour) suggest a daily or longer quota. */
const LONG_RESET_MS = 65 * 60 * 1000;

export function unitSeconds(name: string): number | undefined {
  for (const token of name.toLowerCase().split(/[-_\s]+/)) {
    for (const [re, s] of UNITS) if (re.test(token)) return s;
  }
  return undefined;
}

export interface Term {
  term: 'short' | 'long';
  termFrom: 'name' | 'policy' | 'reset' | 'default';
  windowSeconds?: number;
}

export function windowTerm(w: { name: string; windowSeconds?: number; resetIn?: number }): Term {
  const policy = w.windowSeconds ?? 0;
  if (policy > 0)
    return { term: policy >= LONG_WINDOW_SECONDS ? 'long' : 'short', termFrom: 'policy', windowSeconds: policy };
  const named = unitSeconds(w.name);
  if (named !== undefined)
    return { term: named >= LONG_WINDOW_SECONDS ? 'long' : 'short', termFrom: 'name', windowSeconds: named };
  if (/quota|plan|billing|credit/i.test(w.name)) return { term: 'long', termFrom: 'name' };
  if ((w.resetIn ?? 0) > LONG_RESET_MS) return { term: 'long', termFrom: 'reset' };
  if (w.resetIn !== undefined) return { term: 'short', termFrom: 'reset' };
  return { term: 'short', termFrom: 'default' };
}

/** "per minute", "per day", "per 30 s" — for titles. */
export function windowLabel(w: { name: string; windowSeconds?: number }): string {
  const s = w.windowSeconds;
  if (s === 1) return 'per-second';
  if (s === 60) return 'per-minute';
  if (s === 3600) return 'hourly';
  if (s === 86400) return 'daily';
  if (s === 7 * 86400) return 'weekly';
  if (s === 30 * 86400) return 'monthly';
  if (s === 365 * 86400) return 'yearly';
  if (s !== undefined) return `${s}-second`;
  return w.name === 'default' ? '' : `"${w.name}"`;
}
