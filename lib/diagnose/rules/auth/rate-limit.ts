import { rateLimitOf, type RateLimitReading, type RateWindow } from '../../../inspect/rate-limit';
import { windowLabel } from '../../../inspect/rate-window';
import { describeDuration } from '../../../inspect/token-timing';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

function left(w: RateWindow): string {
  if (w.limit !== undefined && w.remaining !== undefined) return `${w.remaining} of ${w.limit} left`;
  if (w.limit !== undefined && w.used !== undefined) return `${w.used} of ${w.limit} used`;
  // Only exhausted windows get here, and inspect/rate-limit.ts calls a window exhausted from its remaining
  // count or from both limit and used: past the two lines above, remaining is always set.
  // Stryker disable next-line ConditionalExpression,StringLiteral: 'none left' is a guard never shown (see above)
  return w.remaining !== undefined ? `${w.remaining} left` : 'none left';
}

function resetText(w: RateWindow | undefined, r: RateLimitReading): string {
  const ms = w?.resetIn ?? r.retryAfter?.ms;
  if (ms === undefined) return '';
  return ms <= 0 ? '; the window should have reset by now' : `; it resets in ${describeDuration(ms)}`;
}

function name(w: RateWindow, r: RateLimitReading): string {
  const parts = [windowLabel(w), r.resource && w.family === 'x-ratelimit' ? `"${r.resource}"` : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')} ` : '';
}

function evidenceOf(windows: RateWindow[], r: RateLimitReading, x: Parameters<Rule['run']>[0]['x']): Evidence[] {
  const ev: Evidence[] = [statusEvidence(x)];
  for (const w of windows.slice(0, 4))
    for (const q of w.quotes.slice(0, 5))
      ev.push({ where: 'response.header', name: q.slice(0, q.indexOf(':')).toLowerCase(), detail: q });
  if (r.retryAfter)
    ev.push({
      where: 'response.header',
      name: r.retryAfter.header,
      detail:
        `${r.retryAfter.header}: ${r.retryAfter.raw} (${describeDuration(r.retryAfter.ms)}` +
        `${r.retryAfter.form === 'date' ? ' after the response Date' : ''})`,
    });
  if (r.resource)
    ev.push({ where: 'response.header', name: 'x-ratelimit-resource', detail: `x-ratelimit-resource: ${r.resource}` });
  return ev;
}

const RATE_FIXES = [
  'Back off and retry after the reset (honour Retry-After); add exponential backoff with jitter.',
  'Reduce the call rate: cache responses, batch requests, avoid polling loops and duplicate calls.',
];
const QUOTA_FIXES = [
  'Wait for the quota period to reset, or raise the quota / upgrade the plan for this key or project.',
  'Find what consumed the quota (a loop, a leaked key, another app sharing the key).',
];

/** rate_limit.exceeded and quota.exceeded from the rate-limit headers and Retry-After. */
export const rateLimitRule: Rule = {
  name: 'rate-limit-headers',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 429 && x.status !== 403) return [];
    const r = rateLimitOf(ctx);
    const out: Cause[] = [];
    const short = r.exhausted.filter((w) => w.term === 'short');
    const long = r.exhausted.filter((w) => w.term === 'long');
    if (short.length > 0) {
      const w = short[0]!;
      out.push({
        id: 'rate_limit.exceeded',
        confidence: CONFIDENCE.likelyPlus5,
        title: `The ${name(w, r)}rate limit is used up (${left(w)})${resetText(w, r)}`,
        summary:
          `The server reports no requests left in this window` +
          `${x.status === 403 ? ' and answered 403 (GitHub and some gateways use 403 for rate limits)' : ''}. ` +
          `Requests succeed again once the window resets.`,
        evidence: evidenceOf(short, r, x),
        fixes: RATE_FIXES,
      });
    }
    if (long.length > 0) {
      const w = long[0]!;
      out.push({
        id: 'quota.exceeded',
        // A window the server names as daily/monthly with nothing left is direct proof; one
        // inferred from a distant reset is not. Vendor wording ("rate limit exceeded") cannot
        // tell the windows apart, so the named window outranks it.
        confidence:
          w.termFrom === 'reset'
            ? CONFIDENCE.possiblePlus12
            : short.length === 0
              ? CONFIDENCE.likelyPlus7
              : CONFIDENCE.likelyPlus2,
        title: `The ${name(w, r)}quota is used up (${left(w)})${resetText(w, r)}`,
        summary:
          `The exhausted limit is a long window (${w.termFrom === 'reset' ? 'its reset is hours away' : 'a day or longer'}): ` +
          `retrying in a few seconds will not help.`,
        evidence: evidenceOf(long, r, x),
        fixes: QUOTA_FIXES,
      });
    }
    if (short.length === 0 && long.length === 0 && r.retryAfter) {
      out.push({
        id: 'rate_limit.exceeded',
        confidence: x.status === 429 ? CONFIDENCE.likelyPlus1 : CONFIDENCE.possiblePlus12,
        title: `Too many requests: the server asks to retry after ${describeDuration(r.retryAfter.ms)}`,
        summary:
          `The ${x.status} carries ` +
          `${r.retryAfter.header}${x.status === 403 ? ', which GitHub documents for secondary rate limits answered with 403' : ''}: ` +
          `the client is being throttled.`,
        evidence: evidenceOf(r.windows, r, x),
        fixes: RATE_FIXES,
      });
    } else if (short.length === 0 && long.length === 0 && x.status === 429 && r.windows.length > 0) {
      out.push({
        id: 'rate_limit.exceeded',
        confidence: CONFIDENCE.possiblePlus12,
        title: 'Too many requests (429), though the reported windows still have room',
        summary:
          'The rate-limit headers show requests left, so another limit tripped: a burst or concurrency ' +
          'limit, a per-IP or per-endpoint limit, or a secondary limit the headers do not describe.',
        evidence: evidenceOf(r.windows, r, x),
        fixes: RATE_FIXES,
      });
    }
    return out;
  },
};
