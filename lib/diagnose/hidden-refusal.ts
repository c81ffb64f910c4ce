import type { Exchange } from '../model/exchange';
import { grpcRefusal } from '../inspect/grpc-web';

/**
 * Refusals no HTTP status shows: a protocol carried inside HTTP said no (gRPC-web
 * UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED in an HTTP 200).
 */
export function hiddenRefusal(x: Exchange): boolean {
  if (x.isPreflight) return false;
  return grpcRefusal(x) !== null;
}
