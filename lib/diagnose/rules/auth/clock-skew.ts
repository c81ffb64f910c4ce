import { authorizationOf } from '../../../inspect/authorization';
import { clip } from '../../../inspect/mask';
import { signedUrlOf } from '../../../inspect/signed-url';
import { parseAmzDate } from '../../../inspect/sigv4';
import { clockLabel, describeDuration, isoMs, isoSeconds, jwtTiming } from '../../../inspect/token-timing';
import { jwtsOf } from '../../../inspect/tokens';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';

/** AWS refuses signatures more than 15 min from its clock (RequestTimeTooSkewed); Azure allows 15 min too. */
export const SKEW_HARD_MS = 15 * 60_000;
/** Some services (and many HMAC schemes) allow only 5 min. */
export const SKEW_SOFT_MS = 5 * 60_000;

const FIXES = [
  "Synchronise the client machine's clock (enable NTP / automatic time), then sign the request again.",
  'Sign immediately before sending; do not reuse a signed request later (retries, queues, replays).',
];

function direction(ms: number): string {
  // Stryker disable next-line EqualityOperator: only gaps over 5 min are told, so ms is never 0 here.
  return ms > 0 ? 'ahead of' : 'behind';
}

function cause(x: RuleContext['x'], gap: number, what: string, ev: Evidence, confidence: number, extra = ''): Cause {
  return {
    id: 'clock.skew',
    confidence,
    title: `${what} is ${describeDuration(gap)} ${direction(gap)} the server's clock`,
    summary:
      `The request's own timestamp and the server's Date differ by ${describeDuration(gap)}; signed ` +
      `requests are only accepted within a few minutes (AWS and Azure: 15 min, some services 5 ` +
      `min).${extra}`,
    evidence: [ev, { where: 'response.header', name: 'date', detail: clockLabel(x) }, statusEvidence(x)],
    fixes: FIXES,
  };
}

/** Signed-request timestamps sent as headers: X-Amz-Date (SigV4), x-ms-date (Azure SharedKey), x-goog-date. */
function headerTimestamp(ctx: RuleContext): { name: string; raw: string; at: number } | null {
  const { x } = ctx;
  const sig = authorizationOf(ctx)?.sigv4;
  for (const name of ['x-amz-date', 'x-goog-date']) {
    const raw = x.req.get(name);
    const at = parseAmzDate(raw);
    if (raw && at !== null) return { name, raw, at };
  }
  const ms = x.req.get('x-ms-date');
  if (ms && Number.isFinite(Date.parse(ms))) return { name: 'x-ms-date', raw: ms, at: Date.parse(ms) };
  // An X-Amz-Date was read above, so a SigV4 date left here came from the Date header.
  // Stryker disable next-line LogicalOperator,StringLiteral: the Date header is always there then.
  if (sig?.amzDate !== undefined) return { name: 'date', raw: x.req.get('date') ?? '', at: sig.amzDate };
  return null;
}

/** clock.skew: a signature timestamp, SAS start or token issue time far from the server's Date. */
export const clockSkewRule: Rule = {
  name: 'clock-skew',
  run(ctx) {
    const { x } = ctx;
    // Stryker disable next-line ConditionalExpression: a response Date clock is never null; the check narrows the type.
    if (x.clock === null || x.clockSource !== 'response Date' || ![400, 401, 403].includes(x.status)) return [];
    const out: Cause[] = [];
    const h = headerTimestamp(ctx);
    if (h) {
      const gap = h.at - x.clock;
      if (Math.abs(gap) > SKEW_SOFT_MS) {
        const ev: Evidence = {
          where: 'request.header',
          name: h.name,
          detail: `${h.name}: ${clip(h.raw, 40)} (${isoMs(h.at)})`,
        };
        out.push(
          cause(
            x,
            gap,
            'The request signature time',
            ev,
            Math.abs(gap) > SKEW_HARD_MS ? CONFIDENCE.likelyPlus1 : CONFIDENCE.possiblePlus10,
          ),
        );
      }
    }
    const signed = signedUrlOf(ctx);
    if (signed?.signedAt !== undefined && signed.signedAt - x.clock > SKEW_HARD_MS) {
      const gap = signed.signedAt - x.clock;
      out.push(
        cause(
          x,
          gap,
          `The ${signed.label} signing time`,
          { where: 'request.query', detail: signed.quotes.join('&') },
          CONFIDENCE.possiblePlus20,
          " A URL signed in the future means the signer's clock is ahead.",
        ),
      );
    }
    if (signed?.notBefore !== undefined && signed.notBefore > x.clock) {
      const gap = signed.notBefore - x.clock;
      out.push({
        // st after the server's Date (and se still ahead) is direct proof the SAS is early, not expired.
        ...cause(
          x,
          gap,
          'The SAS start time (st)',
          { where: 'request.query', name: 'st', detail: signed.quotes.join('&') },
          gap > 60_000 ? CONFIDENCE.likelyPlus8 : CONFIDENCE.possiblePlus15,
        ),
        summary:
          `The shared access signature is valid only from ${isoMs(signed.notBefore)}, which is after ` +
          `the server's Date: the clock of the machine that generated it is ahead, or st was set to ` +
          `"now" and the server's clock is slightly behind.`,
        fixes: [
          'Omit st, or set it 15 minutes in the past as Azure recommends, to absorb clock skew.',
          ...FIXES.slice(0, 1),
        ],
      });
    }
    for (const t of jwtsOf(ctx)) {
      const timing = jwtTiming(t.jwt, x);
      // Stryker disable next-line OptionalChaining: the rule runs only with a clock, so jwtTiming() always reads.
      if (timing?.iatAhead === undefined || timing.iatAhead <= SKEW_SOFT_MS) continue;
      const ev: Evidence = {
        where: 'token',
        name: t.name,
        detail: `JWT iat ${isoSeconds(t.jwt.iat!)} > ${clockLabel(x)}`,
      };
      out.push(
        cause(
          x,
          timing.iatAhead,
          'The token issue time (iat)',
          ev,
          CONFIDENCE.possiblePlus10,
          ' A token issued "in the future" means the issuer\'s clock (or the client\'s, for self-signed tokens) runs ahead.',
        ),
      );
      break;
    }
    return out;
  },
};
