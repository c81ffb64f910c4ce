import { attackShapeOf } from '../../inspect/attack-shape';
import { clientIpConflict } from '../../inspect/ip-spoofing';
import { clip } from '../../inspect/mask';
import { protocolAnomalyOf } from '../../inspect/protocol-anomaly';
import type { Cause, Evidence } from '../../core/causes';
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

function ordinaryEvidence(y: Exchange): Evidence {
  return {
    where: 'log',
    name: 'ordinary call',
    detail: `entry ${y.index}: ${y.method} ${y.rawUrl.slice(0, 120)} → ${y.status}`,
  };
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
    if (!attack) return [...protocolRefusal(ctx.x, ctx.log.exchanges), ...spoofedAddress(ctx.x)];
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
        ...(ordinary ? [ordinaryEvidence(ordinary)] : []),
      ],
      fixes: [
        'If the input is legitimate, send it encoded as the API expects (JSON body, not the query) or ask the site owner for a rule exclusion (the WAF log names the rule id).',
        'If this is a test, run it against an environment without the firewall, or whitelist the test client.',
      ],
    };
    return [cause];
  },
};

/**
 * A request that breaks the firewall's HTTP policy (a GET with a body, a Content-Type the Core Rule
 * Set does not allow) refused with a bare page while the same server answered ordinary requests. The
 * policy lists are configurable, so this ranks only just above a web server's own page, and not at
 * all without an ordinary call to compare (a server that refuses everything is not telling us this).
 */
function protocolRefusal(x: Exchange, exchanges: readonly Exchange[]): Cause[] {
  const anomaly = protocolAnomalyOf(x);
  if (!anomaly) return [];
  const ordinary = ordinaryCall(x, exchanges);
  if (!ordinary) return [];
  return [
    {
      id: 'waf.blocked',
      confidence: CONFIDENCE.possiblePlus6,
      title: `A web application firewall likely refused ${anomaly.what}`,
      summary:
        `The request is ${anomaly.what}, which the OWASP Core Rule Set refuses by default (rule ${anomaly.rule}), ` +
        "and the same server answered ordinary requests, so the 403 is more likely the firewall's HTTP policy " +
        "(ModSecurity answers with the server's ordinary 403 page) than a file permission.",
      evidence: [
        { where: anomaly.where, name: `CRS ${anomaly.rule}`, detail: anomaly.sample },
        ordinaryEvidence(ordinary),
      ],
      fixes: [
        'Send the request the way the firewall allows: no body on GET/HEAD (use POST or query parameters), and a Content-Type from its list (application/json, form or multipart).',
        'If the server must accept this request, ask its owner to widen the policy (tx.allowed_request_content_type, or a rule exclusion for the rule id in the WAF log).',
      ],
    },
  ];
}

/**
 * A 403 to a request whose client-address headers contradict each other (lib/inspect/ip-spoofing.ts): the
 * request filter that refuses spoofed addresses (Rack::Protection::IPSpoofing, on in every Sinatra app) answers
 * it with a bare "Forbidden". Only for a 403 that states no other reason in a challenge, and only modestly above
 * a bare page: an app may refuse the address itself, which the capture cannot tell apart.
 */
function spoofedAddress(x: Exchange): Cause[] {
  if (x.status !== 403 || x.res.has('www-authenticate')) return [];
  const conflict = clientIpConflict(x);
  if (!conflict) return [];
  const named = conflict.header === 'x-real-ip' ? 'X-Real-IP' : 'Client-IP';
  return [
    {
      id: 'waf.blocked',
      confidence: CONFIDENCE.possiblePlus6,
      title: `A request filter refused the contradicting client addresses (${named} not in X-Forwarded-For)`,
      summary:
        `The request names its client twice and the two disagree: ${named} is not among the X-Forwarded-For ` +
        'addresses. IP-spoofing protection (Rack::Protection::IPSpoofing, on by default in Sinatra) refuses such a ' +
        'request with a bare 403 before the application sees it.',
      evidence: [
        { where: 'request.header', name: conflict.header, detail: `${named}: ${clip(conflict.value, 60)}` },
        {
          where: 'request.header',
          name: 'x-forwarded-for',
          detail: `X-Forwarded-For: ${clip(conflict.forwardedFor, 100)} (does not list it)`,
        },
      ],
      fixes: [
        `Do not set X-Forwarded-For, X-Real-IP or Client-IP by hand; if a proxy sets them, make it set them consistently (${named} one of the X-Forwarded-For addresses).`,
      ],
    },
  ];
}
