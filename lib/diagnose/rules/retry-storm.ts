import type { Cause, Evidence } from '../../core/causes';
import type { Rule } from '../../core/context';
import { gap, readRetries, type RetryReading } from '../../inspect/retries';
import { isoMs } from '../../inspect/token-timing';
import type { Exchange } from '../../model/exchange';
import { CONFIDENCE } from '../../core/confidence';

const FIXES = [
  'Retry with exponential backoff and jitter (for example 1 s, 2 s, 4 s… capped, each delay randomised), ' +
    'and give up after a few attempts.',
  'Honour Retry-After (delay-seconds or an HTTP-date) and the rate-limit reset before calling again; ' +
    'do not retry 401/403 at all until the credential changed.',
  'Share one retry policy across the app (an interceptor or fetch wrapper) so parallel callers do not multiply the load.',
];

function when(y: Exchange): string {
  return y.startedAt !== null ? isoMs(y.startedAt) : `entry #${y.index}`;
}

export function retryEvidence(x: Exchange, r: RetryReading): Evidence[] {
  const ev: Evidence[] = [
    {
      where: 'log',
      name: 'retries',
      detail: `call ${r.run} in a row to ${x.method} ${x.url ? x.url.pathname : x.rawUrl} refused; this one answered ${x.status}`,
    },
    {
      where: 'log',
      name: 'intervals',
      detail: `intervals between the calls: ${r.intervals.slice(-10).map(gap).join(', ')}`,
    },
  ];
  if (r.broke) {
    const { from, wait, afterMs } = r.broke;
    ev.push({
      where: 'response.header',
      name: wait.kind === 'retry-after' ? 'retry-after' : 'rate-limit reset',
      detail:
        `${wait.quote} on the ${from.status} at ${when(from)} (entry #${from.index}) asked for ${gap(wait.ms)}; ` +
        `this call came ${gap(afterMs)} after that answer, ${gap(wait.ms - afterMs)} too early`,
    });
  }
  return ev;
}

/**
 * client.retry_storm: the client repeats a refused call sooner than the server allowed, or
 * hammers it with no growing delay. Reported beside the refusal's own cause, never instead.
 */
export const retryStormRule: Rule = {
  name: 'retry-storm',
  run(ctx) {
    // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
    const r = ctx.once('inspect:retries', () => readRetries(ctx.log, ctx.x));
    if (!r.storm) return [];
    const tooSoon = r.storm === 'too-soon' && r.broke;
    const cause: Cause = {
      id: 'client.retry_storm',
      confidence: tooSoon ? CONFIDENCE.possiblePlus20 : CONFIDENCE.possiblePlus2,
      title: tooSoon
        ? `Retried ${gap(r.broke!.afterMs)} after being told to wait ${gap(r.broke!.wait.ms)} (call ${r.run} in a row)`
        : `Retry storm: call ${r.run} in a row, every ${gap(Math.max(...r.intervals.slice(-3)))} or faster, no backoff`,
      summary: tooSoon
        ? `The server asked the client to wait (${r.broke!.wait.quote}) and the client called again before that. ` +
          'Each early retry is refused again and may extend the penalty.'
        : 'The client keeps repeating a refused call at a steady, short interval. The answer will not change by ' +
          'asking faster; the retries add load and can trip rate limits or lock-outs.',
      evidence: retryEvidence(ctx.x, r),
      fixes: FIXES,
    };
    return [cause];
  },
};
