import type { Cause, Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { clip } from '../../../inspect/mask';
import { failedPreflight, guardedCall } from '../../failed-preflight';
import { CONFIDENCE } from '../../../core/confidence';

/**
 * The preflight's own row: its answer fails the browser's preflight check (no matching
 * Access-Control-Allow-Origin, not an ok status, a redirect, a method or header not allowed), so
 * the browser stopped there and never sent (or never exposed) the call behind it.
 */
export const failedPreflightRule: Rule = {
  name: 'cors-failed-preflight',
  run(ctx) {
    const { x } = ctx;
    const check = failedPreflight(x);
    if (!check) return [];
    const call = guardedCall(x, ctx.log);
    const acao = x.res.get('access-control-allow-origin');
    // Stryker disable next-line ConditionalExpression: failedPreflight() passes no status 0, and a final status is never below 200
    const ok = x.status >= 200 && x.status <= 299;
    const evidence: Evidence[] = [
      {
        where: 'response.status',
        detail: `${x.status} ${x.statusText}`.trim() + (ok ? ': the preflight itself looks successful' : ''),
      },
      {
        where: 'response.header',
        name: 'access-control-allow-origin',
        detail: acao
          ? `Access-Control-Allow-Origin: ${clip(acao, 80)}`
          : 'no Access-Control-Allow-Origin on the preflight response',
      },
      { where: 'request.header', name: 'origin', detail: `Origin: ${clip(x.req.get('origin') ?? '', 80)}` },
    ];
    const asked = [
      ['access-control-request-method', 'access-control-allow-methods'],
      ['access-control-request-headers', 'access-control-allow-headers'],
    ] as const;
    for (const [request, response] of asked) {
      const value = x.req.get(request);
      if (value === undefined || (check.kind !== 'method_not_allowed' && check.kind !== 'header_not_allowed')) continue;
      evidence.push({ where: 'request.header', name: request, detail: `${request}: ${clip(value, 120)}` });
      const allowed = x.res.get(response);
      evidence.push({
        where: 'response.header',
        name: response,
        detail:
          allowed === undefined ? `no ${response} on the preflight response` : `${response}: ${clip(allowed, 120)}`,
      });
    }
    evidence.push({ where: 'browser', detail: check.message });
    if (call)
      evidence.push({
        where: 'log',
        name: 'blocked call',
        detail: `entry ${call.index}: ${call.method} ${clip(call.rawUrl, 120)} → ${call.netError ?? call.status}`,
      });
    const cause: Cause = {
      id: `cors.${check.kind}`,
      confidence: CONFIDENCE.certain,
      title: `The preflight answered ${x.status}, and the browser refused it: ${clip(check.message, 140)}`,
      summary:
        (ok
          ? "A 2xx status is not enough: the preflight response must also allow the page's origin, the method and the headers asked for. "
          : "A preflight must be answered with a 2xx status that allows the page's origin, the method and the headers asked for. ") +
        'This one did not, so the browser stopped here and blocked the request behind it.',
      evidence,
      fixes: [
        check.kind === 'method_not_allowed' || check.kind === 'header_not_allowed'
          ? `Add what the browser asked for to the OPTIONS response: ${check.kind === 'method_not_allowed' ? `Access-Control-Allow-Methods with ${clip(check.subject ?? '', 40)}` : `Access-Control-Allow-Headers with ${clip((check.missing ?? []).join(', '), 80)}`}.`
          : 'Answer the OPTIONS request with a 2xx and Access-Control-Allow-Origin (and Access-Control-Allow-Methods / -Headers), ' +
            'not only the actual request; many configs add CORS headers after an early `return 204`, or route OPTIONS to a 404/405.',
      ],
    };
    return [cause];
  },
};
