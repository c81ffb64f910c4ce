import { expect, test } from '@playwright/test';
import { CSRF_TOKEN, SESSION_COOKIE, SESSION_ID, VALID_JWT, expiredJwt, verifyJwt } from '../server/credentials.ts';
import { SCENARIOS, type RequestSpec } from '../server/scenarios.ts';
import { startScenarioServer, type ScenarioServer } from '../server/server.ts';

// The scenario server on its own, no browser: each scenario's server side refuses the failing
// call and accepts the correct one, which is what the panel tests and replay (issue 5) rely on.
// Sent from Node, the calls skip CORS: "direct" is the server's own verdict.
const DIRECT_FAIL: Record<string, number> = {
  'expired-jwt': 401,
  'insufficient-scope': 403,
  'missing-api-key': 401,
  'invalid-api-key': 403,
  'basic-rejected': 401,
  'rate-limit-403': 403,
  'csrf-django': 403,
  'csrf-laravel': 419,
  'waf-block': 403,
  // The browser blocks these two at the preflight; the call itself carries a valid token.
  'cors-preflight-acah': 200,
  'cors-preflight-401': 200,
  'gateway-403-no-cors': 403,
  'samesite-cookie': 403,
  // gRPC-web says no inside HTTP 200 (grpc-status in the headers or the trailer frame).
  'grpc-unauthenticated': 200,
  'grpc-permission-denied': 200,
  'rate-limit-retry-after': 429,
  // The server answers 200; the browser withholds it (Cross-Origin-Resource-Policy: same-origin).
  'corp-same-origin': 200,
};
// Cookies the browser would attach on the success path (the page sets csrftoken; login sets session).
const BROWSER_COOKIES: Record<string, string> = {
  'csrf-django': `csrftoken=${CSRF_TOKEN}`,
  'samesite-cookie': `${SESSION_COOKIE}=${SESSION_ID}`,
};

let server: ScenarioServer;
test.beforeAll(async () => {
  server = await startScenarioServer({ portA: 0, portB: 0 });
});
test.afterAll(async () => server.stop());

function send(spec: RequestSpec, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(spec.url, {
    method: spec.method,
    headers: { ...spec.headers, ...extra },
    body: spec.body,
    redirect: 'manual',
  });
}

/** grpc-status from the headers (trailers-only) or the trailer frame of a grpc-web-text body. */
async function grpcStatus(res: Response): Promise<string | null> {
  const inHeaders = res.headers.get('grpc-status');
  if (inHeaders !== null) return inHeaders;
  const body = Buffer.from(await res.text(), 'latin1').toString();
  const bytes = Buffer.concat((body.match(/[^=]+=*/g) ?? []).map((chunk) => Buffer.from(chunk, 'base64')));
  return /grpc-status:(\d+)/.exec(bytes.toString('latin1'))?.[1] ?? null;
}

test('every scenario is listed in the direct-status table', () => {
  expect(Object.keys(DIRECT_FAIL).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
});

for (const scenario of SCENARIOS) {
  test(`${scenario.id}: the failing call is refused, the correct one accepted`, async () => {
    const cookie = BROWSER_COOKIES[scenario.id];
    const fail = await send(scenario.fail(server), scenario.id === 'csrf-django' && cookie ? { Cookie: cookie } : {});
    expect(fail.status).toBe(DIRECT_FAIL[scenario.id]);
    if (scenario.id.startsWith('grpc-'))
      expect(await grpcStatus(fail)).toBe(scenario.id === 'grpc-unauthenticated' ? '16' : '7');
    if (scenario.id === 'corp-same-origin')
      expect(fail.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    if (scenario.success) {
      const ok = await send(scenario.success(server), cookie ? { Cookie: cookie } : {});
      expect(ok.status).toBeGreaterThanOrEqual(200);
      expect(ok.status).toBeLessThan(300);
      if (scenario.id.startsWith('grpc-')) expect(await grpcStatus(ok)).toBe('0');
    }
  });
}

test('the expired token expired two hours before the response Date', async () => {
  const token = expiredJwt();
  const res = await fetch(`${server.originA}/api/orders`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.headers.get('www-authenticate')).toBe(
    'Bearer realm="why403-demo", error="invalid_token", error_description="The access token expired"',
  );
  const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp as number;
  expect(Date.parse(res.headers.get('date')!) / 1000 - exp).toBeGreaterThan(7000);
  expect(verifyJwt(VALID_JWT).ok).toBe(true);
  expect(verifyJwt(`${VALID_JWT.slice(0, -2)}xx`)).toEqual({ ok: false, reason: 'signature' });
});

test('CORS shapes: ACAH without authorization, 401 preflight, gateway 403 without ACAO', async () => {
  const preflight = (path: string, headers: string) =>
    fetch(`${server.originB}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: server.originA,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': headers,
      },
    });
  const acah = await preflight('/api/cors/profile', 'authorization');
  expect(acah.status).toBe(204);
  expect(acah.headers.get('access-control-allow-origin')).toBe(server.originA);
  expect(acah.headers.get('access-control-allow-headers')?.toLowerCase()).not.toContain('authorization');
  const auth = await preflight('/api/secure/profile', 'authorization');
  expect(auth.status).toBe(401);
  expect(auth.headers.get('access-control-allow-origin')).toBe(server.originA);
  const gateway = await fetch(`${server.originB}/aws/prod/items`, {
    headers: { Origin: server.originA, 'x-api-key': 'nope' },
  });
  expect(gateway.status).toBe(403);
  expect(gateway.headers.get('access-control-allow-origin')).toBeNull();
});

test('login sets a SameSite=Lax session cookie on both host names and only redirects home', async () => {
  const first = await fetch(server.demoUrl, { redirect: 'manual' });
  expect(first.headers.get('set-cookie')).toMatch(/^session=.+; HttpOnly; SameSite=Lax$/);
  expect(first.headers.get('location')).toMatch(new RegExp(`^${server.originB}/session/login\\?next=`));
  const evil = await fetch(`${server.originB}/session/login?next=https://evil.example/`, { redirect: 'manual' });
  expect(evil.headers.get('location')).toBe(`${server.originA}/`);
});

test('the server records what it received, per scenario, and resets', async () => {
  server.reset();
  await fetch(`${server.originA}/api/orders`, { headers: { Authorization: `Bearer ${VALID_JWT}` } });
  await fetch(`${server.originA}/laravel/profile`, {
    method: 'POST',
    body: '{"a":1}',
    headers: { 'Content-Type': 'application/json' },
  });
  const orders = (await (await fetch(`${server.originB}/__received?scenario=expired-jwt`)).json()) as {
    requests: Array<{ headers: Record<string, string>; origin: string }>;
  };
  expect(orders.requests).toHaveLength(1);
  expect(orders.requests[0]!.headers.authorization).toBe(`Bearer ${VALID_JWT}`);
  expect(orders.requests[0]!.origin).toBe(server.originA);
  expect(server.received('csrf-laravel')[0]).toMatchObject({
    method: 'POST',
    url: '/laravel/profile',
    body: '{"a":1}',
  });
  expect((await fetch(`${server.originA}/__reset`, { method: 'POST' })).status).toBe(200);
  expect(server.received('expired-jwt')).toEqual([]);
});
