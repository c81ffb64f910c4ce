import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small server (127.0.0.1 only) answering with the hostile shapes issue 3 lists: the panel
// must stay usable and say what it could not read. Cross-origin to the demo page, so it
// answers preflights and carries CORS headers for whoever calls it.

export const BIG_HEADER_BYTES = 100 * 1024;
export const BINARY_BYTES = 5 * 1024 * 1024;
export const BROKEN_JWT = 'eyJhbGciOi.broken.x';

/** Deterministic bytes covering every value, so the body is not valid UTF-8 text. */
function binaryBody(size: number): Buffer {
  const buf = Buffer.alloc(size);
  let seed = 7;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    buf[i] = seed >>> 23;
  }
  return buf;
}

type Handler = (req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) => void;

const ROUTES: Record<string, Handler> = {
  // A 403 whose body is 5 MB of binary, the way a misconfigured gateway serves a file.
  '/bad/binary': (_req, res, cors) => {
    res.writeHead(403, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Length': BINARY_BYTES });
    res.end(binaryBody(BINARY_BYTES));
  },
  // A 401 with a 100 KB response header (a bloated challenge), after a 100 KB request header.
  '/bad/big-header': (req, res, cors) => {
    const got = String(req.headers['x-big'] ?? '').length;
    res.writeHead(401, {
      ...cors,
      'Content-Type': 'application/json',
      'WWW-Authenticate': `Bearer realm="api", error_description="${'z'.repeat(BIG_HEADER_BYTES)}"`,
    });
    res.end(JSON.stringify({ error: 'unauthorized', receivedHeaderBytes: got }));
  },
  // A 401 claiming JSON whose body is cut in the middle.
  '/bad/malformed-json': (_req, res, cors) => {
    res.writeHead(401, { ...cors, 'Content-Type': 'application/json' });
    res.end('{"error": "invalid_token", "error_description": "The access token is inval');
  },
  // A 401 for a token that only looks like a JWT.
  '/bad/broken-jwt': (_req, res, cors) => {
    res.writeHead(401, {
      ...cors,
      'Content-Type': 'application/json',
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
    res.end('{"error":"invalid_token"}');
  },
};

export interface BadServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startBadServer(): Promise<BadServer> {
  // Node refuses request headers over 16 KB by default; the test sends 100 KB.
  const server = createServer({ maxHeaderSize: 512 * 1024 }, (req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': String(req.headers.origin ?? '*'),
      'Access-Control-Allow-Headers': 'authorization, x-big, content-type',
      'Access-Control-Allow-Methods': 'GET, POST',
      'Cache-Control': 'no-store',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = ROUTES[path];
    if (route) route(req, res, cors);
    else {
      res.writeHead(404, cors);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
