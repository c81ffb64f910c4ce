import { showSeconds, showTime } from '../core/dates';
import type { Exchange } from '../model/exchange';
import type { Jwt } from './jwt';

/** How far a token's lifetime is from the clock the server judged it by. */
export interface JwtTiming {
  /** The clock used (ms since epoch): the response Date, else the request start. */
  clock: number;
  clockSource: Exchange['clockSource'];
  /** ms past `exp` (> 0: expired). */
  pastExp?: number;
  /** ms until `nbf` (> 0: not valid yet). */
  untilNbf?: number;
  /** ms `iat` lies after the clock (> 0: issued "in the future"). */
  iatAhead?: number;
  /** exp − iat, ms, when both are present. */
  lifetime?: number;
}

// Claims are seconds since epoch; anything beyond year 10000 is not a real time.
const MAX_SECONDS = 253402300799;
const valid = (s: number | undefined): s is number => s !== undefined && Math.abs(s) <= MAX_SECONDS;

export function jwtTiming(jwt: Jwt, x: Pick<Exchange, 'clock' | 'clockSource'>): JwtTiming | null {
  if (x.clock === null) return null;
  const t: JwtTiming = { clock: x.clock, clockSource: x.clockSource };
  if (valid(jwt.exp)) t.pastExp = x.clock - jwt.exp * 1000;
  if (valid(jwt.nbf)) t.untilNbf = jwt.nbf * 1000 - x.clock;
  if (valid(jwt.iat)) t.iatAhead = jwt.iat * 1000 - x.clock;
  if (valid(jwt.exp) && valid(jwt.iat)) t.lifetime = (jwt.exp - jwt.iat) * 1000;
  return t;
}

/** "2 h 4 min", "45 s", "3 d 2 h": the size of a gap, for titles. */
export function describeDuration(ms: number): string {
  const a = Math.abs(ms);
  if (!Number.isFinite(a)) return 'an unknown time';
  if (a < 1000) return `${Math.round(a)} ms`;
  const s = Math.floor(a / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return m < 10 && s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  if (d < 365) return d < 10 && h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
  const y = Math.floor(d / 365);
  return `${y} year${y === 1 ? '' : 's'}`;
}

/** ISO 8601 without milliseconds, or "invalid date (…)" when it is not a representable time. */
export function isoMs(ms: number): string {
  return showTime(ms);
}

export function isoSeconds(seconds: number): string {
  return showSeconds(seconds);
}

/** Which clock the comparison used, for evidence: "Date 2026-11-21T12:04:10Z". */
export function clockLabel(x: Pick<Exchange, 'clock' | 'clockSource'>): string {
  if (x.clock === null) return 'no clock';
  return `${x.clockSource === 'response Date' ? 'Date' : 'request start'} ${isoMs(x.clock)}`;
}

/** "the response's Date" or "the request's start time (the response had no Date)". */
export function clockName(x: Pick<Exchange, 'clockSource'>): string {
  return x.clockSource === 'response Date'
    ? "the response's Date"
    : "the request's start time (the response had no Date header)";
}
