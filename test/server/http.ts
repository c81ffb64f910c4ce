import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What a route sees: the raw request plus the already-read body and the listener it hit. */
export interface Req {
  raw: IncomingMessage;
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  /** Which listener answered: 'A' (the page's origin) or 'B' (the API origin). */
  listener: 'A' | 'B';
}

export interface Origins {
  /** The demo page: http://127.0.0.1:<A>. */
  originA: string;
  /** The API, cross-origin but same-site with the page: http://127.0.0.1:<B>. */
  originB: string;
  /** The same API under another host name, so calls from the page are cross-SITE: http://localhost:<B>. */
  crossSiteB: string;
}

const BODY_CAP = 256 * 1024;

/** Reads at most BODY_CAP bytes; the rest is drained so the socket stays usable. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < BODY_CAP) chunks.push(chunk.subarray(0, BODY_CAP - size));
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export function send(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string = '',
  statusMessage?: string,
): void {
  // Node fills in a reason phrase from its table; 419 has none there, so Laravel's is passed.
  if (statusMessage) res.statusMessage = statusMessage;
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(value));
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }, html);
}

/** Headers a correctly configured API on B sends to the demo page. */
export function corsFor(origins: Origins, req: Req, credentials = false): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (origin !== origins.originA) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    ...(credentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
  };
}

export function bearerToken(req: Req): string | undefined {
  const value = req.headers.authorization;
  const match = value ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
  return match?.[1];
}

export function cookie(req: Req, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** One endpoint of the scenario server; requests to it are recorded under `scenario`. */
export interface Route {
  scenario: string;
  listener: 'A' | 'B';
  path: string;
  handle(req: Req, res: ServerResponse, origins: Origins): void;
}
