import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it reached the server. */
export interface Received {
  method: string;
  /** The request target, raw: path and query as sent, nothing decoded. */
  target: string;
  /** Header names as sent, values as their bytes (Node reads header bytes as latin1). */
  headers: { name: string; value: Buffer }[];
  body: Buffer;
}

export interface EchoServer {
  origin: string;
  received: Received[];
  /** Forgets what was received (call before each command). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 (port 0) recording method, raw target, raw headers (from
 * req.rawHeaders, order and case kept) and body bytes of every request. Answers 200 "ok".
 */
export async function startEchoServer(): Promise<EchoServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Received['headers'] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        headers.push({ name: req.rawHeaders[i]!, value: Buffer.from(req.rawHeaders[i + 1]!, 'latin1') });
      received.push({ method: req.method ?? '', target: req.url ?? '', headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    reset: () => void received.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
