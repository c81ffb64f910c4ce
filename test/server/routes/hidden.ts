import { READ_ONLY_JWT, VALID_JWT } from '../credentials.ts';
import { bearerToken, corsFor, send, sendHtml, sendJson, type Origins, type Route } from '../http.ts';

// Refusals no status code shows (issue 13): gRPC-web answers that say no inside HTTP 200, a
// throttled endpoint that asks for Retry-After, and what the browser itself withholds (CORP,
// COEP, the page's CSP).

/** A gRPC-web frame: flag byte, 4-byte big-endian length, payload (PROTOCOL-WEB.md). */
function frame(flag: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

const GRPC_TEXT = 'application/grpc-web-text+proto';

/** grpc-web-text: every frame base64-encoded on its own, as grpc-web's server side writes them. */
function grpcTextBody(message: Buffer | null, status: number, grpcMessage = ''): string {
  const trailer = frame(
    0x80,
    Buffer.from(`grpc-status:${status}\r\ngrpc-message:${encodeURIComponent(grpcMessage)}\r\n`),
  );
  return (message ? frame(0x00, message).toString('base64') : '') + trailer.toString('base64');
}

// Envoy's grpc_web filter in front of a service answering UNAUTHENTICATED before any message:
// a trailers-only response, HTTP 200, status and message in the headers.
// https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md
const listOrders: Route = {
  scenario: 'grpc-unauthenticated',
  listener: 'A',
  path: '/grpc/acme.orders.v1.OrderService/ListOrders',
  handle(req, res) {
    const token = bearerToken(req);
    if (token !== VALID_JWT && token !== READ_ONLY_JWT) {
      return send(res, 200, {
        'Content-Type': GRPC_TEXT,
        'grpc-status': '16',
        'grpc-message': encodeURIComponent(token ? 'invalid bearer token' : 'missing bearer token'),
      });
    }
    // message: field 1 (orders) with one id, then OK trailers.
    send(res, 200, { 'Content-Type': GRPC_TEXT }, grpcTextBody(Buffer.from([0x0a, 0x02, 0x08, 0x2a]), 0));
  },
};

// PERMISSION_DENIED after the call was authenticated: the status comes in the trailer frame at
// the end of the body (not in the headers), HTTP 200.
const deleteOrder: Route = {
  scenario: 'grpc-permission-denied',
  listener: 'A',
  path: '/grpc/acme.orders.v1.OrderService/DeleteOrder',
  handle(req, res) {
    const token = bearerToken(req);
    const status = token === VALID_JWT ? 0 : token === READ_ONLY_JWT ? 7 : 16;
    const message =
      status === 7 ? 'user-42 may not call DeleteOrder on orders/42' : status === 16 ? 'missing bearer token' : '';
    send(res, 200, { 'Content-Type': GRPC_TEXT }, grpcTextBody(status === 0 ? Buffer.from([]) : null, status, message));
  },
};

// A throttled search endpoint that always asks for 30 s (RFC 6585 §4). The client that retries
// at once is the storm; the one that waits is not (the server still answers 429 here).
const throttled: Route = {
  scenario: 'rate-limit-retry-after',
  listener: 'A',
  path: '/api/throttled/search',
  handle(_req, res) {
    sendJson(
      res,
      429,
      { error: 'too_many_requests', message: 'Rate limit exceeded. Try again in 30 seconds.' },
      { 'Retry-After': '30' },
    );
  },
};

// 1x1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function sendPng(res: Parameters<Route['handle']>[1], headers: Record<string, string>): void {
  res.writeHead(200, {
    'Content-Type': 'image/png',
    'Content-Length': PNG.length,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(PNG);
}

// A CDN asset marked for its own origin only: the page's no-cors fetch (or <img>) of it from
// another origin is withheld by the browser (Fetch: cross-origin resource policy check).
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Resource-Policy
const corpAvatar: Route = {
  scenario: 'corp-same-origin',
  listener: 'B',
  path: '/corp/avatar.png',
  handle(_req, res) {
    sendPng(res, { 'Cross-Origin-Resource-Policy': 'same-origin' });
  },
};

// An image without CORP, fine for ordinary pages, withheld from a page with COEP require-corp.
const coepLogo: Route = {
  scenario: 'coep-require-corp',
  listener: 'B',
  path: '/coep/logo.png',
  handle(_req, res) {
    sendPng(res, {});
  },
};

function blockPage(title: string, body: string, origins: Origins, script: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>
<body><h1>${title}</h1>${body}
<p><button id="run" type="button">Run</button> <output id="result"></output></p>
<script>
window.__WHY403_ORIGINS__ = ${JSON.stringify(origins).replaceAll('<', '\\u003c')};
document.getElementById('run').addEventListener('click', async () => {
  const out = document.getElementById('result');
  const button = document.getElementById('run');
  try { ${script} out.dataset.status = String(window.__status ?? 0); out.textContent = 'done'; }
  catch (e) { out.dataset.status = '0'; out.dataset.error = String(e); out.textContent = String(e); }
  button.dataset.runs = String(Number(button.dataset.runs || 0) + 1);
});
</script></body></html>`;
}

// A page whose CSP allows connections to itself only: its fetch to the API origin is stopped by
// the browser before it leaves (CSP3 connect-src), and fires securitypolicyviolation.
// https://www.w3.org/TR/CSP3/#directive-connect-src
export const CSP_PAGE_PATH = '/csp/';
const cspPage: Route = {
  scenario: 'csp-connect-src',
  listener: 'A',
  path: CSP_PAGE_PATH,
  handle(_req, res, origins) {
    const html = blockPage(
      'Page with connect-src self',
      `<p>CSP: <code>connect-src 'self'</code>. Run calls ${origins.originB}/api/public/ping.</p>`,
      origins,
      `const r = await fetch(window.__WHY403_ORIGINS__.originB + '/api/public/ping?from=csp-page'); window.__status = r.status;`,
    );
    sendHtml(res, 200, html, { 'Content-Security-Policy': "connect-src 'self'; report-uri /csp-reports" });
  },
};

// A cross-origin isolated page (COEP require-corp): a no-cors fetch of an asset without CORP is withheld.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy
export const COEP_PAGE_PATH = '/coep/';
const coepPage: Route = {
  scenario: 'coep-require-corp',
  listener: 'A',
  path: COEP_PAGE_PATH,
  handle(_req, res, origins) {
    const html = blockPage(
      'Page with COEP require-corp',
      `<p>COEP: <code>require-corp</code>. Run fetches ${origins.originB}/coep/logo.png (no CORP) in no-cors mode.</p>`,
      origins,
      `const r = await fetch(window.__WHY403_ORIGINS__.originB + '/coep/logo.png', { mode: 'no-cors' }); window.__status = r.status;`,
    );
    sendHtml(res, 200, html, {
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  },
};

// What the CSP page calls; allowed from the demo page (CORS), so the same call succeeds there.
const ping: Route = {
  scenario: 'csp-connect-src',
  listener: 'B',
  path: '/api/public/ping',
  handle(req, res, origins) {
    sendJson(res, 200, { pong: true }, corsFor(origins, req));
  },
};

// The CSP report endpoint (report-uri): the browser POSTs violations here too; the panel does not
// rely on it, but a real page has one.
const cspReports: Route = {
  scenario: 'csp-connect-src',
  listener: 'A',
  path: '/csp-reports',
  handle(_req, res) {
    send(res, 204, {});
  },
};

export const hiddenRoutes: Route[] = [
  listOrders,
  deleteOrder,
  throttled,
  corpAvatar,
  coepLogo,
  cspPage,
  coepPage,
  ping,
  cspReports,
];
