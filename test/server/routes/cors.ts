import type { ServerResponse } from 'node:http';
import { SESSION_COOKIE, SESSION_ID } from '../credentials.ts';
import { cookie, corsFor, send, sendJson, type Origins, type Req, type Route } from '../http.ts';
import { awsGateway, bearerGuard } from './auth.ts';

// These endpoints live on origin B, so calls from the page are real cross-origin requests and
// Chromium enforces CORS on them (Fetch standard, CORS-preflight fetch:
// https://fetch.spec.whatwg.org/#cors-preflight-fetch). Without an Origin header (a direct
// replay from the extension, curl) each one answers on its credentials alone.

function preflight(res: ServerResponse, status: number, headers: Record<string, string>): void {
  send(res, status, { 'Content-Length': '0', ...headers });
}

// The preflight allows Content-Type only, so a call carrying Authorization is blocked before it
// is sent, although the server would accept the token.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowHeaderFromPreflight
const acah: Route = {
  scenario: 'cors-preflight-acah',
  listener: 'B',
  path: '/api/cors/profile',
  handle(req, res, origins) {
    const cors = corsFor(origins, req) as Record<string, string>;
    if (req.method === 'OPTIONS') {
      return preflight(res, 204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, X-Requested-With',
      });
    }
    if (bearerGuard(req, res, 'orders:read', cors)) sendJson(res, 200, { user: 'user-42', plan: 'pro' }, cors);
  },
};

// An auth filter that also runs on OPTIONS: preflights never carry credentials, so they get 401
// (with CORS headers, which a global CORS filter adds) and the real call is never sent.
// https://docs.spring.io/spring-security/reference/servlet/integrations/cors.html
const preflightAuth: Route = {
  scenario: 'cors-preflight-401',
  listener: 'B',
  path: '/api/secure/profile',
  handle(req, res, origins) {
    const cors = {
      ...(corsFor(origins, req) as Record<string, string>),
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    };
    if (req.method === 'OPTIONS') {
      return sendJson(
        res,
        401,
        { error: 'unauthorized', message: 'Full authentication is required to access this resource' },
        { ...cors, 'WWW-Authenticate': 'Bearer realm="why403-demo"' },
      );
    }
    if (bearerGuard(req, res, 'orders:read', cors)) sendJson(res, 200, { user: 'user-42', secure: true }, cors);
  },
};

// API Gateway with "Enable CORS": the OPTIONS mock and the integration send CORS headers, but
// the gateway's own 403 for a bad key does not (DEFAULT_4XX gateway responses carry none), so
// the browser reports a CORS error and hides the 403.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
const API_GATEWAY_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
  'Access-Control-Allow-Methods': 'GET,OPTIONS',
};

const gatewayItems: Route = {
  scenario: 'gateway-403-no-cors',
  listener: 'B',
  path: '/aws/prod/items',
  handle(req, res) {
    if (req.method === 'OPTIONS') return preflight(res, 200, API_GATEWAY_CORS);
    awsGateway(req, res, { 'Access-Control-Allow-Origin': '*' }, {}, { items: [{ id: 'a1', name: 'widget' }] });
  },
};

// Session login as a top-level navigation: B sets a SameSite=Lax session cookie for the host it
// was reached on, then bounces on (both host names of B, then back to the page). Chromium sends
// Lax cookies only on same-site requests and top-level GET navigations, so the page on
// 127.0.0.1 calling http://localhost:B (another site) goes without it.
// https://web.dev/articles/samesite-cookies-explained
const login: Route = {
  scenario: 'samesite-cookie',
  listener: 'B',
  path: '/session/login',
  handle(req, res, origins) {
    const next = req.url.searchParams.get('next') ?? `${origins.originA}/`;
    const here = `${req.url.protocol}//${req.url.host}`;
    const hop =
      here === origins.crossSiteB ? `${origins.originB}/session/login?next=${encodeURIComponent(next)}` : next;
    const safe = [origins.originA, origins.originB, origins.crossSiteB].some((o) => hop.startsWith(`${o}/`))
      ? hop
      : `${origins.originA}/`;
    send(res, 302, { Location: safe, 'Set-Cookie': `${SESSION_COOKIE}=${SESSION_ID}; Path=/; HttpOnly; SameSite=Lax` });
  },
};

// Django REST framework with SessionAuthentication answers an anonymous request with 403
// "Authentication credentials were not provided."
// https://www.django-rest-framework.org/api-guide/authentication/#unauthorized-and-forbidden-responses
function sessionMe(req: Req, res: ServerResponse, origins: Origins): void {
  const cors = corsFor(origins, req, true);
  if (cookie(req, SESSION_COOKIE) !== SESSION_ID) {
    return sendJson(
      res,
      403,
      { detail: 'Authentication credentials were not provided.' },
      { ...cors, Vary: 'Origin, Cookie', Allow: 'GET, HEAD, OPTIONS' },
    );
  }
  sendJson(res, 200, { user: 'user-42', session: 'active' }, { ...cors, Vary: 'Origin, Cookie' });
}

const me: Route = { scenario: 'samesite-cookie', listener: 'B', path: '/api/session/me', handle: sessionMe };

export const corsRoutes: Route[] = [acah, preflightAuth, gatewayItems, login, me];
