import type { Exchange } from '../model/exchange';
import { checkAccess } from './access';
import { lnaBrowserFailure, spaceCrossing } from './local-network';
import { preflightNeed } from './need';
import { isCorsMode, isCrossOrigin, pageOriginOf } from './origin';
import { checkPreflight } from './preflight';
import { reasonFirst } from './reason-first';
import { inferWithoutPreflight } from './infer';
import { recordsVerdict } from './unrecorded';
import type { CorsCheck, CorsFailure, CorsVerdict } from './types';
import { CONFIDENCE } from '../core/confidence';

export interface CorsInput {
  x: Exchange;
  /** The paired preflight (ctx.preflight), if captured. */
  preflight: Exchange | null;
  /** The browser's verdict: Chrome marked the request failed (isBrowserBlocked). */
  blocked: boolean;
  /** Names of the cookies the request carried: credentials mode "include". */
  cookieNames: readonly string[];
  /** The page URL from the HAR's `pages`, a last resort for the page origin. */
  pageUrl?: string | null;
}

const READ = CONFIDENCE.likelyPlus8;
const NEXT = CONFIDENCE.possible;

function rate(list: CorsCheck[], first: number): CorsFailure[] {
  return list.map((f, i) => ({ ...f, confidence: i === 0 ? first : NEXT }));
}

/**
 * Evaluates a request against the Fetch standard's CORS protocol, in Chromium's order, so the
 * first failure is the one Chrome's console printed. Pure; never throws on odd headers.
 */
export function evaluateCors(input: CorsInput): CorsVerdict {
  const { x, preflight } = input;
  const page = pageOriginOf(x, preflight, input.pageUrl);
  const target = x.url && (x.url.protocol === 'http:' || x.url.protocol === 'https:') ? x.url.origin : null;
  const need = preflightNeed(x, preflight);
  const credentialed = input.cookieNames.length > 0;
  const verdictRecorded = recordsVerdict(x);
  // Every return below says why (`reason`).
  const verdict: Omit<CorsVerdict, 'reason'> = {
    applies: false,
    origin: page.origin,
    originFrom: page.from,
    target,
    blocked: false,
    verdictRecorded,
    credentials: credentialed ? 'include' : 'unknown',
    ...(credentialed
      ? {
          credentialsEvidence: `Cookie sent (${input.cookieNames.slice(0, 6).join(', ')}${input.cookieNames.length > 6 ? ', …' : ''})`,
        }
      : {}),
    need,
    preflight,
    failures: [],
  };
  if (x.isPreflight) return { ...verdict, reason: 'a preflight is judged with the request it guards' };
  if (!target) return { ...verdict, reason: 'not an http(s) URL' };
  if (!isCorsMode(x)) return { ...verdict, reason: 'not a CORS-mode request (navigation, no-cors or websocket)' };
  if (page.origin === null && !input.blocked) return { ...verdict, reason: 'the page origin is unknown' };
  // Stryker disable next-line ConditionalExpression: a null origin equals no target either (isCrossOrigin); the check only narrows the type
  if (page.origin !== null && !isCrossOrigin(page.origin, target))
    return { ...verdict, reason: `same-origin (${target})` };
  const applied: CorsVerdict = {
    ...verdict,
    applies: true,
    reason: `cross-origin: ${page.origin ?? 'unknown origin'} → ${target}`,
  };
  // Chrome writes `_error` on every entry (null when fine): its verdict beats our re-check.
  if (verdictRecorded && !input.blocked) return applied;
  const failures = runChecks(input, page.origin, credentialed);
  const crossing = spaceCrossing(x, page.origin);
  const blocked = input.blocked || failures.length > 0;
  if (crossing && blocked && !failures.some((f) => f.kind === 'local_network')) {
    const why = `a page in the ${crossing.from} address space called the ${crossing.to} space (${crossing.toFrom})`;
    failures.push({
      kind: 'local_network',
      stage: 'browser',
      value: null,
      message: `Permission was denied for this request to access the \`${crossing.to}\` address space.`,
      inferred:
        failures.length === 0
          ? `${why} and nothing else in the capture explains the block`
          : `${why}; Local Network Access may block it too`,
      confidence:
        failures.length === 0
          ? crossing.certain
            ? CONFIDENCE.possiblePlus15
            : CONFIDENCE.possiblePlus5
          : CONFIDENCE.weakPlus20,
    });
  }
  // Without the browser's verdict a failure read from the headers is likely, not certain: Chrome's own reading
  // may differ (a cached preflight, an extension). Inferred failures already sit below that.
  if (!verdictRecorded) for (const f of failures) f.confidence = Math.min(f.confidence, CONFIDENCE.likely);
  return { ...applied, blocked, failures };
}

function runChecks(input: CorsInput, origin: string | null, credentialed: boolean): CorsFailure[] {
  const { x, preflight } = input;
  const need = preflightNeed(x, preflight);
  // Local Network Access is decided before anything is sent: no preflight, no response.
  const lna = lnaBrowserFailure(x, spaceCrossing(x, origin));
  if (lna) return rate([lna], CONFIDENCE.certain);
  const responseRecorded = !(x.status === 0 && x.res.size === 0);
  if (preflight) {
    const pf = reasonFirst(checkPreflight(preflight, need, origin, credentialed), preflight);
    if (pf.length > 0) return rate(pf, READ);
  } else if (!responseRecorded && input.blocked) {
    return inferWithoutPreflight(need);
  }
  if (responseRecorded) {
    const r = checkAccess(x.res, origin, credentialed, 'response');
    if (r) return rate([r], READ);
  }
  if (credentialed || !input.blocked) return [];
  // Blocked, yet every check passes without credentials: only credentials mode "include"
  // (fetch credentials: 'include', XHR withCredentials) explains it; the Cookie header may
  // simply be absent (no cookie for that site, or provisional headers).
  const why =
    'no Cookie header was recorded, but the block is explained only if the request ran with credentials ' +
    'mode "include" (fetch credentials: \'include\' or XHR withCredentials)';
  const pf = preflight ? checkPreflight(preflight, need, origin, true) : [];
  if (pf.length > 0) return pf.slice(0, 1).map((f) => ({ ...f, inferred: why, confidence: CONFIDENCE.possiblePlus12 }));
  const r = responseRecorded ? checkAccess(x.res, origin, true, 'response') : null;
  return r ? [{ ...r, inferred: why, confidence: CONFIDENCE.possiblePlus12 }] : [];
}
