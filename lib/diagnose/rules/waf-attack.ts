import { attackShapeOf } from '../../inspect/attack-shape';
import type { Cause } from '../../core/causes';
import type { Rule } from '../../core/context';
import type { Exchange } from '../../model/exchange';
import { CONFIDENCE } from '../../core/confidence';

/** How far back and forward to look for ordinary calls to the same server (bounded: logs can be huge). */
const NEIGHBOURS = 2000;

/** An ordinary call the same origin answered: a success to a request that was not attack-shaped. */
function ordinaryCall(x: Exchange, exchanges: readonly Exchange[]): Exchange | null {
  const origin = x.url?.origin;
  if (!origin) return null;
  const from = Math.max(0, exchanges.indexOf(x) - NEIGHBOURS);
  for (const y of exchanges.slice(from, from + 2 * NEIGHBOURS)) {
    if (y === x || y.isPreflight || y.url?.origin !== origin) continue;
    if (y.status >= 200 && y.status < 400 && attackShapeOf(y) === null) return y;
  }
  return null;
}

/**
 * A WAF behind a generic page. ModSecurity with the OWASP Core Rule Set (and many edge rules) answers with the
 * server's ordinary 403 page, so the page alone reads as a file refusal. When the refused request carries an
 * attack-shaped payload and the same server served ordinary requests, the firewall is the better reading
 * (likely); with no ordinary call to compare, only possible, so a web server's own page still speaks first.
 */
export const wafAttackRule: Rule = {
  name: 'waf-attack-shape',
  run(ctx) {
    const { x } = ctx;
    if (x.status !== 403 && x.status !== 406) return [];
    const attack = attackShapeOf(x);
    if (!attack) return [];
    const ordinary = ordinaryCall(x, ctx.log.exchanges);
    const cause: Cause = {
      id: 'waf.blocked',
      // Above a bare web-server page (0.65), below a vendor's own block page or stated reason.
      confidence: ordinary ? CONFIDENCE.possiblePlus20 : CONFIDENCE.weakPlus20,
      title: `A web application firewall likely blocked the ${attack.kind} in this request`,
      summary:
        `The request carries ${attack.kind === 'scanner' ? "a security scanner's User-Agent" : `an attack-shaped payload (${attack.kind})`}` +
        (ordinary
          ? ", and the same server answered ordinary requests, so the 403 is most likely a firewall rule (ModSecurity and the OWASP Core Rule Set answer with the server's ordinary 403 page), not a file permission."
          : '; a firewall rule is a plausible reason for the 403.'),
      evidence: [
        { where: attack.where, name: attack.kind, detail: attack.sample },
        ...(ordinary
          ? [
              {
                where: 'log' as const,
                name: 'ordinary call',
                detail: `entry ${ordinary.index}: ${ordinary.method} ${ordinary.rawUrl.slice(0, 120)} → ${ordinary.status}`,
              },
            ]
          : []),
      ],
      fixes: [
        'If the input is legitimate, send it encoded as the API expects (JSON body, not the query) or ask the site owner for a rule exclusion (the WAF log names the rule id).',
        'If this is a test, run it against an environment without the firewall, or whitelist the test client.',
      ],
    };
    return [cause];
  },
};
