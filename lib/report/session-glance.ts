import { describeDuration } from '../inspect/token-timing';
import type { SessionOrigin, SessionPart } from './session-model';

/**
 * The session account at a glance (issue 18): one line for the whole capture ("3 origins
 * refused calls · token expired 2 h before the first refusal · rate limit not honoured") and
 * one line per origin, each opening onto its full account. Pure: the panel renders it.
 */
export interface SessionGlance {
  headline: string;
  origins: { origin: string; line: SessionPart[]; details: SessionPart[][] }[];
}

/** What happened to the tokens of one origin, in a few words, or nothing. */
function tokenFact(o: SessionOrigin): string | null {
  const t = o.tokens.find((k) => k.firstUseAfterExpiry && k.expiresMs !== undefined);
  if (!t) return null;
  const first = o.firstRefusal?.ms;
  if (first === undefined) return 'a token was used after it expired';
  const gap = first - t.expiresMs!;
  // Stryker disable next-line UnaryOperator: describeDuration reads the magnitude, so -gap and +gap say the same
  return gap >= 0
    ? `token expired ${describeDuration(gap)} before the first refusal`
    : `token expired ${describeDuration(-gap)} after the first refusal`;
}

/** Worst first. */
const RATE_VERDICTS = ['rate limit not honoured', 'rate limit reached', 'rate limit honoured'] as const;

/** Whether the client honoured the rate limits it met. */
function rateFact(o: SessionOrigin): (typeof RATE_VERDICTS)[number] | null {
  if (o.rateLimits.length === 0) return null;
  if (o.rateLimits.some((r) => r.retriedTooSoon + r.hammered > 0)) return 'rate limit not honoured';
  if (o.rateLimits.some((r) => r.waitedAsTold > 0)) return 'rate limit honoured';
  return 'rate limit reached';
}

function credentialFact(o: SessionOrigin): string | null {
  return o.credentialChanges.length > 0 ? 'credentials changed before the first refusal' : null;
}

function facts(o: SessionOrigin): string[] {
  return [tokenFact(o), rateFact(o), credentialFact(o)].filter((f): f is string => f !== null);
}

/** "2 of 9 calls refused, the first at +1.2 s (waf.blocked) · token expired …". */
function originLine(o: SessionOrigin): SessionPart[] {
  const f = o.firstRefusal;
  const head: SessionPart[] = [`${o.refused} of ${o.calls} call${o.calls === 1 ? '' : 's'} refused`];
  if (f) {
    head.push(', the first ');
    head.push(f.ms !== undefined ? { at: f.ms } : `entry #${f.index}`);
    if (f.cause) head.push(` (${f.cause})`);
  }
  const rest = facts(o);
  return rest.length > 0 ? [...head, ` · ${rest.join(' · ')}`] : head;
}

export function sessionGlance(origins: readonly SessionOrigin[]): SessionGlance {
  const n = origins.length;
  // One fact of each kind: the earliest origin's token, the worst rate-limit verdict.
  const token = origins.map(tokenFact).find((f) => f !== null);
  const rates = new Set(origins.map(rateFact));
  const rate = RATE_VERDICTS.find((v) => rates.has(v));
  const creds = origins.some((o) => credentialFact(o) !== null) ? 'credentials changed before a refusal' : undefined;
  return {
    headline: [`${n} origin${n === 1 ? '' : 's'} refused calls`, token, rate, creds].filter(Boolean).join(' · '),
    origins: origins.map((o) => ({ origin: o.origin, line: originLine(o), details: o.parts })),
  };
}
