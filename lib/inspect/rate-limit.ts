import type { RuleContext } from '../core/context';
import type { Exchange } from '../model/exchange';
import { num, parseReset, parseRetryAfter, parseSfList, type RetryAfter, type SfItem } from './rate-limit-fields';
import { windowTerm } from './rate-window';

/** One limit the server reported: a family of headers for one time window (minute, hour, day…). */
export interface RateWindow {
  /** Where it came from: "x-ratelimit", "ratelimit", "RateLimit (structured)", … */
  family: string;
  /** The window or resource name: "default", "minute", "requests", "tokens", "core"… */
  name: string;
  limit?: number;
  remaining?: number;
  used?: number;
  resetAt?: number;
  resetIn?: number;
  resetForm?: string;
  windowSeconds?: number;
  /** short: a rate limit (seconds to hours); long: a quota (day, month, plan). */
  term: 'short' | 'long';
  termFrom: 'name' | 'policy' | 'reset' | 'default';
  /** The headers as received, for evidence. */
  quotes: string[];
}

export interface RateLimitReading {
  windows: RateWindow[];
  /** Windows with nothing left (remaining ≤ 0, or used ≥ limit). */
  exhausted: RateWindow[];
  retryAfter?: RetryAfter & { header: string };
  /** GitHub's x-ratelimit-resource (core, search, graphql…). */
  resource?: string;
}

const FIELDS = new Set(['limit', 'remaining', 'reset', 'used']);
const FAMILY = /^((?:x-)?(?:[a-z0-9]+-)??rate-?limit)-(.+)$/;

function windowFor(map: Map<string, RateWindow>, family: string, name: string): RateWindow {
  const key = `${family}\u0000${name}`;
  let w = map.get(key);
  if (!w) {
    w = { family, name, term: 'short', termFrom: 'default', quotes: [] };
    map.set(key, w);
  }
  return w;
}

function setField(w: RateWindow, field: string, value: string, clock: number | null, delta: boolean): void {
  if (field === 'reset') {
    const r = parseReset(value, clock, delta);
    if (r) Object.assign(w, { resetAt: r.at, resetIn: r.in, resetForm: r.form });
    return;
  }
  const n = num(value);
  if (n === undefined) return;
  if (field === 'limit') w.limit = n;
  else if (field === 'remaining') w.remaining = n;
  else if (field === 'used') w.used = n;
}

/** Numbered headers: x-ratelimit-*, ratelimit-*, anthropic-ratelimit-*, x-rate-limit-*. */
function readFamilies(x: Exchange, map: Map<string, RateWindow>): void {
  for (const header of x.res.names()) {
    const m = FAMILY.exec(header);
    if (!m || header.includes('policy')) continue;
    const tokens = m[2]!.split('-');
    const field = tokens.find((t) => FIELDS.has(t));
    if (!field) continue;
    const delta = tokens.includes('after') || m[1] === 'ratelimit';
    const name = tokens.filter((t) => t !== field && t !== 'after').join('-') || 'default';
    const value = x.res.get(header) ?? '';
    const w = windowFor(map, m[1]!, name);
    setField(w, field, value, x.clock, delta);
    w.quotes.push(`${header}: ${value.slice(0, 80)}`);
  }
}

/** The structured RateLimit header (draft 7 dictionary, or draft 8+ named items) and its policy. */
function readStructured(x: Exchange, map: Map<string, RateWindow>): void {
  const policies = x.res.getAll('ratelimit-policy').flatMap(parseSfList);
  for (const value of x.res.getAll('ratelimit')) {
    const items = parseSfList(value);
    if (items.some((i) => i.params.key)) {
      const w = windowFor(map, 'RateLimit', 'default');
      for (const i of items) if (i.params.key) setField(w, i.params.key, i.value, x.clock, true);
      w.quotes.push(`RateLimit: ${value.slice(0, 120)}`);
    } else {
      for (const i of items) {
        const w = windowFor(map, 'RateLimit', i.value || 'default');
        if (i.params.r !== undefined) setField(w, 'remaining', i.params.r, x.clock, true);
        if (i.params.t !== undefined) setField(w, 'reset', i.params.t, x.clock, true);
        w.quotes.push(`RateLimit: ${value.slice(0, 120)}`);
      }
    }
  }
  if (policies.length === 0) return;
  const policyQuote = `RateLimit-Policy: ${x.res.getAll('ratelimit-policy').join(', ').slice(0, 120)}`;
  for (const w of map.values()) {
    if (w.family !== 'RateLimit' && w.family !== 'ratelimit') continue;
    const p = matchPolicy(policies, w);
    if (!p) continue;
    const q = num(p.params.q) ?? num(p.value);
    if (w.limit === undefined && q !== undefined) w.limit = q;
    const secs = num(p.params.w);
    if (secs !== undefined) w.windowSeconds = secs;
    w.quotes.push(policyQuote);
  }
}

function matchPolicy(policies: SfItem[], w: RateWindow): SfItem | undefined {
  return (
    policies.find((p) => p.value === w.name) ??
    policies.find((p) => w.limit !== undefined && num(p.value) === w.limit) ??
    (policies.length === 1 || w.name === 'default' ? policies[0] : undefined)
  );
}

// Used/limit pairs some platforms send in one header.
function readPairs(x: Exchange, map: Map<string, RateWindow>): void {
  const shopify = x.res.get('x-shopify-shop-api-call-limit');
  const m1 = shopify ? /^\s*(\d+)\s*\/\s*(\d+)/.exec(shopify) : null;
  if (m1) {
    const w = windowFor(map, 'x-shopify-shop-api-call-limit', 'bucket');
    Object.assign(w, { used: Number(m1[1]), limit: Number(m1[2]) });
    w.quotes.push(`X-Shopify-Shop-Api-Call-Limit: ${shopify}`);
  }
  const sforce = x.res.get('sforce-limit-info');
  const m2 = sforce ? /api-usage=(\d+)\/(\d+)/.exec(sforce) : null;
  if (m2) {
    // Salesforce's API request allocation is a rolling 24 h quota.
    const w = windowFor(map, 'sforce-limit-info', 'day');
    Object.assign(w, { used: Number(m2[1]), limit: Number(m2[2]) });
    w.quotes.push(`Sforce-Limit-Info: ${m2[0]}`);
  }
}

export function readRateLimit(x: Exchange): RateLimitReading {
  const map = new Map<string, RateWindow>();
  readFamilies(x, map);
  readStructured(x, map);
  readPairs(x, map);
  const windows = [...map.values()].filter(
    (w) =>
      w.limit !== undefined ||
      w.remaining !== undefined ||
      w.used !== undefined ||
      w.resetAt !== undefined ||
      w.resetIn !== undefined,
  );
  for (const w of windows) Object.assign(w, windowTerm(w));
  const exhausted = windows.filter((w) =>
    w.remaining !== undefined
      ? w.remaining <= 0
      : w.used !== undefined && w.limit !== undefined && w.limit > 0 && w.used >= w.limit,
  );
  const reading: RateLimitReading = { windows, exhausted };
  for (const header of ['retry-after', 'x-retry-after', 'retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = x.res.get(header);
    if (raw === undefined || (header === 'retry-after' && varnishBuiltinRetry(x, raw))) continue;
    const ra = header.endsWith('-ms') ? msRetry(raw) : parseRetryAfter(raw, x.clock);
    if (ra) {
      reading.retryAfter = { ...ra, header };
      break;
    }
  }
  const resource = x.res.get('x-ratelimit-resource');
  if (resource) reading.resource = resource.slice(0, 40);
  return reading;
}

/**
 * Varnish's built-in `vcl_builtin_synth` (builtin.vcl in 7.1) sets `Retry-After: 5` on every synthetic
 * response, whatever `return (synth(403))` or `synth(401)` the site's VCL chose: on Varnish's own synthetic page
 * ("Guru Meditation", X-Varnish) that header says nothing about a rate. A 429 keeps it (the VCL sent a rate limit).
 * Source: https://github.com/varnishcache/varnish-cache/blob/varnish-7.1.1/bin/varnishd/builtin.vcl (Debian ships it
 * as /usr/share/doc/varnish/builtin.vcl.gz; recorded in test/fixtures/lab/varnish).
 */
function varnishBuiltinRetry(x: Exchange, raw: string): boolean {
  return (
    x.status !== 429 &&
    raw.trim() === '5' &&
    x.res.get('x-varnish') !== undefined &&
    /<h3>\s*Guru Meditation:\s*<\/h3>/i.test((x.body.text ?? '').slice(0, 4000))
  );
}

function msRetry(raw: string): RetryAfter | undefined {
  const n = num(raw);
  return n !== undefined && n >= 0 ? { ms: n, form: 'ms', raw: raw.trim() } : undefined;
}

export function rateLimitOf(ctx: RuleContext): RateLimitReading {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:rate-limit', () => readRateLimit(ctx.x));
}
