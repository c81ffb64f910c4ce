import type { Exchange } from '../model/exchange';
import { browserBlockOf } from '../inspect/browser-block';
import { grpcRefusal, isGrpcWeb } from '../inspect/grpc-web';
import { orbBlocked } from '../inspect/orb';
import { stateRefusalOf } from '../inspect/oauth-state';

/**
 * Refusals no HTTP status shows: a protocol carried inside HTTP said no (gRPC-web
 * UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED in an HTTP 200; a sign-in callback whose
 * OAuth state was refused, lib/inspect/oauth-state.ts), or the browser itself
 * stopped the request (CORP/COEP, ORB, the page's CSP, mixed content; docs/browser-blocks.md).
 */
export function hiddenRefusal(x: Exchange): boolean {
  // Each reader below returns nothing for a preflight (it is judged with the call it guards).
  return grpcRefusal(x) !== null || browserBlockOf(x) !== null || orbBlocked(x) || stateRefusalOf(x) !== null;
}

/** The browser, not the server, stopped it (shown like a CORS block: the page saw a network error). */
export function stoppedByBrowser(x: Exchange): boolean {
  return browserBlockOf(x) !== null || orbBlocked(x); // both skip preflights
}

/**
 * A refusal may sit in this body although nothing else shows it yet (a gRPC-web trailer frame):
 * the panel reads such bodies at once, as it does for flagged entries.
 */
export function bodyMayHoldRefusal(x: Exchange): boolean {
  return !x.isPreflight && isGrpcWeb(x);
}
