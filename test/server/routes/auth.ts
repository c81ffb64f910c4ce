import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  AWS_API_KEY,
  BASIC_PASSWORD,
  BASIC_USER,
  GITHUB_TOKEN,
  KONG_API_KEY,
  basicHeader,
  verifyJwt,
} from '../credentials.ts';
import { bearerToken, sendHtml, sendJson, type Req, type Route } from '../http.ts';

const REALM = 'realm="why403-demo"';

// RFC 6750 §3 / §3.1: no error code when no token was sent; invalid_token (401) for a bad or
// expired one, with the exact example wording "The access token expired"; insufficient_scope
// (403) naming the scope needed. https://www.rfc-editor.org/rfc/rfc6750#section-3
const INVALID: Record<string, string> = {
  expired: 'The access token expired',
  signature: 'The access token signature is invalid',
  malformed: 'The access token is malformed',
  not_yet_valid: 'The access token is not valid yet',
};

/** Answers the refusal itself and returns false, or returns true when the caller may proceed. */
export function bearerGuard(req: Req, res: ServerResponse, scope: string, extra: Record<string, string> = {}): boolean {
  const token = bearerToken(req);
  if (!token) {
    sendJson(res, 401, { error: 'unauthorized' }, { 'WWW-Authenticate': `Bearer ${REALM}`, ...extra });
    return false;
  }
  const check = verifyJwt(token);
  if (!check.ok) {
    const description = INVALID[check.reason] ?? 'The access token is invalid';
    const challenge = `Bearer ${REALM}, error="invalid_token", error_description="${description}"`;
    sendJson(
      res,
      401,
      { error: 'invalid_token', error_description: description },
      { 'WWW-Authenticate': challenge, ...extra },
    );
    return false;
  }
  if (!check.claims.scope.split(' ').includes(scope)) {
    const description = 'The request requires higher privileges than provided by the access token';
    const challenge = `Bearer ${REALM}, error="insufficient_scope", error_description="${description}", scope="${scope}"`;
    sendJson(
      res,
      403,
      { error: 'insufficient_scope', error_description: description, scope },
      { 'WWW-Authenticate': challenge, ...extra },
    );
    return false;
  }
  return true;
}

const orders: Route = {
  scenario: 'expired-jwt',
  listener: 'A',
  path: '/api/orders',
  handle(req, res) {
    if (bearerGuard(req, res, 'orders:read')) sendJson(res, 200, { orders: [{ id: 42, total: 99.5 }] });
  },
};

const deleteOrder: Route = {
  scenario: 'insufficient-scope',
  listener: 'A',
  path: '/api/orders/42',
  handle(req, res) {
    if (bearerGuard(req, res, 'orders:write')) sendJson(res, 200, { deleted: 42 });
  },
};

// Kong key-auth: key in the `apikey` header or query parameter; 401 "No API key found in
// request" when absent, 401 "Unauthorized" (Kong 3.x wording) for an unknown key, both with a
// `WWW-Authenticate: Key` challenge. https://developer.konghq.com/plugins/key-auth and
// https://github.com/Kong/kong/pull/11794
const kongWeather: Route = {
  scenario: 'missing-api-key',
  listener: 'A',
  path: '/kong/weather',
  handle(req, res) {
    const key = (req.headers.apikey as string | undefined) ?? req.url.searchParams.get('apikey') ?? undefined;
    const kong = {
      Server: 'kong/3.9.0',
      'X-Kong-Response-Latency': '1',
      'X-Kong-Request-Id': randomUUID().replaceAll('-', ''),
    };
    const challenge = { ...kong, 'WWW-Authenticate': 'Key realm="kong"' };
    if (!key)
      return sendJson(
        res,
        401,
        { message: 'No API key found in request', request_id: kong['X-Kong-Request-Id'] },
        challenge,
      );
    if (key !== KONG_API_KEY)
      return sendJson(res, 401, { message: 'Unauthorized', request_id: kong['X-Kong-Request-Id'] }, challenge);
    sendJson(res, 200, { city: req.url.searchParams.get('city') ?? 'Oslo', temperature_c: 4 }, { Via: 'kong/3.9.0' });
  },
};

// AWS API Gateway with "API key required": a missing or unknown x-api-key is answered by the
// gateway itself with 403 {"message":"Forbidden"} and x-amzn-ErrorType: ForbiddenException.
// https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden
export function awsGateway(
  req: Req,
  res: ServerResponse,
  cors: Record<string, string>,
  onError: Record<string, string>,
  body: unknown,
): void {
  const aws = { 'x-amzn-RequestId': randomUUID(), 'x-amz-apigw-id': 'Xq3kFHqXoAMEb2Q=' };
  if (req.headers['x-api-key'] !== AWS_API_KEY) {
    return sendJson(
      res,
      403,
      { message: 'Forbidden' },
      { ...aws, 'x-amzn-ErrorType': 'ForbiddenException', ...onError },
    );
  }
  sendJson(res, 200, body, { ...aws, ...cors });
}

const awsPets: Route = {
  scenario: 'invalid-api-key',
  listener: 'A',
  path: '/aws/prod/pets',
  handle(req, res) {
    awsGateway(req, res, {}, {}, [{ id: 1, type: 'dog', price: 249.99 }]);
  },
};

// nginx auth_basic: the same 401 page for no and for wrong credentials, with the realm
// challenge of RFC 7617 §2. https://www.rfc-editor.org/rfc/rfc7617#section-2
const NGINX_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
  '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n';

const adminReports: Route = {
  scenario: 'basic-rejected',
  listener: 'A',
  path: '/admin/reports',
  handle(req, res) {
    if (req.headers.authorization !== basicHeader(BASIC_USER, BASIC_PASSWORD)) {
      return sendHtml(res, 401, NGINX_401, {
        Server: 'nginx/1.24.0',
        'WWW-Authenticate': 'Basic realm="Why403 admin", charset="UTF-8"',
      });
    }
    sendJson(res, 200, { reports: ['2025-q1.pdf'] }, { Server: 'nginx/1.24.0' });
  },
};

// GitHub REST: an exhausted primary limit answers 403 (or 429) with x-ratelimit-remaining: 0;
// authenticated calls get 5,000/h instead of 60. https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
const githubRepo: Route = {
  scenario: 'rate-limit-403',
  listener: 'A',
  path: '/gh/repos/why403/demo',
  handle(req, res) {
    const reset = String(Math.floor(Date.now() / 1000) + 2400);
    const common = {
      Server: 'github.com',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': 'C0DE:1F2E:3A4B5C:6D7E8F:65A1B2C3',
      'x-ratelimit-reset': reset,
      'x-ratelimit-resource': 'core',
    };
    const auth = req.headers.authorization;
    if (!auth) {
      const ip = req.raw.socket.remoteAddress ?? '127.0.0.1';
      const message =
        `API rate limit exceeded for ${ip}. (But here's the good news: Authenticated requests get ` +
        `a higher rate limit. Check out the documentation for more details.)`;
      const limits = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60' };
      return sendJson(
        res,
        403,
        { message, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
        { ...common, ...limits },
      );
    }
    if (!/^(?:Bearer|token)\s+/i.test(auth) || auth.replace(/^\S+\s+/, '') !== GITHUB_TOKEN) {
      return sendJson(
        res,
        401,
        { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
        common,
      );
    }
    const limits = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-used': '1' };
    sendJson(res, 200, { id: 1, full_name: 'why403/demo', private: false }, { ...common, ...limits });
  },
};

export const authRoutes: Route[] = [orders, deleteOrder, kongWeather, awsPets, adminReports, githubRepo];
