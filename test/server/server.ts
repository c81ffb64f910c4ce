import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson, type Origins, type Req, type Route } from './http.ts';
import { pageRoutes } from './page.ts';
import { Recorder, type ReceivedRequest } from './recorder.ts';
import { authRoutes } from './routes/auth.ts';
import { corsRoutes } from './routes/cors.ts';
import { hiddenRoutes } from './routes/hidden.ts';
import { webRoutes } from './routes/web.ts';

export const DEFAULT_PORT_A = 8133;
export const DEFAULT_PORT_B = 8134;

export interface ScenarioServerOptions {
  /** Port of the page's origin; 0 picks a free one. Default 8133. */
  portA?: number;
  /** Port of the API origin; 0 picks a free one. Default 8134. */
  portB?: number;
}

export interface ScenarioServer extends Origins {
  portA: number;
  portB: number;
  /** Opens the demo page after signing in to the API (sets the SameSite=Lax session cookie). */
  demoUrl: string;
  received(scenario: string): ReceivedRequest[];
  reset(): void;
  stop(): Promise<void>;
}

const ROUTES: Route[] = [...pageRoutes, ...authRoutes, ...webRoutes, ...corsRoutes, ...hiddenRoutes];

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function handler(listener: 'A' | 'B', recorder: Recorder, origins: () => Origins) {
  return async (raw: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = raw.headers.host ?? '127.0.0.1';
    let url: URL;
    try {
      url = new URL(raw.url ?? '/', `http://${host}`);
    } catch {
      return sendJson(res, 400, { error: 'bad request line' });
    }
    const body = await readBody(raw);
    if (url.pathname === '/__received') {
      const scenario = url.searchParams.get('scenario') ?? '';
      return sendJson(res, 200, { scenario, requests: recorder.get(scenario) }, { 'Access-Control-Allow-Origin': '*' });
    }
    if (url.pathname === '/__reset' && raw.method === 'POST') {
      recorder.reset();
      return sendJson(res, 200, { reset: true }, { 'Access-Control-Allow-Origin': '*' });
    }
    const route = ROUTES.find((r) => r.listener === listener && r.path === url.pathname);
    const method = raw.method ?? 'GET';
    recorder.add(route?.scenario ?? 'unmatched', {
      at: new Date().toISOString(),
      origin: `http://${host}`,
      method,
      url: url.pathname + url.search,
      headers: { ...raw.headers },
      body,
    });
    if (!route) return sendJson(res, 404, { error: 'not found', path: url.pathname });
    const req: Req = { raw, method, url, headers: raw.headers, body, listener };
    try {
      route.handle(req, res, origins());
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    }
  };
}

/** Starts both origins on 127.0.0.1. Resolves once both listen; stop() closes them. */
export async function startScenarioServer(options: ScenarioServerOptions = {}): Promise<ScenarioServer> {
  const recorder = new Recorder();
  let origins: Origins = { originA: '', originB: '', crossSiteB: '' };
  const a = createServer(handler('A', recorder, () => origins));
  const b = createServer(handler('B', recorder, () => origins));
  const portA = await listen(a, options.portA ?? DEFAULT_PORT_A);
  let portB: number;
  try {
    portB = await listen(b, options.portB ?? DEFAULT_PORT_B);
  } catch (error) {
    a.close();
    throw error;
  }
  origins = {
    originA: `http://127.0.0.1:${portA}`,
    originB: `http://127.0.0.1:${portB}`,
    crossSiteB: `http://localhost:${portB}`,
  };
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    ...origins,
    portA,
    portB,
    demoUrl: `${origins.crossSiteB}/session/login?next=${encodeURIComponent(`${origins.originA}/`)}`,
    received: (scenario) => recorder.get(scenario),
    reset: () => recorder.reset(),
    stop: async () => {
      await Promise.all([close(a), close(b)]);
    },
  };
}
