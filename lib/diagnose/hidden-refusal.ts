import type { Exchange } from '../model/exchange';
import { browserBlockOf } from '../inspect/browser-block';
import { grpcRefusal, isGrpcWeb } from '../inspect/grpc-web';
import { orbBlocked } from '../inspect/orb';

/**
 * Refusals no HTTP status shows: a protocol carried inside HTTP said no (gRPC-web
 * UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED in an HTTP 200), or the browser itself
 * stopped the request (CORP/COEP, ORB, the page's CSP, mixed content; docs/browser-blocks.md).
 */
export function hiddenRefusal(x: Exchange): boolean {
  if (x.isPreflight) return false;
  return grpcRefusal(x) !== null || browserBlockOf(x) !== null || orbBlocked(x);
}

/** The browser, not the server, stopped it (shown like a CORS block: the page saw a network error). */
export function stoppedByBrowser(x: Exchange): boolean {
  return !x.isPreflight && (browserBlockOf(x) !== null || orbBlocked(x));
}

/**
 * A refusal may sit in this body although nothing else shows it yet (a gRPC-web trailer frame):
 * the panel reads such bodies at once, as it does for flagged entries.
 */
export function bodyMayHoldRefusal(x: Exchange): boolean {
  return !x.isPreflight && isGrpcWeb(x);
}
