import type { Exchange } from '../model/exchange';
import type { CorsCheck } from './types';

/**
 * The preflight's own reason ahead of its status. Chromium checks the status before the methods and headers
 * (checkPreflight), so for a preflight that a CORS layer refused because of the method or a header its console
 * prints "It does not have HTTP ok status", although the status is the refusal's consequence: Starlette's
 * CORSMiddleware (FastAPI's) answers such a preflight 400 "Disallowed CORS method" / "Disallowed CORS headers"
 * together with the Access-Control-Allow-Methods / -Headers it does allow
 * (https://www.starlette.io/middleware/#corsmiddleware, starlette/middleware/cors.py preflight_response).
 * When the non-2xx preflight itself sent the list and the list leaves out what was asked, turning the status into
 * a 2xx would not let the call through: the list is the reason, read first, with the status right after it. The
 * moved failure keeps what Chrome printed as its message. A non-2xx without those lists (an auth layer's 401 in
 * front of CORS, a router's 404) keeps the status first.
 */
export function reasonFirst(checks: CorsCheck[], p: Exchange): CorsCheck[] {
  const at = checks.findIndex((c) => c.kind === 'preflight_invalid_status');
  if (at < 0) return checks;
  // checkPreflight reads the status before the lists, so a list's failure always comes after it.
  const moved = checks.find(
    (c) =>
      (c.kind === 'method_not_allowed' && p.res.has('access-control-allow-methods')) ||
      (c.kind === 'header_not_allowed' && p.res.has('access-control-allow-headers')),
  );
  if (!moved) return checks;
  const out = checks.filter((c) => c !== moved);
  out.splice(at, 0, { ...moved, message: checks[at]!.message });
  return out;
}
