// Refusals no HTTP status shows (lib/diagnose/hidden-refusal.ts): a gRPC-web status inside an HTTP 200
// (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md: grpc-status 16 UNAUTHENTICATED, 7
// PERMISSION_DENIED), or the browser's own block (ORB, net::ERR_BLOCKED_BY_ORB). A preflight is never one
// of them: it is judged with the call it guards.
import { describe, expect, it } from 'vitest';
import { bodyMayHoldRefusal, hiddenRefusal, stoppedByBrowser } from '../../../lib/diagnose/hidden-refusal';
import { ex } from '../cors/helpers';

const grpc = (status: string) =>
  ex({
    method: 'POST',
    url: 'https://api.example.net/pkg.Orders/List',
    status: 200,
    requestHeaders: { 'Content-Type': 'application/grpc-web+proto' },
    responseHeaders: { 'Content-Type': 'application/grpc-web+proto', 'grpc-status': status },
  });
const orb = ex({ url: 'https://api.example.net/v1/profile', status: 200, error: 'net::ERR_BLOCKED_BY_ORB' });
const preflightTo = (responseHeaders: Record<string, string>) =>
  ex({
    method: 'OPTIONS',
    url: 'https://api.example.net/pkg.Orders/List',
    status: 200,
    requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
    responseHeaders,
  });

describe('a refusal no status shows', () => {
  it('gRPC-web UNAUTHENTICATED in a 200 is one, the server saying it; grpc-status 0 (OK) is not', () => {
    expect(hiddenRefusal(grpc('16'))).toBe(true);
    expect(stoppedByBrowser(grpc('16'))).toBe(false);
    expect(hiddenRefusal(grpc('0'))).toBe(false);
  });

  it('ORB is one, and the browser stopped it', () => {
    expect(hiddenRefusal(orb)).toBe(true);
    expect(stoppedByBrowser(orb)).toBe(true);
  });

  it('a plain 200 is neither', () => {
    const ok = ex({ url: 'https://api.example.net/v1/items', status: 200 });
    expect(hiddenRefusal(ok)).toBe(false);
    expect(stoppedByBrowser(ok)).toBe(false);
    expect(bodyMayHoldRefusal(ok)).toBe(false);
  });
});

describe('a body that may hold a refusal', () => {
  it('a gRPC-web answer, whatever its status header says yet', () => {
    expect(bodyMayHoldRefusal(grpc('0'))).toBe(true);
  });

  it("a preflight to a gRPC-web service is not read for one, even when the proxy answered it with gRPC's headers", () => {
    const p = preflightTo({ 'Content-Type': 'application/grpc-web+proto', 'grpc-status': '16' });
    expect(p.isPreflight).toBe(true);
    expect(bodyMayHoldRefusal(p)).toBe(false);
    expect(hiddenRefusal(p)).toBe(false);
  });

  it('a preflight the browser failed with an ORB error is not reported as stopped by the browser itself', () => {
    const p = ex({
      method: 'OPTIONS',
      url: 'https://api.example.net/v1/profile',
      status: 0,
      error: 'net::ERR_BLOCKED_BY_ORB',
      requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(stoppedByBrowser(p)).toBe(false);
    expect(hiddenRefusal(p)).toBe(false);
  });
});
