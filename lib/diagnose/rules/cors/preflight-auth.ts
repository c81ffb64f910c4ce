import type { Cause, Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { preflightEvidence } from './evidence';
import { corsVerdictOf } from './verdict';
import { CONFIDENCE } from '../../../core/confidence';
import { isCredentialRefusal } from '../../../core/statuses';

/**
 * A preflight refused with 401/403/407: the server authenticates OPTIONS, and browsers never
 * send credentials on a preflight (https://fetch.spec.whatwg.org/#cors-preflight-fetch), so
 * no change in the page's login can make it pass. Reported beside the CORS cause.
 */
export const preflightAuthRule: Rule = {
  name: 'cors-preflight-auth',
  run(ctx) {
    const v = corsVerdictOf(ctx);
    const p = v.preflight;
    if (!v.applies || !v.blocked || !p || !isCredentialRefusal(p.status)) return [];
    if (v.failures[0]?.stage !== 'preflight') return [];
    const evidence: Evidence[] = preflightEvidence(p).slice(0, 1);
    // A 407 is the proxy's refusal: its challenge is Proxy-Authenticate (RFC 9110 §11.7.1), quoted under that name.
    const challengeHeader = p.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
    const challenge = p.res.get(challengeHeader);
    if (challenge !== undefined) {
      evidence.push({
        where: 'preflight',
        name: challengeHeader.toLowerCase(),
        detail: `response ${challengeHeader}: ${challenge.slice(0, 120)}`,
      });
    }
    evidence.push({
      where: 'preflight',
      name: 'credentials',
      detail:
        p.req.has('authorization') || p.req.has('cookie')
          ? 'the preflight carried credentials (unusual: check for a proxy adding them)'
          : 'the preflight carried no Authorization and no Cookie, as browsers always send it',
    });
    const demanded = p.status !== 403 || challenge !== undefined;
    const cause: Cause = {
      id: 'auth.missing',
      confidence: demanded ? CONFIDENCE.possiblePlus10 : CONFIDENCE.weakPlus20,
      title: `The preflight was refused ${p.status}: the server wants credentials on OPTIONS`,
      summary:
        `The OPTIONS preflight (entry #${p.index}) was answered ${p.status}. Browsers send preflights ` +
        `without cookies or Authorization, so a server that authenticates OPTIONS refuses every preflight, ` +
        `whatever the page's login state` +
        `${p.status === 403 && challenge === undefined ? ' (a 403 may also be a firewall or a route that rejects OPTIONS)' : ''}.`,
      evidence,
      fixes: [
        'Exempt OPTIONS from authentication and answer it before the auth layer: Spring Security ' +
          'http.cors() (the CorsFilter runs first); ASP.NET Core app.UseCors() before UseAuthentication(); ' +
          'IIS: allow anonymous OPTIONS (IIS CORS module); API Gateway: no authorizer or API key on ' +
          'the OPTIONS method.',
      ],
    };
    return [cause];
  },
};
