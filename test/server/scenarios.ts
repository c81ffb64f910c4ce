import {
  AWS_API_KEY,
  AWS_WRONG_API_KEY,
  BASIC_PASSWORD,
  BASIC_USER,
  BASIC_WRONG_PASSWORD,
  CSRF_TOKEN,
  GITHUB_TOKEN,
  KONG_API_KEY,
  READ_ONLY_JWT,
  VALID_JWT,
  basicHeader,
  expiredJwt,
} from './credentials.ts';
import type { Origins } from './http.ts';

/** A fetch the demo page makes: serialisable, so the server can hand it to the page. */
export interface RequestSpec {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  credentials?: 'omit' | 'same-origin' | 'include';
  /** fetch()'s mode; 'no-cors' for the opaque requests CORP/COEP judge. */
  mode?: 'cors' | 'no-cors' | 'same-origin';
}

export interface Scenario {
  /** Stable id: the page's buttons are #scenario-<id> and #success-<id>. */
  id: string;
  title: string;
  /** The cause id (spec/causes.md) the panel is expected to put first. */
  expectedTopCause: string;
  /** True when the browser blocks the call (CORS), so the page never sees the status. */
  blockedByBrowser: boolean;
  fail(o: Origins): RequestSpec;
  /** The same endpoint called correctly; absent where no page call can pass (preflight bugs). */
  success?(o: Origins): RequestSpec;
}

const json = { 'Content-Type': 'application/json' };
const grpcWeb = { 'Content-Type': 'application/grpc-web-text', Accept: 'application/grpc-web-text', 'X-Grpc-Web': '1' };
/** An empty request message, framed and base64-encoded as grpc-web-text. */
const GRPC_EMPTY = 'AAAAAAA=';

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'expired-jwt',
    title: 'Expired JWT (401 invalid_token)',
    expectedTopCause: 'auth.token_expired',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/api/orders`,
      method: 'GET',
      headers: { Authorization: `Bearer ${expiredJwt()}` },
    }),
    success: (o) => ({
      url: `${o.originA}/api/orders`,
      method: 'GET',
      headers: { Authorization: `Bearer ${VALID_JWT}` },
    }),
  },
  {
    id: 'insufficient-scope',
    title: 'Token without the needed scope (403 insufficient_scope)',
    expectedTopCause: 'permission.insufficient_scope',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/api/orders/42`,
      method: 'DELETE',
      headers: { Authorization: `Bearer ${READ_ONLY_JWT}` },
    }),
    success: (o) => ({
      url: `${o.originA}/api/orders/42`,
      method: 'DELETE',
      headers: { Authorization: `Bearer ${VALID_JWT}` },
    }),
  },
  {
    id: 'missing-api-key',
    title: 'Missing API key (Kong 401)',
    expectedTopCause: 'api_key.missing',
    blockedByBrowser: false,
    fail: (o) => ({ url: `${o.originA}/kong/weather?city=Oslo`, method: 'GET' }),
    success: (o) => ({ url: `${o.originA}/kong/weather?city=Oslo`, method: 'GET', headers: { apikey: KONG_API_KEY } }),
  },
  {
    id: 'invalid-api-key',
    title: 'Invalid API key (AWS API Gateway 403)',
    expectedTopCause: 'api_key.invalid',
    blockedByBrowser: false,
    fail: (o) => ({ url: `${o.originA}/aws/prod/pets`, method: 'GET', headers: { 'x-api-key': AWS_WRONG_API_KEY } }),
    success: (o) => ({ url: `${o.originA}/aws/prod/pets`, method: 'GET', headers: { 'x-api-key': AWS_API_KEY } }),
  },
  {
    id: 'basic-rejected',
    title: 'Basic auth rejected (401 Basic realm)',
    expectedTopCause: 'auth.invalid',
    blockedByBrowser: false,
    // credentials 'omit': Chromium opens its login prompt for a Basic 401 whenever the fetch
    // includes credentials (cookies, HTTP auth), and that prompt hangs headless runs.
    fail: (o) => ({
      url: `${o.originA}/admin/reports`,
      method: 'GET',
      headers: { Authorization: basicHeader(BASIC_USER, BASIC_WRONG_PASSWORD) },
      credentials: 'omit',
    }),
    success: (o) => ({
      url: `${o.originA}/admin/reports`,
      method: 'GET',
      headers: { Authorization: basicHeader(BASIC_USER, BASIC_PASSWORD) },
      credentials: 'omit',
    }),
  },
  {
    id: 'rate-limit-403',
    title: 'Rate limit answered with 403 (GitHub style)',
    expectedTopCause: 'rate_limit.exceeded',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/gh/repos/why403/demo`,
      method: 'GET',
      headers: { Accept: 'application/vnd.github+json' },
    }),
    success: (o) => ({
      url: `${o.originA}/gh/repos/why403/demo`,
      method: 'GET',
      headers: { Accept: 'application/vnd.github+json', Authorization: `Bearer ${GITHUB_TOKEN}` },
    }),
  },
  {
    id: 'csrf-django',
    title: 'CSRF verification failed (Django 403)',
    expectedTopCause: 'csrf.invalid',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/django/comments/`,
      method: 'POST',
      headers: json,
      body: '{"text":"Nice post"}',
      credentials: 'same-origin',
    }),
    success: (o) => ({
      url: `${o.originA}/django/comments/`,
      method: 'POST',
      headers: { ...json, 'X-CSRFToken': CSRF_TOKEN },
      body: '{"text":"Nice post"}',
      credentials: 'same-origin',
    }),
  },
  {
    id: 'csrf-laravel',
    title: 'CSRF token mismatch (Laravel 419)',
    expectedTopCause: 'csrf.invalid',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/laravel/profile`,
      method: 'POST',
      headers: { ...json, Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: '{"name":"Ada"}',
    }),
    success: (o) => ({
      url: `${o.originA}/laravel/profile`,
      method: 'POST',
      headers: {
        ...json,
        Accept: 'application/json',
        'X-Requested-With': 'XMLHttpRequest',
        'X-CSRF-TOKEN': CSRF_TOKEN,
      },
      body: '{"name":"Ada"}',
    }),
  },
  {
    id: 'waf-block',
    title: 'WAF block page (Cloudflare 1020)',
    expectedTopCause: 'waf.blocked',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/search?q=${encodeURIComponent("1' UNION SELECT password FROM users--")}`,
      method: 'GET',
    }),
    success: (o) => ({ url: `${o.originA}/search?q=blue+widgets`, method: 'GET' }),
  },
  {
    id: 'cors-preflight-acah',
    title: 'Preflight lacks authorization in Access-Control-Allow-Headers',
    expectedTopCause: 'cors.header_not_allowed',
    blockedByBrowser: true,
    fail: (o) => ({
      url: `${o.originB}/api/cors/profile`,
      method: 'GET',
      headers: { Authorization: `Bearer ${VALID_JWT}` },
    }),
  },
  {
    id: 'cors-preflight-401',
    title: 'Preflight demands auth (401 on OPTIONS)',
    expectedTopCause: 'cors.preflight_invalid_status',
    blockedByBrowser: true,
    fail: (o) => ({
      url: `${o.originB}/api/secure/profile`,
      method: 'GET',
      headers: { Authorization: `Bearer ${VALID_JWT}` },
    }),
  },
  {
    id: 'gateway-403-no-cors',
    title: 'Gateway 403 without CORS headers (CORS hides the 403)',
    expectedTopCause: 'cors.missing_allow_origin',
    blockedByBrowser: true,
    fail: (o) => ({ url: `${o.originB}/aws/prod/items`, method: 'GET', headers: { 'x-api-key': AWS_WRONG_API_KEY } }),
    success: (o) => ({ url: `${o.originB}/aws/prod/items`, method: 'GET', headers: { 'x-api-key': AWS_API_KEY } }),
  },
  {
    // Cross-SITE (127.0.0.1 → localhost): the SameSite=Lax session cookie stays home. The
    // success calls B under its same-site name, 127.0.0.1, where the same cookie is sent.
    id: 'samesite-cookie',
    title: 'SameSite=Lax session cookie not sent cross-site',
    expectedTopCause: 'auth.cookie_not_sent',
    blockedByBrowser: false,
    fail: (o) => ({ url: `${o.crossSiteB}/api/session/me`, method: 'GET', credentials: 'include' }),
    success: (o) => ({ url: `${o.originB}/api/session/me`, method: 'GET', credentials: 'include' }),
  },
  {
    // gRPC-web (issue 13): refusals inside HTTP 200. Trailers-only: grpc-status in the headers.
    id: 'grpc-unauthenticated',
    title: 'gRPC-web UNAUTHENTICATED (16) in an HTTP 200, trailers-only',
    expectedTopCause: 'auth.missing',
    blockedByBrowser: false,
    // credentials 'omit': no cookie either (the demo's session cookie is host-wide), so nothing was sent.
    fail: (o) => ({
      url: `${o.originA}/grpc/acme.orders.v1.OrderService/ListOrders`,
      method: 'POST',
      headers: grpcWeb,
      body: GRPC_EMPTY,
      credentials: 'omit',
    }),
    success: (o) => ({
      url: `${o.originA}/grpc/acme.orders.v1.OrderService/ListOrders`,
      method: 'POST',
      headers: { ...grpcWeb, Authorization: `Bearer ${VALID_JWT}` },
      body: GRPC_EMPTY,
    }),
  },
  {
    // The status in the trailer frame at the end of a grpc-web-text body.
    id: 'grpc-permission-denied',
    title: 'gRPC-web PERMISSION_DENIED (7) in the trailer frame of an HTTP 200',
    expectedTopCause: 'permission.denied',
    blockedByBrowser: false,
    fail: (o) => ({
      url: `${o.originA}/grpc/acme.orders.v1.OrderService/DeleteOrder`,
      method: 'POST',
      headers: { ...grpcWeb, Authorization: `Bearer ${READ_ONLY_JWT}` },
      body: GRPC_EMPTY,
    }),
    success: (o) => ({
      url: `${o.originA}/grpc/acme.orders.v1.OrderService/DeleteOrder`,
      method: 'POST',
      headers: { ...grpcWeb, Authorization: `Bearer ${VALID_JWT}` },
      body: GRPC_EMPTY,
    }),
  },
  {
    // Press it again at once and again: the repeats are a retry storm (client.retry_storm).
    id: 'rate-limit-retry-after',
    title: '429 with Retry-After: 30 (press Fail repeatedly for a retry storm)',
    expectedTopCause: 'rate_limit.exceeded',
    blockedByBrowser: false,
    fail: (o) => ({ url: `${o.originA}/api/throttled/search?q=shoes`, method: 'GET' }),
  },
  {
    // The browser withholds a no-cors response marked Cross-Origin-Resource-Policy: same-origin.
    id: 'corp-same-origin',
    title: 'No-cors fetch of an asset with Cross-Origin-Resource-Policy: same-origin',
    expectedTopCause: 'browser.corp_blocked',
    blockedByBrowser: true,
    fail: (o) => ({ url: `${o.originB}/corp/avatar.png`, method: 'GET', mode: 'no-cors' }),
  },
];

export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

/** What the page needs to run every scenario, resolved for these origins and this moment. */
export function pageConfig(o: Origins): {
  origins: Origins;
  scenarios: Array<Omit<Scenario, 'fail' | 'success'> & { fail: RequestSpec; success: RequestSpec | null }>;
} {
  return {
    origins: o,
    scenarios: SCENARIOS.map(({ fail, success, ...rest }) => ({
      ...rest,
      fail: fail(o),
      success: success ? success(o) : null,
    })),
  };
}
