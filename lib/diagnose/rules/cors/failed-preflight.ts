import type { Cause, Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { clip } from '../../../inspect/mask';
import { failedOkPreflight, guardedCall } from '../../failed-preflight';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * The preflight's own row: answered 2xx, but without a matching Access-Control-Allow-Origin, so the browser
 * stopped there and never sent (or never exposed) the call behind it.
 */
export const failedPreflightRule: Rule = {
  name: 'cors-failed-ok-preflight',
  run(ctx) {
    const { x } = ctx;
    const check = failedOkPreflight(x);
    if (!check) return [];
    const call = guardedCall(x, ctx.log);
    const acao = x.res.get('access-control-allow-origin');
    const evidence: Evidence[] = [
      {
        where: 'response.status',
        detail: `${x.status} ${x.statusText}`.trim() + ': the preflight itself looks successful',
      },
      {
        where: 'response.header',
        name: 'access-control-allow-origin',
        detail: acao
          ? `Access-Control-Allow-Origin: ${clip(acao, 80)}`
          : 'no Access-Control-Allow-Origin on the preflight response',
      },
      { where: 'request.header', name: 'origin', detail: `Origin: ${clip(x.req.get('origin') ?? '', 80)}` },
      { where: 'browser', detail: check.message },
    ];
    if (call)
      evidence.push({
        where: 'log',
        name: 'blocked call',
        detail: `entry ${call.index}: ${call.method} ${clip(call.rawUrl, 120)} → ${call.netError ?? call.status}`,
      });
    const cause: Cause = {
      id: `cors.${check.kind}`,
      confidence: CONFIDENCE.certain,
      title: `The preflight answered ${x.status} but without a matching Access-Control-Allow-Origin`,
      summary:
        "A 2xx status is not enough: the preflight response must also allow the page's origin. This one did not, " +
        'so the browser stopped here and blocked the request behind it.',
      evidence,
      fixes: [
        'Send Access-Control-Allow-Origin (and Access-Control-Allow-Methods / -Headers) on the OPTIONS response too, ' +
          'not only on the actual response; many configs add CORS headers after an early `return 204`.',
      ],
    };
    return [cause];
  },
};
